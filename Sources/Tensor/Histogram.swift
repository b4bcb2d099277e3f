/// Counts of values in fixed, equal-width bins over [lower, upper], plus what falls
/// outside: values below (`underflow`), above (`overflow`) and NaN/±Inf (`nonFinite`).
/// Nothing is dropped: bins + underflow + overflow + nonFinite = values added.
public struct Histogram: Sendable, Codable, Equatable {
    public let lower: Double
    public let upper: Double
    public private(set) var counts: [Int]
    public private(set) var underflow = 0
    public private(set) var overflow = 0
    public private(set) var nonFinite = 0

    public init(lower: Double, upper: Double, bins: Int) {
        precondition(bins >= 1 && lower.isFinite && upper.isFinite && lower < upper,
                     "Histogram needs bins ≥ 1 and finite lower < upper, got \(bins) bins over [\(lower), \(upper)]")
        self.lower = lower
        self.upper = upper
        counts = [Int](repeating: 0, count: bins)
    }

    public var total: Int { counts.reduce(0, +) + underflow + overflow + nonFinite }

    /// Left edge of every bin and the right edge of the last: bins + 1 values.
    public var edges: [Double] {
        (0...counts.count).map { lower + (upper - lower) * Double($0) / Double(counts.count) }
    }

    /// Adds values; the upper edge belongs to the last bin.
    ///
    /// Consecutive values go to four separate count arrays, summed at the end: a run of
    /// values in the same bin (most of a weight matrix sits in a few central bins) would
    /// otherwise wait on each previous increment of that bin's count.
    public mutating func add(_ values: [Float]) {
        let bins = counts.count
        let scale = Double(bins) / (upper - lower)
        let (low, high) = (lower, upper)
        var under = 0, over = 0, bad = 0
        var partial = [Int](repeating: 0, count: 4 * bins)
        partial.withUnsafeMutableBufferPointer { c in
            values.withUnsafeBufferPointer { v in
                for (i, x) in v.enumerated() {
                    let d = Double(x)
                    guard d.isFinite else { bad += 1; continue }
                    if d < low { under += 1 } else if d > high { over += 1 } else {
                        c[(i & 3) * bins + Swift.min(Int((d - low) * scale), bins - 1)] += 1
                    }
                }
            }
        }
        for b in 0..<bins {
            counts[b] += partial[b] + partial[bins + b] + partial[2 * bins + b] + partial[3 * bins + b]
        }
        underflow += under
        overflow += over
        nonFinite += bad
    }

    /// A histogram of log10|x|: exact zeros go to `underflow` (log10 0 = −∞), NaN/±Inf to
    /// `nonFinite`. For gradients, whose magnitudes span decades.
    public static func logMagnitude(of values: [Float], lower: Double = -12, upper: Double = 2, bins: Int = 56) -> Histogram {
        var histogram = Histogram(lower: lower, upper: upper, bins: bins)
        var logs = [Float]()
        logs.reserveCapacity(values.count)
        var zeros = 0, bad = 0
        for x in values {
            if !x.isFinite { bad += 1 } else if x == 0 { zeros += 1 } else { logs.append(log10(abs(x))) }
        }
        histogram.add(logs)
        histogram.underflow += zeros
        histogram.nonFinite += bad
        return histogram
    }
}

#if canImport(Glibc)
import Glibc
#endif
