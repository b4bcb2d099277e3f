import Foundation

/// One histogram over fixed, equal-width bins: bin `i` covers
/// `lower + i·w ..< lower + (i+1)·w` with `w = (upper − lower) / counts.count`.
///
/// Nothing is dropped: values below `lower` are `underflow`, values at or above `upper` are
/// `overflow`, NaN/±Inf are `nonFinite`, and fractions are taken over all of them (`total`).
/// `exactZeros` counts the elements that are exactly 0 (they are also in their bin), so a
/// chart can say "all = 0" for a zero-initialised layer instead of showing one ordinary bar.
public struct HistogramData: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var counts: [Int]
    public var underflow: Int
    public var overflow: Int
    public var nonFinite: Int
    public var exactZeros: Int

    public init(lower: Double, upper: Double, counts: [Int], underflow: Int = 0, overflow: Int = 0,
                nonFinite: Int = 0, exactZeros: Int = 0) {
        precondition(lower.isFinite && upper.isFinite && lower <= upper, "HistogramData: need finite lower ≤ upper, got \(lower)…\(upper)")
        self.lower = lower; self.upper = upper; self.counts = counts
        self.underflow = underflow; self.overflow = overflow; self.nonFinite = nonFinite; self.exactZeros = exactZeros
    }

    /// Bins `values` into `bins` equal bins over `lower..<upper`.
    public init(binning values: some Sequence<Double>, lower: Double, upper: Double, bins: Int) {
        precondition(bins > 0, "HistogramData: need at least one bin")
        self.init(lower: lower, upper: upper, counts: [Int](repeating: 0, count: bins))
        let width = (upper - lower) / Double(bins)
        for value in values {
            if !value.isFinite { nonFinite += 1; continue }
            if value == 0 { exactZeros += 1 }
            if value < lower { underflow += 1; continue }
            if value >= upper { if value == upper && width == 0 { counts[0] += 1 } else { overflow += 1 }; continue }
            let index = width > 0 ? Int((value - lower) / width) : 0
            counts[min(max(index, 0), bins - 1)] += 1
        }
    }

    /// Every element: binned, under, over and non-finite.
    public var total: Int { counts.reduce(0, +) + underflow + overflow + nonFinite }

    /// Bin edges, `counts.count + 1` of them: linspace(lower, upper).
    public var edges: [Double] {
        let n = max(1, counts.count)
        return (0...n).map { lower + (upper - lower) * Double($0) / Double(n) }
    }

    /// `count` as a fraction of `total` (0 when the histogram is empty).
    public func fraction(_ count: Int) -> Double { total > 0 ? Double(count) / Double(total) : 0 }

    /// Fraction of elements in each bin.
    public var binFractions: [Double] { counts.map(fraction) }

    /// True when there are elements and every one of them is exactly 0.
    public var isAllZero: Bool { total > 0 && exactZeros == total }

    /// A percentage for annotations: "12%", "0.4%", "<0.1%", "99.8%", "100%".
    public static func percentText(_ fraction: Double) -> String {
        let p = fraction * 100
        if p <= 0 { return "0%" }
        if p < 0.1 { return "<0.1%" }
        if p < 1 || (p >= 99.5 && p < 100) { return String(format: "%.1f%%", min(p, 99.9)) }
        return String(format: "%.0f%%", p)
    }

    /// A tick label for a fraction: "40%", "0.01%".
    public static func percentTick(_ fraction: Double) -> String { String(format: "%g%%", fraction * 100) }
}
