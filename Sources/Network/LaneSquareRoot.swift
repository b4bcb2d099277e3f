#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// √x in every lane, correctly rounded as IEEE 754 requires (so bit for bit the scalar
/// `Float.squareRoot()`), in two SSE `sqrtps` on x86-64. `SIMD8.squareRoot()` compiles to
/// eight calls of libm's `sqrtf` with an errno check each on Linux, which made Adam's update
/// three times slower than it needs to be.
@inline(__always)
func laneSquareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> {
    #if arch(x86_64)
    SIMD8(lowHalf: _mm_sqrt_ps(x.lowHalf), highHalf: _mm_sqrt_ps(x.highHalf))
    #else
    x.squareRoot()
    #endif
}
