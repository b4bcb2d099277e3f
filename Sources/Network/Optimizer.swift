/// Updates a network's parameters from the gradients its last backward pass left: each
/// dense layer's `dWeight` and `dBias`, and each BatchNorm's `dGamma` and `dBeta`.
///
/// A conformer updates one parameter tensor at a time (`update(slot:…)`); the slot numbers a
/// tensor stably across steps, so per-tensor state (Adam's moments, momentum buffers) lives
/// under it. `update(_ network:)` walks the slots in a fixed order: layer l's weight 2l and
/// bias 2l + 1, then BatchNorm k's γ at 2L + 2k and β at 2L + 2k + 1 (L dense layers).
public protocol Optimizer: Sendable {
    /// Called once at the start of each step, before its slots (Adam counts steps here).
    mutating func beginStep()
    /// θ ← θ − (the rule's step) for one tensor, in place; `gradient` has θ's count.
    mutating func update(slot: Int, parameters: inout [Float], gradient: [Float])
}

extension Optimizer {
    /// One step on every parameter of `network`, BatchNorm's γ and β included.
    public mutating func update(_ network: MLP) {
        beginStep()
        updateSlots(&network.layers)
        let base = 2 * network.layers.count
        for k in network.batchNorms.indices {
            update(slot: base + 2 * k, parameters: &network.batchNorms[k].gamma,
                   gradient: network.batchNorms[k].dGamma)
            update(slot: base + 2 * k + 1, parameters: &network.batchNorms[k].beta,
                   gradient: network.batchNorms[k].dBeta)
        }
    }

    /// One step on dense layers alone (a network without BatchNorm, or layers held apart).
    public mutating func update(_ layers: inout [Dense]) {
        beginStep()
        updateSlots(&layers)
    }

    private mutating func updateSlots(_ layers: inout [Dense]) {
        for l in layers.indices {
            update(slot: 2 * l, parameters: &layers[l].weight.storage, gradient: layers[l].dWeight.storage)
            update(slot: 2 * l + 1, parameters: &layers[l].bias, gradient: layers[l].dBias)
        }
    }
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
    /// L2 penalty added to every gradient as λ·θ — weights, biases and BatchNorm's γ, β, as
    /// torch's `weight_decay` does over `model.parameters()`. For Adam too (not AdamW).
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

    /// A fresh optimizer with zeroed state. `layers` sizes Adam's moments up front; any other
    /// tensor (BatchNorm's γ, β) gets its state on the first step.
    public func makeOptimizer(for layers: [Dense]) -> any Optimizer {
        switch kind {
        case .adam:
            return Adam(layers: layers, learningRate: Float(learningRate), beta1: Float(beta1),
                        beta2: Float(beta2), epsilon: Float(epsilon), weightDecay: Float(weightDecay))
        case .sgd:
            return SGD(learningRate: Float(learningRate), weightDecay: Float(weightDecay))
        case .momentum:
            return Momentum(learningRate: Float(learningRate), momentum: Float(momentum), nesterov: nesterov,
                            weightDecay: Float(weightDecay))
        }
    }

    /// e.g. "Adam (lr 0.001, β1 0.9, β2 0.999, ε 1e-08)"; weight decay is named when set.
    public var summary: String {
        let decay = weightDecay == 0 ? "" : ", weight decay \(weightDecay)"
        switch kind {
        case .adam: return "Adam (lr \(learningRate), β1 \(beta1), β2 \(beta2), ε \(epsilon)\(decay))"
        case .sgd: return "SGD (lr \(learningRate)\(decay))"
        case .momentum: return "SGD \(nesterov ? "Nesterov " : "")momentum (lr \(learningRate), μ \(momentum)\(decay))"
        }
    }
}
