/// Names the independent random-number streams of one simulation run.
///
/// Each source of randomness draws from its own generator, so changing one part of a
/// scenario (say, the cold-start distribution) leaves every other draw unchanged: common
/// random numbers across configurations, which makes differences between them sharp.
public enum RandomStream: UInt64, Sendable, CaseIterable {
    case arrivals = 1
    case requestSizes = 2
    case serviceNoise = 3
    case coldStart = 4
    case preemption = 5
    /// The phases of the controllers' tick grids (``ControllerPhases``).
    case controllerPhases = 6

    /// The generator for this stream, for `seed` and replication `replication`.
    public func generator(seed: UInt64, replication: Int = 0) -> Xoshiro256StarStar {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        var streamMixer = SplitMix64(seed: base ^ (rawValue &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(replication) &* 0x8CB9_2BA7_2F3D_8DD7))
        return Xoshiro256StarStar(seed: streamMixer.next())
    }
}
