// The probes' two passes over every weight matrix, in AVX: moments (FloatMoments) and
// fixed-width histogram binning (Histogram.add). initscope is built for baseline x86-64
// (SSE2); Swift cannot compile one function for a wider target, clang can, with
// __attribute__((target("avx"))), and the caller checks the CPU first
// (initscope_cpu_has_avx). No library behind it: header-only, inlined into the caller.
// Imported by exactly one Swift file: Sources/Tensor/StatsAVX.swift.
//
// Bit for bit the Swift SSE2 lanes' results: the same IEEE operations per lane in the same
// order (no FMA: the target is "avx" alone, so nothing can be contracted). What AVX buys is
// registers: eight Double lanes of sums and eight of squares fit in four YMM registers, where
// the SSE2 loop spilled its sixteen XMM halves to the stack and waited on reloading them.
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

// 1 when the CPU has AVX and the OS saves the YMM registers on a context switch (CPUID.1:ECX
// AVX and OSXSAVE, then XCR0 bits 1 and 2); 0 otherwise.
static inline int initscope_cpu_has_avx(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & bit_AVX) || !(ecx & bit_OSXSAVE)) return 0;
    unsigned int xcr0, xcr0High;
    __asm__ volatile("xgetbv" : "=a"(xcr0), "=d"(xcr0High) : "c"(0));
    return (xcr0 & 6) == 6;
}

// FloatMoments' eight lanes: lane k holds the values at positions ≡ k (mod 8) of the blocks
// added, as Σ(x − K) and Σ(x − K)², and the four-lane Float extremes (min/max of value k and
// k + 4 of every block, folded as the SSE2 loop folds them).
typedef struct {
    double sums[8];
    double squares[8];
    float low[4];
    float high[4];
} initscope_moment_lanes;

// Adds blocks of eight values — a[i], or a[i] − b[i] in Float when b is not NULL — to the
// lanes, from index `start` on, while every value of a block is finite. Returns the index
// of the first value not added: `start` plus a multiple of eight, at a block holding a NaN
// or ±∞ (the caller counts that block one value at a time) or where fewer than eight remain.
__attribute__((target("avx")))
static inline size_t initscope_moments_avx(const float *a, const float *b, size_t start, size_t count,
                                           double shift, initscope_moment_lanes *lanes) {
    const __m256d k = _mm256_set1_pd(shift);
    __m256d sum0 = _mm256_loadu_pd(lanes->sums), sum1 = _mm256_loadu_pd(lanes->sums + 4);
    __m256d sq0 = _mm256_loadu_pd(lanes->squares), sq1 = _mm256_loadu_pd(lanes->squares + 4);
    __m128 low = _mm_loadu_ps(lanes->low), high = _mm_loadu_ps(lanes->high);
    size_t i = start;
    for (; i + 8 <= count; i += 8) {
        __m256 x = _mm256_loadu_ps(a + i);
        if (b) x = _mm256_sub_ps(x, _mm256_loadu_ps(b + i));
        // x − x is 0 for a finite x and NaN for NaN and ±∞.
        if (_mm256_movemask_ps(_mm256_cmp_ps(_mm256_sub_ps(x, x), _mm256_setzero_ps(), _CMP_EQ_OQ)) != 0xFF) break;
        const __m128 first = _mm256_castps256_ps128(x), second = _mm256_extractf128_ps(x, 1);
        const __m256d s0 = _mm256_sub_pd(_mm256_cvtps_pd(first), k);
        const __m256d s1 = _mm256_sub_pd(_mm256_cvtps_pd(second), k);
        sum0 = _mm256_add_pd(sum0, s0);
        sum1 = _mm256_add_pd(sum1, s1);
        sq0 = _mm256_add_pd(sq0, _mm256_mul_pd(s0, s0));
        sq1 = _mm256_add_pd(sq1, _mm256_mul_pd(s1, s1));
        low = _mm_min_ps(low, _mm_min_ps(first, second));
        high = _mm_max_ps(high, _mm_max_ps(first, second));
    }
    _mm256_storeu_pd(lanes->sums, sum0);
    _mm256_storeu_pd(lanes->sums + 4, sum1);
    _mm256_storeu_pd(lanes->squares, sq0);
    _mm256_storeu_pd(lanes->squares + 4, sq1);
    _mm_storeu_ps(lanes->low, low);
    _mm_storeu_ps(lanes->high, high);
    return i;
}

// Histogram.add's rule for the first (count / 8) · 8 values, without a branch per value:
// value j of a block adds 1 to slots[(j mod 8) · (bins + 3) + slot], where slot is 0 below
// `lower`, 1 + min(trunc((Double(x) − lower) · scale), bins − 1) inside [lower, upper],
// bins + 1 above `upper`, and bins + 2 for NaN and ±∞ (eight slot arrays, so a run of
// values in one bin does not wait on its own previous increment). Returns how many values
// it counted.
__attribute__((target("avx")))
static inline size_t initscope_bin_avx(const float *values, size_t count, double lower, double upper,
                                       double scale, int bins, long *slots) {
    const __m256d lowerLanes = _mm256_set1_pd(lower), upperLanes = _mm256_set1_pd(upper);
    const __m256d scaleLanes = _mm256_set1_pd(scale), lastBin = _mm256_set1_pd((double)(bins - 1));
    // The slot minus one, as a Double, for the three cases outside the bins.
    const __m256d below = _mm256_set1_pd(-1.0), above = _mm256_set1_pd((double)bins);
    const __m256d notFinite = _mm256_set1_pd((double)(bins + 1));
    const __m128i one = _mm_set1_epi32(1);
    const long width = bins + 3;
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256 x = _mm256_loadu_ps(values + i);
        int32_t slot[8];
        for (int half = 0; half < 2; half++) {
            const __m256d d = _mm256_cvtps_pd(half ? _mm256_extractf128_ps(x, 1) : _mm256_castps256_ps128(x));
            // Inside: min(t, bins − 1) then truncate = min(trunc(t), bins − 1), as t ≥ 0.
            __m256d t = _mm256_min_pd(_mm256_mul_pd(_mm256_sub_pd(d, lowerLanes), scaleLanes), lastBin);
            // Ordered comparisons are false for NaN; ±∞ is caught by the last blend.
            t = _mm256_blendv_pd(t, below, _mm256_cmp_pd(d, lowerLanes, _CMP_LT_OQ));
            t = _mm256_blendv_pd(t, above, _mm256_cmp_pd(d, upperLanes, _CMP_GT_OQ));
            // d − d is 0 for a finite d and NaN for NaN and ±∞.
            t = _mm256_blendv_pd(t, notFinite, _mm256_cmp_pd(_mm256_sub_pd(d, d), _mm256_setzero_pd(), _CMP_NEQ_UQ));
            _mm_storeu_si128((__m128i *)(slot + 4 * half), _mm_add_epi32(_mm256_cvttpd_epi32(t), one));
        }
        for (int j = 0; j < 8; j++) slots[j * width + slot[j]] += 1;
    }
    return i;
}
#endif
