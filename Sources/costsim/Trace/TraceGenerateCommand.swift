import ArgumentParser
import Foundation
import Simulator
import Storage

/// `costsim trace generate`: write a synthetic CSV trace (`arrival_seconds,work_size`).
struct TraceGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic trace as CSV (arrival_seconds,work_size).",
        discussion: """
            Defaults follow the article: 300 minutes of speech a day, business hours 09:00-17:00 with \
            10 % of traffic outside them, request sizes lognormal with mean 15 s and p95 45 s of audio. \
            The same seed writes the same file.

            Examples:
              costsim trace generate -o day.csv --days 1
              costsim trace generate -o month.csv --days 30 --profile bursty --seed 2
              costsim run --trace month.csv
            """)

    enum Profile: String, ExpressibleByArgument, CaseIterable {
        case uniform, businessHours = "business-hours", bursty
    }

    @Option(name: .shortAndLong, help: ArgumentHelp("The CSV file to write (atomically).", valueName: "trace.csv"))
    var output: String?

    /// The former name of --output, accepted for existing scripts.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    /// The file to write: --output or its former name --out.
    var path: String {
        get throws {
            switch (output, out) {
            case (let path?, nil), (nil, let path?): return path
            case (nil, nil): throw ValidationError("give --output FILE.csv, the trace to write.")
            default: throw ValidationError("give --output once (--out is its former name).")
            }
        }
    }

    // Numeric options parse their value unconditionally, so `--days -1` reads -1 and gets a
    // range error instead of ArgumentParser's "Missing value" (it takes -1 for a flag).

    @Option(name: .long, parsing: .unconditional, help: "Minutes of speech per day (work per day / 60), >= 0.")
    var speechMinutesPerDay: Double = 300

    @Option(name: .long, parsing: .unconditional, help: "Length of the trace in days (up to 36525, 100 years).")
    var days: Double = 1

    @Option(name: .long, help: "Arrival profile: uniform, business-hours or bursty.")
    var profile: Profile = .businessHours

    @Option(name: .long, parsing: .unconditional, help: "business-hours: first hour of the working day (0-24).")
    var startHour: Double = 9

    @Option(name: .long, parsing: .unconditional, help: "business-hours: end of the working day (hour, 0-24).")
    var endHour: Double = 17

    @Option(
        name: .long, parsing: .unconditional,
        help: "business-hours: share of each day's traffic outside working hours (0-1).")
    var offHoursShare: Double = 0.1

    @Option(
        name: .long, parsing: .unconditional, help: "bursty: mean length of a burst, seconds (1 to 31536000, a year).")
    var meanOnSeconds: Double = 600

    @Option(
        name: .long, parsing: .unconditional,
        help: "bursty: mean pause between bursts, seconds (0, always on, or 1 to 31536000).")
    var meanOffSeconds: Double = 3600

    @Option(
        name: .long, parsing: .unconditional,
        help: "Mean request size, seconds of audio (0.001, the file's resolution, to 1e9).")
    var sizeMean: Double = 15

    @Option(
        name: .long, parsing: .unconditional,
        help: "95th percentile of request size (lognormal), above --size-mean and at most 1e9.")
    var sizeP95: Double = 45

    @Option(name: .long, parsing: .unconditional, help: "Seed (0 to 18446744073709551615).")
    var seed: UInt64 = 1

    /// Smallest mean request size: the file writes sizes with three decimals, so smaller means
    /// would come out as zeros.
    static let minSizeMean = 0.001

    func run() async throws {
        let out = try path
        let description = try workload()
        var trace = SyntheticTrace(description, seed: seed)
        var count = 0
        try AtomicFile.writeLines(to: out) { emit in
            try emit("arrival_seconds,work_size")
            while let record = try trace.next() {
                try emit(String(format: "%.6f,%.3f", record.arrivalSeconds, record.workSize))
                count += 1
            }
        }
        FileHandle.standardError.write(
            Data(
                "wrote \(Format.count(count)) requests over \(Format.duration(description.horizonSeconds)) to \(out)\n"
                    .utf8))
    }

    /// The workload the options describe, each checked with an error naming the option, so that
    /// no value can make the generator run for hours or fill the disk.
    func workload() throws -> SyntheticTrace.Description {
        guard speechMinutesPerDay.isFinite, speechMinutesPerDay >= 0 else {
            throw ValidationError("--speech-minutes-per-day must be a number >= 0")
        }
        guard days > 0, days <= TraceLimits.maxGeneratedDays else {
            throw ValidationError("--days must be > 0 and at most \(Int(TraceLimits.maxGeneratedDays)) (100 years)")
        }
        let arrivalProfile: ArrivalProfile
        switch profile {
        case .uniform:
            arrivalProfile = .uniform
        case .businessHours:
            guard startHour >= 0, startHour < endHour, endHour <= 24 else {
                throw ValidationError("--start-hour and --end-hour must satisfy 0 <= start < end <= 24")
            }
            guard offHoursShare >= 0, offHoursShare <= 1 else {
                throw ValidationError("--off-hours-share must be within 0 and 1")
            }
            arrivalProfile = .businessHours(startHour: startHour, endHour: endHour, offHoursShare: offHoursShare)
        case .bursty:
            let range = TraceLimits.minBurstSeconds...TraceLimits.maxBurstSeconds
            guard range.contains(meanOnSeconds) else {
                throw ValidationError("--mean-on-seconds must be within 1 and 31536000 (a year)")
            }
            guard meanOffSeconds == 0 || range.contains(meanOffSeconds) else {
                throw ValidationError("--mean-off-seconds must be 0 (always on) or within 1 and 31536000 (a year)")
            }
            arrivalProfile = .bursty(meanOnSeconds: meanOnSeconds, meanOffSeconds: meanOffSeconds)
        }
        guard sizeMean >= Self.minSizeMean, sizeMean <= TraceLimits.maxWorkSize else {
            throw ValidationError("--size-mean must be within 0.001 (the file's resolution) and 1e9")
        }
        guard sizeP95 > sizeMean, sizeP95 <= TraceLimits.maxWorkSize else {
            throw ValidationError("--size-p95 must be above --size-mean and at most 1e9")
        }
        let size: Distribution
        do {
            size = try Distribution.lognormal(mean: sizeMean, p95: sizeP95)
        } catch {
            throw ValidationError("--size-mean/--size-p95: \(error.message)")
        }
        let description = SyntheticTrace.Description(
            workPerDay: speechMinutesPerDay * 60, days: days, profile: arrivalProfile, requestSize: size)
        guard description.maxExpectedRequests <= SimulationLimits.maxGeneratedRequests else {
            let options = profile == .bursty
                ? "--speech-minutes-per-day, --days, --size-mean and --mean-off-seconds"
                : "--speech-minutes-per-day, --days and --size-mean"
            throw ValidationError(
                "\(options) ask for about \(Format.approximate(description.maxExpectedRequests)) requests; "
                    + "a trace may have at most \(Format.approximate(SimulationLimits.maxGeneratedRequests)) (about 20 "
                        + "GB of CSV)")
        }
        guard description.maxProfilePeriods <= TraceLimits.maxProfilePeriods else {
            throw ValidationError(
                "--days, --mean-on-seconds and --mean-off-seconds make about "
                    + "\(Format.approximate(description.maxProfilePeriods)) bursts and pauses; "
                    + "at most \(Format.approximate(TraceLimits.maxProfilePeriods)) (shorten the trace or lengthen the "
                        + "bursts and pauses)")
        }
        do { try description.validate() } catch { throw ValidationError(error.message) }
        return description
    }
}
