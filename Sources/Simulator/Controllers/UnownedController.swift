/// A controller reached without reference counting. ``ServingSystem`` reaches its controllers on
/// every tick and after every event while passing itself `inout`, so a strong reference it stores
/// is retained and released around each call (which showed in profiles). It keeps them alive for
/// the whole run in ``ServingSystem/controllers`` (set once per slot, never replaced); these
/// borrow them.
struct UnownedController {
    private let object: Unmanaged<AnyObject>
    private let type: any Controller.Type

    init(_ controller: any Controller) {
        object = Unmanaged.passUnretained(controller)
        type = Swift.type(of: controller)
    }

    /// Calls `body` with the controller, borrowed for the call.
    @inline(__always)
    func with<Result>(_ body: (any Controller) -> Result) -> Result {
        let type: any Controller.Type = type   // opened from a local: from the property, the compiler fails
        return Self.with(object, as: type, body)
    }

    @inline(__always)
    private static func with<Borrowed: Controller, Result>(
        _ object: Unmanaged<AnyObject>, as _: Borrowed.Type, _ body: (any Controller) -> Result
    ) -> Result {
        object._withUnsafeGuaranteedRef { body(unsafeDowncast($0, to: Borrowed.self)) }
    }
}
