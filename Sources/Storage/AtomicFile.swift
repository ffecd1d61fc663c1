// Every file costsim writes goes through these types (one file each): readers see the old file or
// the complete new one, never a partial write. The pieces:
//
// - `OutputFile` / `OutputDirectory`: a destination checked before anything is computed (the
//   directory exists and is writable; only regular files are replaced; links are followed, except
//   another user's in a shared sticky directory; the name is not too long).
// - `OutputBatch`: one output made of several files, each written to a `TemporaryFile` beside its
//   destination and all renamed into place only when every one was written.
// - `TemporaryFiles` / `StaleTemporaryFiles`: the temporary files alive right now, removed when the
//   process is interrupted (SIGINT, SIGTERM); those of killed processes, removed by the next write.
// - `AtomicFile`: the one-file shorthands, and the same-file rule.

/// The one-file shorthands: each checks `path` (see ``OutputFile``), writes a temporary file beside
/// it and renames it over `path` only when complete. Errors name the path and the cause ("cannot
/// write out/r.json: no space left on device"); nothing is left behind.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path` atomically; `option` names the path in messages.
    public static func write(_ text: String, to path: String, option: String? = nil) throws {
        try write(Array(text.utf8), to: path, option: option)
    }

    /// Writes `bytes` to `path` atomically; `option` names the path in messages.
    public static func write(_ bytes: [UInt8], to path: String, option: String? = nil) throws {
        let file = try OutputFile(checking: path, option: option)
        try OutputBatch.write { try $0.add(bytes, to: file) }
    }

    /// Streams lines into a temporary file beside `path` and renames it into place only if
    /// `body` succeeds. `path` is checked before `body` runs, so no work is done for an output
    /// that cannot be written.
    public static func writeLines(
        to path: String, option: String? = nil, _ body: (_ emit: (String) throws -> Void) throws -> Void
    ) throws {
        let file = try OutputFile(checking: path, option: option)
        try OutputBatch.write { try $0.addLines(to: file, body) }
    }

    /// Lets `produce` build the file at a temporary path beside `path` (see
    /// ``OutputBatch/add(to:producedBy:)``), then renames it over `path`.
    public static func produce(
        _ path: String, option: String? = nil, _ produce: (_ temporaryPath: String) throws -> Void
    ) throws {
        let file = try OutputFile(checking: path, option: option)
        try OutputBatch.write { try $0.add(to: file, producedBy: produce) }
    }

    /// Refuses outputs that name the same file twice, or name one of the command's inputs — after
    /// following symbolic links, `..` and hard links: the second write would silently replace the
    /// first (`sweep --db x --output x` kept only the table), and writing an input destroys it
    /// (`pricing import cat.csv -o cat.csv`). Pairs are (option, path); `nil` paths are skipped.
    public static func refuseSameFile(
        outputs: [(option: String, path: String?)], inputs: [(option: String, path: String?)] = []
    ) throws(OutputError) {
        let outputs = outputs.compactMap { item in
            item.path.map { (option: item.option, path: $0, identity: FileIdentity(path: $0)) }
        }
        for (index, output) in outputs.enumerated() {
            if let earlier = outputs[..<index].first(where: { $0.identity.isSame(as: output.identity) }) {
                throw OutputError(
                    "\(earlier.option) and \(output.option) name the same file "
                        + "(\(describe(earlier.path, output.path))); give each output its own file")
            }
            for case (let option, let path?) in inputs where FileIdentity(path: path).isSame(as: output.identity) {
                throw OutputError(
                    "\(output.option) names the same file as \(option) (\(describe(output.path, path))); writing it "
                        + "would destroy that input, choose another output file")
            }
        }
    }

    /// "x.out", or "l and tgt" when two spellings name one file.
    static func describe(_ first: String, _ second: String) -> String {
        first == second ? first : "\(first) and \(second)"
    }
}
