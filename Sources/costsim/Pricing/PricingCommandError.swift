/// A pricing-command failure that is about the input, not the command line: printed as
/// `Error: <message>` on stderr with exit status 1 (no usage text).
struct PricingCommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
