/// An immutable value behind a reference, read through key paths: lets the cluster's events and
/// the node provisioner read a large configuration (``AutoscaledDeployment``) without copying it.
@dynamicMemberLookup
final class Shared<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    subscript<Member>(dynamicMember keyPath: KeyPath<Value, Member>) -> Member { value[keyPath: keyPath] }
}
