import Testing
@testable import Simulator

@Suite struct RandomTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func xoshiroMatchesTheReferenceImplementation() {
        // Reference: xoshiro256starstar.c with state {1, 2, 3, 4}.
        var generator = Xoshiro256StarStar(seed: 0)
        generator.s0 = 1; generator.s1 = 2; generator.s2 = 3; generator.s3 = 4
        #expect(generator.next() == 11520)
        #expect(generator.next() == 0)
        #expect(generator.next() == 1_509_978_240)
        #expect(generator.next() == 1_215_971_899_390_074_240)
    }

    @Test func sameSeedSameStreamDifferentStreamsDiffer() {
        var a = RandomStream.arrivals.generator(seed: 7)
        var b = RandomStream.arrivals.generator(seed: 7)
        var c = RandomStream.serviceNoise.generator(seed: 7)
        var d = RandomStream.arrivals.generator(seed: 7, replication: 1)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in d.next() })
    }

    @Test func unitIntervalStaysInRange() {
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<100_000 {
            let u = generator.nextUnitInterval()
            #expect(u >= 0 && u < 1)
        }
    }
}
