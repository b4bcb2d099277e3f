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
/// the thresholds it passes (at most two with four bins per decade: a binade spans
/// log10 2 ≈ 0.3 decades), compared without branches, which mispredicted. The result
/// is the rule's own, for every Float (a test compares them on thresholds ± 1 ulp and a
/// stride through all positive Floats).
struct LogMagnitudeBinning: Sendable {
    let lower: Double
    let upper: Double
    let bins: Int
    /// thresholds[j]: bit pattern of the smallest positive finite Float whose outcome is ≥ j
    /// (outcomes: −1 underflow, 0 ..< bins, bins overflow); `UInt32.max` when none is, and
    /// for the `steps` entries of padding after index `bins`.
    private let thresholds: [UInt32]
    /// The outcome of the smallest positive Float with each exponent field 0 ... 254.
    private let binadeStart: [Int]
    /// The most thresholds one binade crosses (2 for the standard four bins per decade): a
    /// value's outcome is its binade's start plus this many comparisons, without branches.
    private let steps: Int

    /// The histogram's bins over [−12, 2], 56 of them: `logMagnitude`'s defaults.
    static let standard = LogMagnitudeBinning(lower: -12, upper: 2, bins: 56)

    init(lower: Double, upper: Double, bins: Int) {
        (self.lower, self.upper, self.bins) = (lower, upper, bins)
        let rule = { (bits: UInt32) in Self.outcome(of: Float(bitPattern: bits), lower: lower, upper: upper, bins: bins) }
        let largestFinite = Float.greatestFiniteMagnitude.bitPattern
        let found: [UInt32] = (0...bins).map { j in
            guard rule(largestFinite) >= j else { return UInt32.max }
            var low: UInt32 = 1, high = largestFinite  // rule(high) ≥ j; find the first such
            while low < high {
                let middle = low + (high - low) / 2
                if rule(middle) >= j { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let starts = (0..<255).map { exponent in rule(max(1, UInt32(exponent) << 23)) }
        // A binade's last Float reaches the outcome where the next binade starts (or, for the
        // largest, the largest Float's): the thresholds crossed in between are the steps.
        let ends = (1..<255).map { starts[$0] } + [rule(largestFinite)]
        steps = zip(starts, ends).map { $1 - $0 }.max() ?? 0
        binadeStart = starts
        thresholds = found + [UInt32](repeating: .max, count: steps + 1)
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
            binadeStart.withUnsafeBufferPointer { start in Self.outcome(of: x, thresholds: t, binadeStart: start, steps: steps) }
        }
    }

    /// Adds every value to `counts` (bins values), returning how many fell below, above, or
    /// were NaN/±Inf; exact zeros count as below (log10 0 = −∞).
    func count(_ values: [Float], into counts: inout [Int]) -> (under: Int, over: Int, nonFinite: Int) {
        precondition(counts.count == bins, "LogMagnitudeBinning: \(counts.count) counts for \(bins) bins")
        var bad = 0, zeros = 0
        let steps = steps
        // Slot 0 counts underflow, slots 1 ... bins the bins, slot bins + 1 overflow: every
        // outcome is one increment, whichever it is.
        var slots = [Int](repeating: 0, count: bins + 2)
        thresholds.withUnsafeBufferPointer { t in
            binadeStart.withUnsafeBufferPointer { start in
                values.withUnsafeBufferPointer { v in
                    slots.withUnsafeMutableBufferPointer { slot in
                        for x in v {
                            if !x.isFinite { bad += 1; continue }
                            if x == 0 { zeros += 1; continue }
                            slot[Self.outcome(of: x, thresholds: t, binadeStart: start, steps: steps) + 1] += 1
                        }
                    }
                }
            }
        }
        for b in 0..<bins { counts[b] += slots[b + 1] }
        return (slots[0] + zeros, slots[bins + 1], bad)
    }

    @inline(__always)
    private static func outcome(of x: Float, thresholds: UnsafeBufferPointer<UInt32>, binadeStart: UnsafeBufferPointer<Int>,
                                steps: Int) -> Int {
        let bits = x.bitPattern & 0x7FFF_FFFF
        var outcome = binadeStart[Int(bits >> 23)]
        for _ in 0..<steps { outcome += bits >= thresholds[outcome + 1] ? 1 : 0 }
        return outcome
    }
}
