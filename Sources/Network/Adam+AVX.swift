#if arch(x86_64)
import CAdamAVX
#endif
import Tensor

extension Adam {
    /// Whether this CPU (and OS) can run Adam's 8-lane AVX kernel; checked once per process.
    static var cpuHasAVX: Bool { CPUFeatures.hasAVX }

    /// Updates the leading multiple of eight parameters with the AVX kernel when the CPU has
    /// it, and returns how many it did (0 otherwise): the caller's SSE lanes and scalar tail
    /// do the rest, with the same results bit for bit.
    static func updateWithAVX(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
                              _ v: UnsafeMutablePointer<Float>, count: Int,
                              constants c: (beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float,
                                            stepSize: Float, correction2Root: Float)) -> Int {
        #if arch(x86_64)
        guard cpuHasAVX else { return 0 }
        return initscope_adam_avx(p, g, m, v, count, c.beta1, c.beta2, c.epsilon, c.weightDecay, c.stepSize, c.correction2Root)
        #else
        return 0
        #endif
    }
}
