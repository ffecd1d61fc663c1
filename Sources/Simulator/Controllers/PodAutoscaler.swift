/// What sets the deployment's replica count: KEDA with the HPA it drives, or Knative's KPA. Its
/// controllers join the serving model's when it starts (``ServingSystem/startTimer(of:period:phase:engine:)``).
protocol PodAutoscaler: AnyObject {
    /// Sets the initial replica count and starts the controllers' timers, at the start of the run.
    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// A request arrived while the replica count is zero (Knative's activator pokes the autoscaler).
    func requestArrivedAtZero(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)
}

extension PodAutoscaler {
    func requestArrivedAtZero(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {}
}
