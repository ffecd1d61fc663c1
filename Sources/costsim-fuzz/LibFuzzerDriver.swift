#if FUZZING
import Foundation
import FuzzTargets

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands one ``FuzzTarget`` to libFuzzer (`libclang_rt.fuzzer_no_main`, linked by
/// `scripts/fuzz.sh`). Each input is written to a scratch file and parsed from there, since
/// every costsim parser reads files.
enum LibFuzzerDriver {
    nonisolated(unsafe) private static var target = FuzzTarget.traceCSV
    nonisolated(unsafe) private static var scratchPath = ""

    static func run(target: FuzzTarget, arguments: [String]) -> CInt {
        Self.target = target
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        scratchPath = directory.appendingPathComponent("input.\(target.fileExtension)").path
        var cArguments = (["costsim-fuzz"] + arguments).map { strdup($0) }
        var argc = CInt(cArguments.count)
        return cArguments.withUnsafeMutableBufferPointer { buffer in
            var argv = buffer.baseAddress!
            return runDriver(&argc, &argv) { data, count in
                let bytes = Data(UnsafeBufferPointer(start: data, count: count))
                guard FileManager.default.createFile(atPath: LibFuzzerDriver.scratchPath, contents: bytes) else {
                    fatalError("cannot write \(LibFuzzerDriver.scratchPath)")
                }
                _ = LibFuzzerDriver.target.run(path: LibFuzzerDriver.scratchPath)
                return 0
            }
        }
    }
}
#endif
