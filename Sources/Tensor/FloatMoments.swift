#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Mean, variance and Σx² (in Double), the extremes and the non-finite values of a set of
/// Floats, in one pass: what `Summary` and the probes' weight-change statistics are made of.
///
/// The variance comes from sums of x − K, with K the first finite value (the "shifted data"
/// one-pass formula): E[x²] − E[x]² would cancel catastrophically for values far from 0
/// with a small spread, and it gives exactly 0 for a constant set (every hidden unit of a
/// constant-initialized layer), where the unshifted formula left rounding noise of 1e-7.
///
/// Eight values at a time in eight Double lanes on x86-64 (AVX through `CStatsAVX` where the
/// CPU has it, else SSE2: the same sums), so a probe's pass over a 784×256 weight matrix
/// costs a fraction of the scalar loop's, which was bound by the latency of one running
/// Double sum. The lanes are added up in a fixed order at the end, so
/// the result is deterministic; it differs from a single running sum only by Double rounding
/// (about 1e-13 relative), which vanishes when a statistic is written at Float precision.
/// A block of eight holding a NaN or an infinity goes through the scalar path, so
/// non-finite values are counted, never summed.
public struct FloatMoments: Sendable, Equatable {
    /// K, and Σ(x − K) and Σ(x − K)² over the finite values.
    private var shift = 0.0
    private var shiftedSum = 0.0
    private var shiftedSquares = 0.0
    /// Extremes of the finite values; +∞ and −∞ when there are none.
    public private(set) var min = Float.infinity
    public private(set) var max = -Float.infinity
    public private(set) var nan = 0
    public private(set) var positiveInfinity = 0
    public private(set) var negativeInfinity = 0
    public private(set) var count = 0

    public var finiteCount: Int { count - nan - positiveInfinity - negativeInfinity }

    /// Σx² over the finite values: Σ(x − K)² + 2K·Σ(x − K) + nK², from the shifted sums.
    public var sumSquares: Double {
        let n = Double(finiteCount)
        return Swift.max(0, shiftedSquares + 2 * shift * shiftedSum + n * shift * shift)
    }

    /// Mean of the finite values; NaN when there are none.
    public var mean: Double {
        finiteCount > 0 ? shift + shiftedSum / Double(finiteCount) : .nan
    }

    /// Population variance of the finite values (never negative); NaN when there are none.
    public var variance: Double {
        guard finiteCount > 0 else { return .nan }
        let n = Double(finiteCount), shiftedMean = shiftedSum / n
        return Swift.max(0, shiftedSquares / n - shiftedMean * shiftedMean)
    }

    /// Moments of `values`.
    public init(_ values: [Float]) {
        self = values.withUnsafeBufferPointer { FloatMoments($0) }
    }

    /// Moments of `values`.
    public init(_ values: UnsafeBufferPointer<Float>) {
        self.init(values, allowsAVX: true)
    }

    /// Moments of the element-wise differences a[i] − b[i] (computed in Float), without
    /// materialising them.
    public init(difference a: [Float], _ b: [Float]) {
        self.init(difference: a, b, allowsAVX: true)
    }

    /// `allowsAVX: false` keeps to the SSE2 lanes, for tests that compare the two.
    init(_ values: UnsafeBufferPointer<Float>, allowsAVX: Bool) {
        guard let base = values.baseAddress else { return }
        shift = Double(values.first(where: \.isFinite) ?? 0)
        accumulate(base, minus: nil, count: values.count, allowsAVX: allowsAVX)
    }

    init(difference a: [Float], _ b: [Float], allowsAVX: Bool) {
        precondition(a.count == b.count, "FloatMoments: \(a.count) vs \(b.count) values")
        var moments = FloatMoments()
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                guard let x = x.baseAddress, let y = y.baseAddress else { return }
                moments.shift = Double(zip(a, b).lazy.map { $0 - $1 }.first(where: \.isFinite) ?? 0)
                moments.accumulate(x, minus: y, count: a.count, allowsAVX: allowsAVX)
            }
        }
        self = moments
    }

    /// Adds a[i] (or a[i] − b[i]) for i in 0 ..< count: eight lanes per step on x86-64 (AVX
    /// where the CPU has it, else SSE2, the same sums either way), a block holding a
    /// non-finite value and the tail one at a time.
    @inline(__always)
    private mutating func accumulate(_ a: UnsafePointer<Float>, minus b: UnsafePointer<Float>?, count: Int, allowsAVX: Bool) {
        self.count = count
        @inline(__always) func one(_ i: Int) -> Float { b.map { a[i] - $0[i] } ?? a[i] }
        @inline(__always) func four(_ i: Int) -> SIMD4<Float> {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<Float>.self)
            return b.map { x - UnsafeRawPointer($0 + i).loadUnaligned(as: SIMD4<Float>.self) } ?? x
        }
        var i = 0
        #if arch(x86_64)
        var lanes = Lanes(shift: shift)
        while i + 8 <= count {
            i = StatsAVX.addMoments(a, minus: b, from: i, count: count, to: &lanes, allowed: allowsAVX)
            guard i + 8 <= count else { break }
            let low = four(i), high = four(i + 4)
            if Lanes.allFinite(low, high) {
                lanes.add(low, high)
            } else {
                for k in i..<(i + 8) { addScalar(one(k)) }
            }
            i += 8
        }
        merge(lanes)
        #endif
        while i < count {
            addScalar(one(i))
            i += 1
        }
    }

    private init() {}

    @inline(__always)
    private mutating func addScalar(_ x: Float) {
        if x.isFinite {
            let shifted = Double(x) - shift
            shiftedSum += shifted
            shiftedSquares += shifted * shifted
            if x < min { min = x }
            if x > max { max = x }
        } else if x.isNaN {
            nan += 1
        } else if x > 0 {
            positiveInfinity += 1
        } else {
            negativeInfinity += 1
        }
    }

    #if arch(x86_64)
    /// Eight lanes each of Σ(x − K) and Σ(x − K)² (four SIMD2<Double> apiece), and lane-wise
    /// extremes. `StatsAVX.addMoments` adds to the same lanes in AVX.
    struct Lanes {
        let shift: SIMD2<Double>
        var sums = (SIMD2<Double>(), SIMD2<Double>(), SIMD2<Double>(), SIMD2<Double>())
        var shiftedSquares = (SIMD2<Double>(), SIMD2<Double>(), SIMD2<Double>(), SIMD2<Double>())
        var low = SIMD4<Float>(repeating: .infinity)
        var high = SIMD4<Float>(repeating: -.infinity)

        init(shift: Double) {
            self.shift = SIMD2(repeating: shift)
        }

        @inline(__always)
        static func allFinite(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> Bool {
            // x − x is 0 for a finite x and NaN for NaN and ±∞.
            let zero = SIMD4<Float>()
            let finite = _mm_and_ps(_mm_cmpeq_ps(_mm_sub_ps(a, a), zero), _mm_cmpeq_ps(_mm_sub_ps(b, b), zero))
            return _mm_movemask_ps(finite) == 0xF
        }

        @inline(__always)
        mutating func add(_ a: SIMD4<Float>, _ b: SIMD4<Float>) {
            let d0 = _mm_cvtps_pd(a), d1 = _mm_cvtps_pd(_mm_movehl_ps(a, a))
            let d2 = _mm_cvtps_pd(b), d3 = _mm_cvtps_pd(_mm_movehl_ps(b, b))
            let s0 = d0 - shift, s1 = d1 - shift, s2 = d2 - shift, s3 = d3 - shift
            sums.0 += s0; sums.1 += s1; sums.2 += s2; sums.3 += s3
            shiftedSquares.0 += s0 * s0; shiftedSquares.1 += s1 * s1
            shiftedSquares.2 += s2 * s2; shiftedSquares.3 += s3 * s3
            low = _mm_min_ps(low, _mm_min_ps(a, b))
            high = _mm_max_ps(high, _mm_max_ps(a, b))
        }
    }

    /// Folds the lanes into the scalar totals, in a fixed order.
    private mutating func merge(_ lanes: Lanes) {
        let s = (lanes.sums.0 + lanes.sums.1) + (lanes.sums.2 + lanes.sums.3)
        let ss = (lanes.shiftedSquares.0 + lanes.shiftedSquares.1) + (lanes.shiftedSquares.2 + lanes.shiftedSquares.3)
        shiftedSum += s[0] + s[1]
        shiftedSquares += ss[0] + ss[1]
        for k in 0..<4 {
            if lanes.low[k] < min { min = lanes.low[k] }
            if lanes.high[k] > max { max = lanes.high[k] }
        }
    }
    #endif
}
