import Testing
@testable import Simulator

/// A model that records when events fire and schedules follow-ups.
private struct Recorder: EventHandler {
    var fired: [(time: Double, event: String)] = []
    mutating func handle(_ event: String, engine: inout Engine<String>) {
        fired.append((engine.now, event))
        if event == "tick", engine.now < 3 { engine.schedule("tick", after: 1) }
        if event == "halt" { engine.stop() }
    }
}

/// Arrivals one at a time (each schedules the next, like a trace), through the stream or the
/// queue, each followed by a completion a second later and a rank-1 tick at the same instant.
private struct Arrivals: EventHandler {
    let throughStream: Bool
    var times: [Double]
    var fired: [String] = []

    mutating func scheduleNext(_ engine: inout Engine<String>) {
        guard !times.isEmpty else { return }
        let time = times.removeFirst()
        if throughStream {
            engine.scheduleStreamEvent("arrival", at: time)
        } else {
            engine.schedule("arrival", at: time)
        }
    }

    mutating func handle(_ event: String, engine: inout Engine<String>) {
        fired.append("\(engine.now) \(event)")
        guard event == "arrival" else { return }
        engine.schedule("completion", after: 1)
        engine.schedule("tick", after: 0, rank: 1)
        scheduleNext(&engine)
    }
}

@Suite struct EngineTests {
    @Test func aStreamEventFiresWhereAQueuedOneWould() {
        func run(throughStream: Bool) -> (fired: [String], engine: Engine<String>) {
            var engine = Engine<String>()
            var model = Arrivals(throughStream: throughStream, times: [0, 1, 1, 2, 3, 3, 3, 5, 6])
            engine.schedule("tick", at: 1, rank: 1)
            engine.schedule("other", at: 3)
            model.scheduleNext(&engine)
            #expect(engine.pendingEventCount == 3)
            #expect(engine.nextEventSeconds == 0)
            engine.run(&model, until: 2.5)
            #expect(engine.nextEventSeconds == 3)
            engine.run(&model)
            return (model.fired, engine)
        }
        let queued = run(throughStream: false), streamed = run(throughStream: true)
        #expect(streamed.fired == queued.fired)
        #expect(streamed.engine.processedEventCount == queued.engine.processedEventCount)
        #expect(
            queued.fired.contains("1.0 completion") && queued.fired.contains("1.0 arrival"),
            "ties between the stream and the queue")
    }


    @Test func advancesTheClockEventByEvent() {
        var engine = Engine<String>()
        engine.schedule("tick", at: 0)
        engine.schedule("other", at: 1.5)
        var recorder = Recorder()
        engine.run(&recorder)
        #expect(recorder.fired.map(\.time) == [0, 1, 1.5, 2, 3])
        #expect(recorder.fired.map(\.event) == ["tick", "tick", "other", "tick", "tick"])
        #expect(engine.processedEventCount == 5)
        #expect(engine.pendingEventCount == 0)
    }

    @Test func stopsAtTheLimitWithTheClockOnIt() {
        var engine = Engine<String>()
        engine.schedule("tick", at: 0)
        var recorder = Recorder()
        engine.run(&recorder, until: 1.5)
        #expect(recorder.fired.count == 2)
        #expect(engine.now == 1.5)
        #expect(engine.pendingEventCount == 1)
        engine.run(&recorder)
        #expect(recorder.fired.count == 4)
    }

    @Test func handlerCanStopTheRun() {
        var engine = Engine<String>()
        engine.schedule("halt", at: 2)
        engine.schedule("late", at: 3)
        var recorder = Recorder()
        engine.run(&recorder)
        #expect(recorder.fired.map(\.event) == ["halt"])
        #expect(engine.now == 2)
        #expect(engine.pendingEventCount == 1)
    }
}
