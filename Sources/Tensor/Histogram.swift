#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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
    /// On x86-64 with AVX (`CStatsAVX`), eight values at a time and without a branch per
    /// value: a value's slot (below, its bin, above, non-finite) is chosen by blends in
    /// Double lanes, the same Double arithmetic as one at a time. Without AVX, four at a time
    /// in SSE2, and a block with a value outside [lower, upper] or non-finite goes through
    /// the one-at-a-time path. Consecutive values count into separate arrays, summed at the
    /// end: a run of values in the same bin (most of a weight matrix sits in a few central
    /// bins) would otherwise wait on each previous increment of that bin's count.
    public mutating func add(_ values: [Float]) {
        add(values, allowsAVX: true)
    }

    /// `allowsAVX: false` keeps to the SSE2 loop, for tests that compare the two.
    mutating func add(_ values: [Float], allowsAVX: Bool) {
        var binner = Binner(lower: lower, upper: upper, bins: counts.count)
        values.withUnsafeBufferPointer { binner.add($0, allowsAVX: allowsAVX) }
        for b in counts.indices {
            for lane in 0..<4 { counts[b] += binner.partial[lane * counts.count + b] }
        }
        underflow += binner.under
        overflow += binner.over
        nonFinite += binner.bad
    }

    /// The counting loop of `add`, into four interleaved count arrays.
    private struct Binner {
        let low: Double, high: Double, scale: Double, bins: Int
        var partial: [Int]
        var under = 0, over = 0, bad = 0

        init(lower: Double, upper: Double, bins: Int) {
            (low, high, scale, self.bins) = (lower, upper, Double(bins) / (upper - lower), bins)
            partial = [Int](repeating: 0, count: 4 * bins)
        }

        mutating func add(_ v: UnsafeBufferPointer<Float>, allowsAVX: Bool) {
            guard let base = v.baseAddress else { return }
            let (low, high, scale, bins) = (low, high, scale, bins)
            var (under, over, bad) = (0, 0, 0)
            var i = 0
            #if arch(x86_64)
            if allowsAVX && CPUFeatures.hasAVX {
                // Slots per lane: below, the bins, above, non-finite.
                let width = bins + 3
                var slots = [Int](repeating: 0, count: 8 * width)
                i = slots.withUnsafeMutableBufferPointer { s in
                    guard let slots = s.baseAddress else { return 0 }
                    return StatsAVX.bin(base, count: v.count, lower: low, upper: high, scale: scale, bins: bins, slots: slots)
                }
                for lane in 0..<8 {
                    let lane = lane * width
                    under += slots[lane]
                    for b in 0..<bins { partial[b] += slots[lane + 1 + b] }
                    over += slots[lane + bins + 1]
                    bad += slots[lane + bins + 2]
                }
            }
            #endif
            partial.withUnsafeMutableBufferPointer { c in
                // One value into lane `lane`'s counts: exactly the one-at-a-time rule.
                func addOne(_ x: Float, lane: Int) {
                    let d = Double(x)
                    guard d.isFinite else { bad += 1; return }
                    if d < low { under += 1 } else if d > high { over += 1 } else {
                        c[lane * bins + Swift.min(Int((d - low) * scale), bins - 1)] += 1
                    }
                }
                #if arch(x86_64)
                let lowLanes = SIMD2(repeating: low), highLanes = SIMD2(repeating: high)
                let scaleLanes = SIMD2(repeating: scale), lastBin = SIMD2(repeating: Double(bins - 1))
                while i + 4 <= v.count {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD4<Float>.self)
                    let d0 = _mm_cvtps_pd(x), d1 = _mm_cvtps_pd(_mm_movehl_ps(x, x))
                    // low ≤ d ≤ high is false for NaN and ±∞ too.
                    let inside0 = _mm_and_pd(_mm_cmpge_pd(d0, lowLanes), _mm_cmple_pd(d0, highLanes))
                    let inside1 = _mm_and_pd(_mm_cmpge_pd(d1, lowLanes), _mm_cmple_pd(d1, highLanes))
                    if _mm_movemask_pd(inside0) & _mm_movemask_pd(inside1) == 3 {
                        // min(t, bins − 1) then truncate = min(Int(t), bins − 1), as t ≥ 0.
                        let k0 = unsafeBitCast(_mm_cvttpd_epi32(_mm_min_pd((d0 - lowLanes) * scaleLanes, lastBin)), to: SIMD4<Int32>.self)
                        let k1 = unsafeBitCast(_mm_cvttpd_epi32(_mm_min_pd((d1 - lowLanes) * scaleLanes, lastBin)), to: SIMD4<Int32>.self)
                        c[Int(k0[0])] += 1
                        c[bins + Int(k0[1])] += 1
                        c[2 * bins + Int(k1[0])] += 1
                        c[3 * bins + Int(k1[1])] += 1
                    } else {
                        for k in 0..<4 { addOne(base[i + k], lane: k) }
                    }
                    i += 4
                }
                #endif
                while i < v.count {
                    addOne(base[i], lane: i & 3)
                    i += 1
                }
            }
            self.under += under
            self.over += over
            self.bad += bad
        }
    }

    /// A histogram of log10|x|: exact zeros go to `underflow` (log10 0 = −∞), NaN/±Inf to
    /// `nonFinite`. For gradients, whose magnitudes span decades. Each value is binned from
    /// its bits (`LogMagnitudeBinning`), exactly as adding log10(|x|) would bin it.
    public static func logMagnitude(of values: [Float], lower: Double = -12, upper: Double = 2, bins: Int = 56) -> Histogram {
        var histogram = Histogram(lower: lower, upper: upper, bins: bins)
        let standard = LogMagnitudeBinning.standard
        let binning = (lower, upper, bins) == (standard.lower, standard.upper, standard.bins)
            ? standard : LogMagnitudeBinning(lower: lower, upper: upper, bins: bins)
        (histogram.underflow, histogram.overflow, histogram.nonFinite) = binning.count(values, into: &histogram.counts)
        return histogram
    }
}

#if canImport(Glibc)
import Glibc
#endif
