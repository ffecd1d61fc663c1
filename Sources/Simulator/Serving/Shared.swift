/// An immutable value behind a reference, read through key paths: lets the event loop hand a
/// large configuration (``AutoscaledDeployment``) to every controller tick without copying it.
@dynamicMemberLookup
final class Shared<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    subscript<Member>(dynamicMember keyPath: KeyPath<Value, Member>) -> Member { value[keyPath: keyPath] }
}
