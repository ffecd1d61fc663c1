/// The layout of an access-log line as nginx's `log_format` writes it: literal text and
/// `$variable`s (`${variable}` also), e.g. `$remote_addr - $remote_user [$time_local] "$request" ...`.
///
/// A line is matched left to right: each literal must appear where the format has it, and each
/// variable's value runs up to the first occurrence of the literal after it (to the end of the line
/// for a last variable), list values kept whole (see ``find(_:in:from:)``). nginx escapes `"`
/// inside values (`\x22`), so quoted values cannot end early.
public struct AccessLogFormat: Sendable, Hashable {
    /// The format as written.
    public let text: String
    /// The variables' names (without `$`), in order; a trace's columns are these names.
    public let variables: [String]
    /// The literal text before each variable; the last element is the text after the last variable.
    private let literals: [[UInt8]]

    /// ingress-nginx's default `log-format-upstream` (the `upstreaminfo` format of its ConfigMap).
    public static let ingressNginx = try! AccessLogFormat(
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" "
            + "\"$http_user_agent\" $request_length $request_time [$proxy_upstream_name] "
            + "[$proxy_alternative_upstream_name] "
            + "$upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id")

    /// Reads a format; the error says what is wrong (no variable, two variables with nothing between them).
    public init(_ text: String) throws(FormatError) {
        self.text = text
        var variables: [String] = []
        var literals: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$") else {
                literals[literals.count - 1].append(bytes[index])
                index += 1
                continue
            }
            index += 1
            let braced = index < bytes.count && bytes[index] == UInt8(ascii: "{")
            if braced { index += 1 }
            let start = index
            while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
            guard index > start else { throw FormatError(message: "'$' at character \(start) names no variable") }
            if braced {
                guard index < bytes.count && bytes[index] == UInt8(ascii: "}") else {
                    throw FormatError(message: "'${' without '}'")
                }
            }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            if braced { index += 1 }
            guard variables.isEmpty || !literals[literals.count - 1].isEmpty else {
                let previous = variables[variables.count - 1]
                throw FormatError(message: "$\(previous) and $\(name) have no text between them: the line cannot be split")
            }
            variables.append(name)
            literals.append([])
        }
        guard !variables.isEmpty else { throw FormatError(message: "the format has no $variable") }
        self.variables = variables
        self.literals = literals
    }

    /// A problem with a format's text.
    public struct FormatError: Error, Sendable {
        public var message: String
    }

    /// Splits `bytes` into the values of the variables, written to `ranges` (one per variable).
    /// Returns `nil` on success, else the variable whose value could not be found (at it or before it
    /// the line differs from the format).
    func match(_ bytes: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) -> Int? {
        var position = 0
        for variable in variables.indices {
            guard Self.hasLiteral(literals[variable], in: bytes, at: position) else { return variable }
            position += literals[variable].count
            let next = literals[variable + 1]
            var end = bytes.count
            if !next.isEmpty {
                guard let found = Self.find(next, in: bytes, from: position) else { return variable }
                end = found
            }
            ranges[variable] = position..<end
            position = end
        }
        let tail = literals[variables.count]
        guard position + tail.count == bytes.count, Self.hasLiteral(tail, in: bytes, at: position) else {
            return variables.count - 1
        }
        return nil
    }

    /// The format's text around `variable` (`[$time_local] "`), for error messages.
    func textAround(_ variable: Int) -> String {
        String(decoding: literals[variable], as: UTF8.self) + "$" + variables[variable]
            + String(decoding: literals[variable + 1], as: UTF8.self)
    }

    private static func hasLiteral(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + literal.count <= bytes.count else { return false }
        for offset in literal.indices where bytes[position + offset] != literal[offset] { return false }
        return true
    }

    /// The first occurrence of `literal` at or after `start`. A space inside an nginx list value
    /// (`10.4.1.12:8080, 10.4.2.7:8080` after a retry, `0.5 : 0.25` after an internal redirect)
    /// does not end the value: a literal starting with a space is not matched after `,` or `:` or
    /// before `:`.
    private static func find(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let space = UInt8(ascii: " ")
        let comma = UInt8(ascii: ",")
        let colon = UInt8(ascii: ":")
        var position = start
        while position + literal.count <= bytes.count {
            if bytes[position] == literal[0] && hasLiteral(literal, in: bytes, at: position) {
                let insideList =
                    literal[0] == space && position > start
                    && (bytes[position - 1] == comma || bytes[position - 1] == colon
                        || (position + 1 < bytes.count && bytes[position + 1] == colon))
                if !insideList { return position }
            }
            position += 1
        }
        return nil
    }
}
