import Testing
@testable import Simulator

@Suite struct EventQueueTests {
    @Test func popsInTimeOrder() {
        var queue = EventQueue<Int>()
        for (payload, time) in [(1, 5.0), (2, 1.0), (3, 3.0), (4, 2.0)] { queue.push(payload, at: time) }
        var order: [Int] = []
        while let event = queue.popMin() { order.append(event.payload) }
        #expect(order == [2, 4, 3, 1])
    }

    @Test func equalTimesPopInInsertionOrder() {
        var queue = EventQueue<Int>()
        for payload in 0..<100 { queue.push(payload, at: 7) }
        var order: [Int] = []
        while let event = queue.popMin() { order.append(event.payload) }
        #expect(order == Array(0..<100))
    }

    @Test func matchesASortedReferenceUnderRandomOperations() {
        var generator = Xoshiro256StarStar(seed: 99)
        var queue = EventQueue<Int>()
        var reference: [(time: Double, sequence: Int)] = []
        var sequence = 0
        for _ in 0..<20_000 {
            if generator.next() % 3 != 0 || reference.isEmpty {
                let time = Double(generator.next() % 50)   // many ties on purpose
                queue.push(sequence, at: time)
                reference.append((time, sequence))
                sequence += 1
            } else {
                reference.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
                let expected = reference.removeFirst()
                let popped = queue.popMin()
                #expect(popped?.payload == expected.sequence)
                #expect(popped?.time == expected.time)
            }
        }
        #expect(queue.checkInvariants())
        #expect(queue.count == reference.count)
    }
}
