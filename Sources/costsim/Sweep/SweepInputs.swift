import ArgumentParser
import CostModel
import Foundation
import Scenarios
import Simulator
import Sweeps

/// The options that define a sweep: scenario, grid, option, replications, parallelism.
struct SweepInputs: ParsableArguments {
    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var billing: BillingOptions

    @Option(name: .long, help: ArgumentHelp(
        "Grid YAML: the parameters to vary (see docs/sweeps.md), or a bundled grid's name (costsim scenario list).",
        valueName: "grid.yaml"))
    var grid: String?

    @Option(
        name: .long,
        help: "The deployment option the grid varies (default: the grid's 'option', else the first autoscaled option).")
    var option: String?

    @Option(name: .long, parsing: .unconditional, help: "Replications per configuration (default: the scenario's).")
    var replications: Int?

    @Option(name: .customLong("jobs"), parsing: .unconditional,
            help: "Runs in parallel (default: the number of cores). Results do not depend on it.")
    var requestedJobs: Int?

    /// --jobs, else the number of cores.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be >= 1.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be >= 1.") }
    }

    /// Loads scenario and grid and builds the sweep.
    func makeSweep() throws -> Sweep {
        guard let gridPath = grid else { throw CLIError("--grid FILE is required (see docs/sweeps.md for the format)") }
        let scenario = try self.scenario.load(regions: pricing.regionCheck(), gpus: pricing.gpuLookup())
        let grid = try Grid.load(path: try BundledScenarios.path(for: gridPath, flag: "--grid"))
        let calculator = try pricing.calculator(rules: billing.rules)
        return try Sweep(
            scenario: scenario, grid: grid, optionName: option, replications: replications, calculator: calculator)
    }
}

/// Runs a sweep with a progress bar (stderr, only on a terminal) and Ctrl-C handling.
enum SweepExecution {
    /// Runs `sweep`; on Ctrl-C stops starting runs and returns what finished (`complete == false`).
    static func run(_ sweep: Sweep, jobs: Int, shard: Shard) async throws -> SweepResults {
        try sweep.validate(shard: shard)
        for warning in try sweep.gpuSpeedWarnings(shard: shard) {
            FileHandle.standardError.write(Data("costsim: warning: in the sweep, \(warning)\n".utf8))
        }
        let stop = StopFlag()
        // The previous disposition comes back afterwards (TemporaryFiles' handler, if files are registered).
        var previous = sigaction()
        sigaction(SIGINT, nil, &previous)
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if stop.isSet { exit(130) }     // a second Ctrl-C: leave at once
            stop.set()
            FileHandle.standardError.write(Data(
                ("\ncostsim: interrupted; finishing the runs in flight and keeping finished results (Ctrl-C again "
                    + "to quit at once)\n").utf8))
        }
        source.resume()
        defer {
            source.cancel()
            sigaction(SIGINT, &previous, nil)
        }
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let results = try await sweep.run(jobs: jobs, shard: shard, stop: stop) { bar.update($0) }
        bar.finish()
        return results
    }
}

/// `done/total`, ETA and current best on one redrawn stderr line.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: Sweep.Progress) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.done == progress.total else { return }
            lastDraw = now
            let elapsed = now.timeIntervalSince(start)
            let fraction = Double(progress.done) / Double(max(1, progress.total))
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            let eta =
                progress.done > 0 ? elapsed / Double(progress.done) * Double(progress.total - progress.done) : .nan
            var line =
                "\(bar) \(progress.done)/\(progress.total) runs, "
                    + "\(progress.configurationsDone)/\(progress.configurationsTotal) configs"
            line += eta.isFinite ? ", ETA \(Self.clock(eta))" : ", ETA –"
            if let best = progress.best {
                line += ", best #\(best.configuration) $\(Format.fixed(best.cost.mean, decimals: 2))/month"
            }
            if line.count > 150 { line = String(line.prefix(149)) + "…" }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            drawn = true
        }
    }

    func finish() {
        guard enabled else { return }
        lock.withLock { if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m" }
        if total >= 60 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total)s"
    }
}

extension SweepMetric: ExpressibleByArgument {}
