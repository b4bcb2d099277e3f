/// A small, fast, reproducible random number generator.
///
/// Algorithm: **xoshiro256\*\*** (Blackman & Vigna 2018) for the 64-bit stream, its 256-bit
/// state filled from the seed by **SplitMix64**. On top of it:
/// - `uniformFloat()` — the top 24 bits of one draw × 2⁻²⁴: a Float in [0, 1), every value
///   a multiple of 2⁻²⁴, so `a + (b − a) · u` never reaches `b`;
/// - `normal()` — Box–Muller in Double from two uniforms (u₁ ∈ (0, 1], u₂ ∈ [0, 1)); the second
///   variate of each pair is kept and returned by the next call.
/// - `shuffle(_:)` — Fisher–Yates with unbiased bounded integers (Lemire's method, via
///   `RandomNumberGenerator`).
///
/// The same seed gives the same sequence on every machine: no floating-point library call is
/// involved except `log`, `sqrt`, `cos` and `sin` in Double for Box–Muller.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
        spareNormal = nil
    }

    /// A generator for one named stream of one experiment: the seed is mixed with the FNV-1a
    /// hash of `stream` (e.g. an initializer name, or "data-order") and with `index`
    /// (e.g. the repeat number), so streams are independent and stable across runs.
    public init(seed: UInt64, stream: String, index: Int = 0) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a offset basis
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3  // FNV-1a prime
        }
        self.init(seed: seed ^ hash ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// Uniform Float in [0, 1).
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Uniform Float in [low, high).
    public mutating func uniformFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * uniformFloat()
    }

    /// Uniform Double in [0, 1) from the top 53 bits.
    public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Standard normal N(0, 1) by Box–Muller.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = 1.0 - uniformDouble()  // (0, 1]: log never sees 0
        let u2 = uniformDouble()
        let radius = (-2.0 * log(u1)).squareRoot()
        let angle = 2.0 * Double.pi * u2
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// N(mean, std²) as Float.
    public mutating func normalFloat(mean: Float = 0, std: Float = 1) -> Float {
        mean + std * Float(normal())
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
