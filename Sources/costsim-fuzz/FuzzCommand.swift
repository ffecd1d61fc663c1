import Foundation
import FuzzTargets

/// `costsim-fuzz TARGET ARGS…`: one of costsim's parsers (``FuzzTarget``) under libFuzzer.
///
/// Built by `scripts/fuzz.sh` with `-DFUZZING` and coverage instrumentation, ARGS go to
/// libFuzzer (corpus folders and `-flags`). Built plainly, as `swift build` does, it replays
/// the files named in ARGS and prints each outcome: the way to reproduce a crash found.
@main
enum FuzzCommand {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            let usage = "usage: costsim-fuzz TARGET [ARGS…]; TARGET is one of \(names)\n"
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
        #if FUZZING
        exit(LibFuzzerDriver.run(target: target, arguments: Array(arguments.dropFirst(2))))
        #else
        for path in arguments.dropFirst(2) {
            switch target.run(path: path) {
            case .accepted(let summary): print("\(path): accepted: \(summary)")
            case .rejected(let message): print("\(path): rejected: \(message)")
            }
        }
        #endif
    }
}
