/// An error the command line reports as is: one line, naming the file or option at fault.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
