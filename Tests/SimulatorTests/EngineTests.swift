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

@Suite struct EngineTests {
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
