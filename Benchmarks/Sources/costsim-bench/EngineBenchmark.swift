import Simulator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The engine alone on the classic M/M/1 model: two event kinds, one server, λ = 0.8, μ = 1.
/// Measures events per second of the heap + dispatch loop, as a C binary-heap loop would.
struct MM1Model: EventHandler {
    enum Event { case arrival, departure }

    var arrivals = Xoshiro256StarStar(seed: 1)
    var services = Xoshiro256StarStar(seed: 2)
    var waiting: [Double] = []
    var head = 0
    var busy = false
    var served = 0
    var totalWait = 0.0
    let customers: Int

    init(customers: Int) { self.customers = customers }

    @inline(__always)
    static func exponential(_ generator: inout Xoshiro256StarStar, mean: Double) -> Double {
        -mean * log(1 - generator.nextUnitInterval())
    }

    mutating func handle(_ event: Event, engine: inout Engine<Event>) {
        switch event {
        case .arrival:
            if busy {
                waiting.append(engine.now)
            } else {
                busy = true
                engine.schedule(.departure, after: Self.exponential(&services, mean: 1))
            }
            if served + (waiting.count - head) + 1 < customers {
                engine.schedule(.arrival, after: Self.exponential(&arrivals, mean: 1.25))
            }
        case .departure:
            served += 1
            if head < waiting.count {
                totalWait += engine.now - waiting[head]
                head += 1
                if head > 4096 && head * 2 > waiting.count {
                    waiting.removeFirst(head)
                    head = 0
                }
                engine.schedule(.departure, after: Self.exponential(&services, mean: 1))
            } else {
                busy = false
            }
        }
    }
}

enum EngineBenchmark {
    static let benchmark = Benchmark(
        name: "engine-mm1",
        summary: "Engine throughput on M/M/1 (λ = 0.8, μ = 1), 10 million customers"
    ) {
        let customers = 10_000_000
        var model = MM1Model(customers: customers)
        var engine = Engine<MM1Model.Event>()
        engine.schedule(.arrival, at: 0)
        let (_, seconds) = Benchmark.time { engine.run(&model) }
        let events = engine.processedEventCount
        return """
            \(events) events in \(String(format3: seconds)) s = \(String(format3: Double(events) / seconds / 1e6)) M events/s; \
            mean wait \(String(format3: model.totalWait / Double(model.served))) s (theory 4.000)
            """
    }
}

extension String {
    /// A number with three decimals (no Foundation).
    init(format3 value: Double) {
        let scaled = (value * 1000).rounded()
        let whole = Int(scaled / 1000)
        let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: 1000))
        let padded = String(fraction)
        self =
            "\(value < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: 3 - padded.count))\(padded)"
    }
}
