/// Updates a network's parameters from the gradients its last backward pass left in each
/// layer's `dWeight` and `dBias`.
public protocol Optimizer: Sendable {
    mutating func update(_ layers: inout [Dense])
}

/// The optimizer of an experiment, as configured (Codable for metrics.json).
public struct OptimizerSettings: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case adam, sgd }

    public var kind: Kind
    public var learningRate: Double
    /// Adam only.
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double

    public static func adam(learningRate: Double = 1e-3, beta1: Double = 0.9,
                            beta2: Double = 0.999, epsilon: Double = 1e-8) -> OptimizerSettings {
        OptimizerSettings(kind: .adam, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    public static func sgd(learningRate: Double) -> OptimizerSettings {
        OptimizerSettings(kind: .sgd, learningRate: learningRate, beta1: 0, beta2: 0, epsilon: 0)
    }

    /// A fresh optimizer with zeroed state for `layers`.
    public func makeOptimizer(for layers: [Dense]) -> any Optimizer {
        switch kind {
        case .adam:
            return Adam(layers: layers, learningRate: Float(learningRate), beta1: Float(beta1),
                        beta2: Float(beta2), epsilon: Float(epsilon))
        case .sgd:
            return SGD(learningRate: Float(learningRate))
        }
    }

    /// e.g. "Adam (lr 0.001, β1 0.9, β2 0.999, ε 1e-08)".
    public var summary: String {
        switch kind {
        case .adam: return "Adam (lr \(learningRate), β1 \(beta1), β2 \(beta2), ε \(epsilon))"
        case .sgd: return "SGD (lr \(learningRate))"
        }
    }
}
