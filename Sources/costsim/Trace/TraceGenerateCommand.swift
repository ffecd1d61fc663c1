import ArgumentParser
import Foundation
import Simulator

/// `costsim trace generate`: write a synthetic CSV trace (`arrival_seconds,work_size`).
struct TraceGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic trace as CSV (arrival_seconds,work_size).",
        discussion: """
            Defaults follow the article: 300 minutes of speech a day, business hours 09:00-17:00 with \
            10 % of traffic outside them, request sizes lognormal with mean 15 s and p95 45 s of audio. \
            The same seed writes the same file.
            """)

    enum Profile: String, ExpressibleByArgument, CaseIterable {
        case uniform, businessHours = "business-hours", bursty
    }

    @Option(name: .long, help: "Output CSV file (written atomically).")
    var out: String

    @Option(name: .long, help: "Minutes of speech per day (work per day / 60).")
    var speechMinutesPerDay: Double = 300

    @Option(name: .long, help: "Length of the trace in days.")
    var days: Double = 1

    @Option(name: .long, help: "Arrival profile: uniform, business-hours or bursty.")
    var profile: Profile = .businessHours

    @Option(name: .long, help: "business-hours: first hour of the working day.")
    var startHour: Double = 9

    @Option(name: .long, help: "business-hours: end of the working day (hour).")
    var endHour: Double = 17

    @Option(name: .long, help: "business-hours: share of each day's traffic outside working hours (0-1).")
    var offHoursShare: Double = 0.1

    @Option(name: .long, help: "bursty: mean length of a burst, seconds.")
    var meanOnSeconds: Double = 600

    @Option(name: .long, help: "bursty: mean pause between bursts, seconds.")
    var meanOffSeconds: Double = 3600

    @Option(name: .long, help: "Mean request size (seconds of audio).")
    var sizeMean: Double = 15

    @Option(name: .long, help: "95th percentile of request size (lognormal).")
    var sizeP95: Double = 45

    @Option(name: .long, help: "Seed.")
    var seed: UInt64 = 1

    func run() async throws {
        let arrivalProfile: ArrivalProfile = switch profile {
        case .uniform: .uniform
        case .businessHours: .businessHours(startHour: startHour, endHour: endHour, offHoursShare: offHoursShare)
        case .bursty: .bursty(meanOnSeconds: meanOnSeconds, meanOffSeconds: meanOffSeconds)
        }
        let size: Distribution
        do {
            size = try Distribution.lognormal(mean: sizeMean, p95: sizeP95)
        } catch {
            throw ValidationError("--size-mean/--size-p95: \(error.message)")
        }
        let description = SyntheticTrace.Description(
            workPerDay: speechMinutesPerDay * 60, days: days, profile: arrivalProfile, requestSize: size)
        do { try description.validate() } catch { throw ValidationError(error.message) }
        var trace = SyntheticTrace(description, seed: seed)
        var count = 0
        try AtomicFile.writeLines(to: out) { emit in
            try emit("arrival_seconds,work_size")
            while let record = try trace.next() {
                try emit(String(format: "%.6f,%.3f", record.arrivalSeconds, record.workSize))
                count += 1
            }
        }
        FileHandle.standardError.write(Data("wrote \(Format.count(count)) requests over \(Format.duration(description.horizonSeconds)) to \(out)\n".utf8))
    }
}
