import Tensor

/// The four tensors a probe looks at in every layer.
public enum ProbedQuantity: String, Sendable, Codable, CaseIterable {
    case weight
    /// The layer's output a (post-activation; logits for the last layer).
    case activation
    /// ∂L/∂a back-propagated into the layer's output (∂L/∂logits for the last layer).
    case activationGradient
    /// ∂L/∂W.
    case weightGradient
}

/// Whether units of a layer compute the same function: the seeds' "all hidden units are
/// identical" made measurable on the incoming weight rows.
public struct SymmetryStats: Sendable, Codable, Equatable {
    /// Largest cosine similarity between two units' incoming weights (two all-zero rows count
    /// as 1: they compute the same thing).
    public var maxCosine: Double
    /// Units whose incoming weights equal another unit's to 1e-6.
    public var identicalUnits: Int
}

/// One layer on the training batch of a probed step (the values the optimizer just used).
public struct TrainingBatchStats: Sendable, Codable, Equatable {
    public var activation: Summary
    public var activationGradient: Summary
    public var weightGradient: Summary
}

/// One layer at one probe step, measured on the fixed probe batch (and, for steps ≥ 1, on
/// that step's training batch).
public struct LayerSnapshot: Sendable, Codable, Equatable {
    /// Optimizer updates applied so far (0 = as initialized).
    public var step: Int
    public var weight: Summary
    public var bias: Summary
    /// ‖W − W₀‖_F.
    public var distanceFromInit: Double
    public var preActivation: Summary
    public var activation: Summary
    public var activationGradient: Summary
    public var weightGradient: Summary
    /// ReLU layers: share of units never active on the probe batch.
    public var deadFraction: Double?
    /// tanh and sigmoid layers: share of activations in the flat tails (|tanh| > 0.97,
    /// sigmoid < 0.03 or > 0.97), where the local gradient is below ~6% of its peak.
    public var saturatedFraction: Double?
    /// Share of activations with |a| < 1e-6.
    public var nearZeroFraction: Double
    /// grad:data = std(∂L/∂W) / std(W).
    public var gradientToData: Double
    /// update:data = std(ΔW) / std(W) for the update just applied (nil at step 0).
    public var updateToData: Double?
    public var symmetry: SymmetryStats
    /// The same layer on the step's own training batch (nil at step 0, before any batch).
    public var trainingBatch: TrainingBatchStats?
}

/// Fixed-bin histograms of one layer at one step (bins shared across the experiment's runs).
public struct LayerHistograms: Sendable, Codable, Equatable {
    public var step: Int
    public var weight: Histogram
    public var activation: Histogram
    public var activationGradient: Histogram
    public var weightGradient: Histogram
    /// log10|∂L/∂W| (exact zeros in underflow).
    public var logWeightGradient: Histogram
    /// log10|∂L/∂a| (exact zeros in underflow).
    public var logActivationGradient: Histogram
}

/// Everything probed in one layer over a run.
public struct LayerTrace: Sendable, Codable, Equatable {
    public var index: Int
    public var fanIn: Int
    public var fanOut: Int
    /// The hidden activation's name ("relu", "tanh", …) for hidden layers, "logits" for the output layer.
    public var output: String
    public var snapshots: [LayerSnapshot]
    public var histograms: [LayerHistograms]
    /// Singular-value summary of W as initialized and as trained (LAPACK, once each: an SVD
    /// at every probe would cost more than the training step).
    public var spectralAtStart: SpectralStats?
    public var spectralAtEnd: SpectralStats?

    /// "layer 1 (784→256)".
    public var name: String { "layer \(index + 1) (\(fanIn)→\(fanOut))" }
}

/// The probes of one run: O(layers × probes) numbers, never the raw tensors.
public struct RunProbes: Sendable, Codable, Equatable {
    public var probeEvery: Int
    public var probeBatchSize: Int
    public var layers: [LayerTrace]

    /// Sets each layer's `spectralAtEnd` from its final weight (one per layer, in order).
    public mutating func measureSpectralAtEnd(of finalWeights: [Matrix]) {
        precondition(finalWeights.count == layers.count, "RunProbes: \(finalWeights.count) weights for \(layers.count) layers")
        for l in layers.indices { layers[l].spectralAtEnd = SpectralStats(weight: finalWeights[l]) }
    }
}
