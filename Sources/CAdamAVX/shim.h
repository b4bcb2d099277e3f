// Adam's update in eight AVX lanes. initscope is built for baseline x86-64 (SSE2), where
// Swift's SIMD8 is two 4-lane halves, and Adam's two divisions and square root per parameter
// made it about 10% of a training run. Swift cannot compile one function for a wider
// target; clang can, with __attribute__((target("avx"))), and the caller checks the CPU
// first (Tensor's CPUFeatures.hasAVX, from CStatsAVX). No library behind it: header-only,
// inlined into the caller.
// Imported by exactly one Swift file: Sources/Network/Adam+AVX.swift.
//
// Bit for bit the Swift lanes' result: the same IEEE single-precision operations in the same
// order (no FMA: the target is "avx" alone, so nothing can be contracted), and _mm256_div_ps
// and _mm256_sqrt_ps are correctly rounded like their scalar forms.
#include <stddef.h>

#if defined(__x86_64__)
#include <immintrin.h>

// Updates the first (count / 8) · 8 parameters and returns how many it did; the caller does
// the rest. Per lane, as Adam.update:
//   g ← g + λ·θ (when λ ≠ 0);  m ← m + (1−β1)·(g − m);  v ← β2·v + (1−β2)·g·g
//   θ ← θ − (stepSize·m) / (√v / correction2Root + ε)
__attribute__((target("avx")))
static inline size_t initscope_adam_avx(float *parameters, const float *gradient, float *m, float *v,
                                        size_t count, float beta1, float beta2, float epsilon,
                                        float weightDecay, float stepSize, float correction2Root) {
    const __m256 oneMinusBeta1 = _mm256_set1_ps(1.0f - beta1);
    const __m256 beta2Lanes = _mm256_set1_ps(beta2);
    const __m256 oneMinusBeta2 = _mm256_set1_ps(1.0f - beta2);
    const __m256 epsilonLanes = _mm256_set1_ps(epsilon);
    const __m256 decay = _mm256_set1_ps(weightDecay);
    const __m256 step = _mm256_set1_ps(stepSize);
    const __m256 root = _mm256_set1_ps(correction2Root);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256 p = _mm256_loadu_ps(parameters + i);
        __m256 g = _mm256_loadu_ps(gradient + i);
        if (weightDecay != 0.0f) g = _mm256_add_ps(g, _mm256_mul_ps(decay, p));
        const __m256 m0 = _mm256_loadu_ps(m + i);
        const __m256 m1 = _mm256_add_ps(m0, _mm256_mul_ps(oneMinusBeta1, _mm256_sub_ps(g, m0)));
        const __m256 v1 = _mm256_add_ps(_mm256_mul_ps(beta2Lanes, _mm256_loadu_ps(v + i)),
                                        _mm256_mul_ps(_mm256_mul_ps(oneMinusBeta2, g), g));
        _mm256_storeu_ps(m + i, m1);
        _mm256_storeu_ps(v + i, v1);
        const __m256 denominator = _mm256_add_ps(_mm256_div_ps(_mm256_sqrt_ps(v1), root), epsilonLanes);
        _mm256_storeu_ps(parameters + i, _mm256_sub_ps(p, _mm256_div_ps(_mm256_mul_ps(step, m1), denominator)));
    }
    return i;
}
#endif
