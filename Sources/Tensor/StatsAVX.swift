#if arch(x86_64)
import CStatsAVX
#endif

/// Whether this CPU (and OS) can run the AVX kernels: `CStatsAVX`'s statistics here and
/// Adam's update in Network. Checked once per process.
public enum CPUFeatures {
    public static let hasAVX: Bool = {
        #if arch(x86_64)
        initscope_cpu_has_avx() != 0
        #else
        false
        #endif
    }()
}

#if arch(x86_64)
/// The AVX forms of `FloatMoments`' and `Histogram.add`'s SSE2 loops (`CStatsAVX`): the
/// same arithmetic lane for lane, so the same results bit for bit. Each returns the index
/// where it stopped, and the caller's own loop goes on from there.
enum StatsAVX {
    /// Adds blocks of eight values (a[i], or a[i] − b[i] when `b` is given) from `start`
    /// to `lanes` while each block is all finite. Does nothing when the CPU has no AVX or
    /// `allowed` is false (how tests compare the kernel with the SSE2 loop).
    static func addMoments(_ a: UnsafePointer<Float>, minus b: UnsafePointer<Float>?, from start: Int, count: Int,
                           to lanes: inout FloatMoments.Lanes, allowed: Bool) -> Int {
        guard allowed, CPUFeatures.hasAVX else { return start }
        var c = initscope_moment_lanes()
        // Lanes' tuples of SIMD2<Double> and the C arrays of doubles are the same 64 bytes.
        withUnsafeMutableBytes(of: &c.sums) { $0.storeBytes(of: lanes.sums, as: type(of: lanes.sums)) }
        withUnsafeMutableBytes(of: &c.squares) { $0.storeBytes(of: lanes.shiftedSquares, as: type(of: lanes.shiftedSquares)) }
        withUnsafeMutableBytes(of: &c.low) { $0.storeBytes(of: lanes.low, as: SIMD4<Float>.self) }
        withUnsafeMutableBytes(of: &c.high) { $0.storeBytes(of: lanes.high, as: SIMD4<Float>.self) }
        let end = Int(initscope_moments_avx(a, b, start, count, lanes.shift[0], &c))
        lanes.sums = withUnsafeBytes(of: c.sums) { $0.loadUnaligned(as: type(of: lanes.sums)) }
        lanes.shiftedSquares = withUnsafeBytes(of: c.squares) { $0.loadUnaligned(as: type(of: lanes.shiftedSquares)) }
        lanes.low = withUnsafeBytes(of: c.low) { $0.loadUnaligned(as: SIMD4<Float>.self) }
        lanes.high = withUnsafeBytes(of: c.high) { $0.loadUnaligned(as: SIMD4<Float>.self) }
        return end
    }

    /// Counts the first (count / 8) · 8 values into `slots`, eight arrays of bins + 3
    /// (below, the bins, above, non-finite); returns how many it counted. The caller checks
    /// `CPUFeatures.hasAVX` first.
    static func bin(_ values: UnsafePointer<Float>, count: Int, lower: Double, upper: Double, scale: Double,
                    bins: Int, slots: UnsafeMutablePointer<Int>) -> Int {
        return Int(initscope_bin_avx(values, count, lower, upper, scale, Int32(bins), slots))
    }
}
#endif
