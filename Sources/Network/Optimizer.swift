/// Updates a network's parameters from the gradients its last backward pass left in each
/// layer's `dWeight` and `dBias`.
public protocol Optimizer: Sendable {
    mutating func update(_ layers: inout [Dense])
}

/// The optimizer of an experiment, as configured (Codable for metrics.json).
public struct OptimizerSettings: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case adam, sgd, momentum }

    public var kind: Kind
    public var learningRate: Double
    /// Adam only.
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// Momentum only: the velocity's decay μ (torch.optim.SGD's `momentum`).
    public var momentum: Double
    /// Momentum only: Nesterov's look-ahead form (torch.optim.SGD's `nesterov=True`).
    public var nesterov: Bool
    /// L2 penalty added to every gradient as λ·θ, weights and biases (torch's `weight_decay`).
    public var weightDecay: Double

    public init(kind: Kind, learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                momentum: Double = 0.9, nesterov: Bool = false, weightDecay: Double = 0) {
        self.kind = kind
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public static func adam(learningRate: Double = 1e-3, beta1: Double = 0.9,
                            beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0) -> OptimizerSettings {
        OptimizerSettings(kind: .adam, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                          weightDecay: weightDecay)
    }

    public static func sgd(learningRate: Double, weightDecay: Double = 0) -> OptimizerSettings {
        OptimizerSettings(kind: .sgd, learningRate: learningRate, weightDecay: weightDecay)
    }

    public static func momentum(learningRate: Double, momentum: Double = 0.9, nesterov: Bool = false,
                                weightDecay: Double = 0) -> OptimizerSettings {
        OptimizerSettings(kind: .momentum, learningRate: learningRate, momentum: momentum, nesterov: nesterov,
                          weightDecay: weightDecay)
    }

    private enum CodingKeys: String, CodingKey {
        case kind, learningRate, beta1, beta2, epsilon, momentum, nesterov, weightDecay
    }

    /// Files written before momentum and weight decay existed still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(Kind.self, forKey: .kind), learningRate: try c.decode(Double.self, forKey: .learningRate),
                  beta1: try c.decode(Double.self, forKey: .beta1), beta2: try c.decode(Double.self, forKey: .beta2),
                  epsilon: try c.decode(Double.self, forKey: .epsilon),
                  momentum: try c.decodeIfPresent(Double.self, forKey: .momentum) ?? 0.9,
                  nesterov: try c.decodeIfPresent(Bool.self, forKey: .nesterov) ?? false,
                  weightDecay: try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? 0)
    }

    /// A fresh optimizer with zeroed state for `layers`.
    public func makeOptimizer(for layers: [Dense]) -> any Optimizer {
        switch kind {
        case .adam:
            return Adam(layers: layers, learningRate: Float(learningRate), beta1: Float(beta1),
                        beta2: Float(beta2), epsilon: Float(epsilon))
        case .sgd:
            return SGD(learningRate: Float(learningRate))
        case .momentum:
            preconditionFailure("momentum SGD arrives with the Network optimizer work")  // replaced there
        }
    }

    /// e.g. "Adam (lr 0.001, β1 0.9, β2 0.999, ε 1e-08)".
    public var summary: String {
        switch kind {
        case .adam: return "Adam (lr \(learningRate), β1 \(beta1), β2 \(beta2), ε \(epsilon))"
        case .sgd: return "SGD (lr \(learningRate))"
        case .momentum: return "SGD \(nesterov ? "Nesterov " : "")momentum (lr \(learningRate), μ \(momentum))"
        }
    }
}
