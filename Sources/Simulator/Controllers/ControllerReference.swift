/// A controller referenced without retaining it: the serving model reads its parked controllers'
/// inputs after every event, and retaining and releasing each one on every read showed in
/// profiles. Whoever stores one also keeps the controller alive (``ServingSystem/ownedControllers``).
struct ControllerReference {
    unowned(unsafe) let controller: any Controller
}
