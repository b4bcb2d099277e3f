/// Plain stochastic gradient descent, torch.optim.SGD without momentum:
///
///     g ← g + λ·θ   (weight decay λ; skipped when λ = 0)
///     θ ← θ − lr · g
public struct SGD: Optimizer {
    public let learningRate: Float
    public let weightDecay: Float

    public init(learningRate: Float, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    public mutating func beginStep() {}

    public mutating func update(slot: Int, parameters: inout [Float], gradient: [Float]) {
        precondition(gradient.count == parameters.count,
                     "SGD slot \(slot): \(parameters.count) parameters, \(gradient.count) gradients")
        let (lr, wd) = (learningRate, weightDecay)
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                if wd == 0 {
                    for i in 0..<p.count { p[i] -= lr * g[i] }
                } else {
                    for i in 0..<p.count { p[i] -= lr * (g[i] + wd * p[i]) }
                }
            }
        }
    }
}
