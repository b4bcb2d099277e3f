/// Stochastic gradient descent with momentum, torch.optim.SGD(momentum=μ, dampening=0,
/// nesterov=…) step for step:
///
///     g ← g + λ·θ                       (weight decay λ; skipped when λ = 0)
///     buf ← g on the first step, else μ·buf + g
///     g′ ← g + μ·buf  (Nesterov)   or   buf  (heavy ball, Polyak 1964)
///     θ ← θ − lr · g′
///
/// Nesterov's form is Sutskever et al. 2013's reformulation, as torch implements it.
public struct Momentum: Optimizer {
    public let learningRate: Float
    public let momentum: Float
    public let nesterov: Bool
    public let weightDecay: Float
    // The velocity buffer per slot (see `Optimizer`), created on the slot's first step.
    private var buffers: [[Float]] = []

    public init(learningRate: Float, momentum: Float = 0.9, nesterov: Bool = false, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public mutating func beginStep() {}

    public mutating func update(slot: Int, parameters: inout [Float], gradient: [Float]) {
        precondition(slot <= buffers.count, "Momentum: slot \(slot) skips slots \(buffers.count)..<\(slot)")
        precondition(gradient.count == parameters.count,
                     "Momentum slot \(slot): \(parameters.count) parameters, \(gradient.count) gradients")
        let first = slot == buffers.count
        if first { buffers.append([Float](repeating: 0, count: parameters.count)) }
        precondition(buffers[slot].count == parameters.count,
                     "Momentum slot \(slot): buffer for \(buffers[slot].count) values, \(parameters.count) parameters")
        let (lr, mu, wd, nesterov) = (learningRate, momentum, weightDecay, nesterov)
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                buffers[slot].withUnsafeMutableBufferPointer { buf in
                    for i in 0..<p.count {
                        let gi = wd == 0 ? g[i] : g[i] + wd * p[i]
                        let b = first ? gi : mu * buf[i] + gi
                        buf[i] = b
                        p[i] -= lr * (nesterov ? gi + mu * b : b)
                    }
                }
            }
        }
    }
}
