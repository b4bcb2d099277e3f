#if canImport(Glibc)
import Glibc
#endif

/// Which bin of a histogram of log10|x| a Float falls in, found from its bits instead of a
/// logarithm: `Histogram.logMagnitude` bins every weight gradient of every histogram probe
/// (200 000 values for the first layer of the default network), and `log10f` per value was
/// most of that time.
///
/// The bin of a finite, non-zero x is the rule `Histogram.add` applies to L = log10f(|x|):
/// underflow when Double(L) < lower, overflow when > upper, else
/// min(⌊(Double(L) − lower) · bins / (upper − lower)⌋, bins − 1). That outcome only grows
/// with |x|, so it is fixed by `bins + 1` thresholds: the smallest positive Float reaching
/// each outcome, found once by bisection over the Float bit patterns (which order positive
/// Floats) with that same rule. A value's outcome is then its binade's first outcome plus
/// the thresholds it passes (at most two: a binade spans log10 2 ≈ 0.3 decades). The result
/// is the rule's own, for every Float (a test compares them on thresholds ± 1 ulp and a
/// stride through all positive Floats).
struct LogMagnitudeBinning: Sendable {
    let lower: Double
    let upper: Double
    let bins: Int
    /// thresholds[j]: bit pattern of the smallest positive finite Float whose outcome is ≥ j
    /// (outcomes: −1 underflow, 0 ..< bins, bins overflow); `UInt32.max` when none is.
    private let thresholds: [UInt32]
    /// The outcome of the smallest positive Float with each exponent field 0 ... 254.
    private let binadeStart: [Int]

    /// The histogram's bins over [−12, 2], 56 of them: `logMagnitude`'s defaults.
    static let standard = LogMagnitudeBinning(lower: -12, upper: 2, bins: 56)

    init(lower: Double, upper: Double, bins: Int) {
        (self.lower, self.upper, self.bins) = (lower, upper, bins)
        let rule = { (bits: UInt32) in Self.outcome(of: Float(bitPattern: bits), lower: lower, upper: upper, bins: bins) }
        let largestFinite = Float.greatestFiniteMagnitude.bitPattern
        thresholds = (0...bins).map { j in
            guard rule(largestFinite) >= j else { return UInt32.max }
            var low: UInt32 = 1, high = largestFinite  // rule(high) ≥ j; find the first such
            while low < high {
                let middle = low + (high - low) / 2
                if rule(middle) >= j { high = middle } else { low = middle + 1 }
            }
            return low
        }
        binadeStart = (0..<255).map { exponent in rule(max(1, UInt32(exponent) << 23)) }
    }

    /// The rule itself, for a finite a > 0.
    static func outcome(of magnitude: Float, lower: Double, upper: Double, bins: Int) -> Int {
        let d = Double(log10(magnitude))
        if d < lower { return -1 }
        if d > upper { return bins }
        return Swift.min(Int((d - lower) * (Double(bins) / (upper - lower))), bins - 1)
    }

    /// The outcome for a finite, non-zero x: −1 underflow, 0 ..< bins, or bins (overflow).
    func outcome(of x: Float) -> Int {
        thresholds.withUnsafeBufferPointer { t in
            binadeStart.withUnsafeBufferPointer { start in Self.outcome(of: x, thresholds: t, binadeStart: start, bins: bins) }
        }
    }

    /// Adds every value to `counts` (bins values), returning how many fell below, above, or
    /// were NaN/±Inf; exact zeros count as below (log10 0 = −∞).
    func count(_ values: [Float], into counts: inout [Int]) -> (under: Int, over: Int, nonFinite: Int) {
        precondition(counts.count == bins, "LogMagnitudeBinning: \(counts.count) counts for \(bins) bins")
        var under = 0, over = 0, bad = 0
        let bins = bins
        thresholds.withUnsafeBufferPointer { t in
            binadeStart.withUnsafeBufferPointer { start in
                values.withUnsafeBufferPointer { v in
                    counts.withUnsafeMutableBufferPointer { c in
                        for x in v {
                            if !x.isFinite { bad += 1; continue }
                            if x == 0 { under += 1; continue }
                            let outcome = Self.outcome(of: x, thresholds: t, binadeStart: start, bins: bins)
                            if outcome < 0 { under += 1 } else if outcome >= bins { over += 1 } else { c[outcome] += 1 }
                        }
                    }
                }
            }
        }
        return (under, over, bad)
    }

    @inline(__always)
    private static func outcome(of x: Float, thresholds: UnsafeBufferPointer<UInt32>, binadeStart: UnsafeBufferPointer<Int>,
                                bins: Int) -> Int {
        let bits = x.bitPattern & 0x7FFF_FFFF
        var outcome = binadeStart[Int(bits >> 23)]
        while outcome < bins && bits >= thresholds[outcome + 1] { outcome += 1 }
        return outcome
    }
}
