/// What starts and removes a serverless option's instances (``ServerlessDeployment``): the
/// platform's own scaler, reacting to the requests rather than to a Kubernetes cluster. The
/// serving model calls it when a request arrives, when an instance became ready or finished a
/// request and when an idle deadline it set comes; it acts
/// through ``ServingSystem/startInstance(_:pool:startupSeconds:engine:)`` and
/// ``ServingSystem/removeInstance(node:pod:engine:)``.
protocol PlatformScaler: AnyObject {
    /// Starts the always-warm instances, at the start of the run.
    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// A request arrived (it is in the broker's queue or already delivered); returns what happens
    /// to it if it still waits (``PlatformAdmission``).
    func requestArrived(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) -> PlatformAdmission

    /// The instance running `pod` became ready (it has taken what waited for it).
    func instanceReady(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// The instance running `pod` finished a request (and has taken the next one if any waited).
    func requestFinished(pod: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// An idle deadline set for `node` came.
    func idleDeadline(node: Int32, in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>)

    /// No instance starting and none above the minimum: a run without a horizon may end.
    var isAtRest: Bool { get }
}
