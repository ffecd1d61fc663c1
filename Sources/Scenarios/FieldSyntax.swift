/// How a field table reads a value: as costsim's scenario and grid files write it (durations such
/// as `90s`, `10m`, `1.5h`), or as the Kubernetes object's schema does (``KarpenterField``:
/// the NodePool CRD's durations; ``KEDAField``: the ScaledObject's whole seconds).
package enum FieldSyntax: Sendable { case scenario, manifest }
