/// xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 2021): the simulator's pseudo-random generator. 256 bits of state, period
/// 2^256 − 1, passes BigCrush, and — unlike `SystemRandomNumberGenerator` — is seedable, so
/// a run is reproducible from its seed on every platform.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// Expands `seed` through ``SplitMix64`` into a full, never all-zero state.
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Masking shifts (`k` is 7 or 45): the checked `<<`/`>>` kept this from being inlined (2 % of a run in profiles).
    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x &<< k) | (x &>> (64 - k)) }
}
