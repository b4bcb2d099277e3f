/// Plain stochastic gradient descent: θ ← θ − lr · g. torch.optim.SGD without momentum.
public struct SGD: Optimizer {
    public let learningRate: Float

    public init(learningRate: Float) {
        self.learningRate = learningRate
    }

    public mutating func update(_ layers: inout [Dense]) {
        let lr = learningRate
        for l in layers.indices {
            let dW = layers[l].dWeight.storage
            layers[l].weight.storage.withUnsafeMutableBufferPointer { w in
                for i in 0..<w.count { w[i] -= lr * dW[i] }
            }
            let db = layers[l].dBias
            layers[l].bias.withUnsafeMutableBufferPointer { b in
                for i in 0..<b.count { b[i] -= lr * db[i] }
            }
        }
    }
}
