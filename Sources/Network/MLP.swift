import Tensor

/// A multilayer perceptron: dense layers with `hiddenActivation` after each hidden layer and
/// raw logits out of the last one, trained with softmax cross-entropy. Optionally BatchNorm
/// between each hidden dense layer and its activation, and inverted dropout on each hidden
/// activation (training passes only):
///
///     hidden l:  u = x·Wᵀ + b → z = BN(u) (or z = u) → a = f(z) → a ⊙ mask (training, p > 0)
///     output:    z = x·Wᵀ + b (logits)
///
/// Owned by one training run (not shared across threads). Intermediate buffers are kept per
/// batch size and reused, so a training step allocates nothing once warmed up.
public final class MLP {
    public var layers: [Dense]
    /// One per hidden layer when BatchNorm is on (`batchNorms[l]` follows `layers[l]`);
    /// empty when off.
    public var batchNorms: [BatchNorm]
    public let hiddenActivation: Activation
    /// Dropout on hidden activations; nil when p = 0.
    public let dropout: Dropout?
    /// Where dropout masks come from; only training passes with p > 0 draw from it.
    public private(set) var dropoutGenerator: SeededGenerator
    private var workspaces: [Int: Workspace] = [:]
    /// Batch size of the most recent forward pass (its buffers hold that batch's values).
    public private(set) var lastBatchSize: Int?

    /// Layer widths including input and output, e.g. `[784, 256, 128, 10]`; weights and
    /// biases start at zero until an initializer fills them. `batchNorm` puts a
    /// `BatchNorm` (γ = 1, β = 0) after every hidden dense layer; `dropout` is the probability
    /// p ∈ [0, 1) of zeroing a hidden activation in training passes, with masks drawn from
    /// `dropoutGenerator` so a run is reproducible from its seed.
    public init(sizes: [Int], hiddenActivation: Activation = .relu, batchNorm: Bool = false,
                dropout: Double = 0, dropoutGenerator: SeededGenerator = SeededGenerator(seed: 0)) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 },
                     "MLP needs at least an input and an output width, all positive; got \(sizes)")
        precondition(dropout >= 0 && dropout < 1, "MLP dropout must be in [0, 1), got \(dropout)")
        self.hiddenActivation = hiddenActivation
        self.layers = zip(sizes, sizes.dropFirst()).map { Dense(fanIn: $0, fanOut: $1) }
        self.batchNorms = batchNorm ? sizes.dropFirst().dropLast().map { BatchNorm(features: $0) } : []
        self.dropout = dropout > 0 ? Dropout(probability: Float(dropout)) : nil
        self.dropoutGenerator = dropoutGenerator
    }

    public var sizes: [Int] { [layers[0].fanIn] + layers.map(\.fanOut) }
    public var usesBatchNorm: Bool { !batchNorms.isEmpty }

    /// Forward, loss and backward for one batch: fills every layer's `dWeight` and `dBias`
    /// (and each BatchNorm's `dGamma`, `dBeta`) and returns the mean loss.
    /// x (batch, inputs), labels (batch). `mode` is `.training` for a training step,
    /// `.inspect` to measure gradients without touching running statistics or dropout.
    @discardableResult
    public func lossAndGradients(_ x: Matrix, labels: [Int32], mode: PassMode = .training) -> Float {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws, mode: mode)
        let last = layers.count - 1
        let loss = SoftmaxCrossEntropy.lossAndGradient(logits: ws.z[last], labels: labels, dLogits: &ws.dZ[last])
        // Backward mirrors forward in reverse: dZ[l] → (BN) dU[l] → dW[l], db[l];
        // dU[l] · W[l] → (dropout mask) dA[l-1] → f′ → dZ[l-1].
        let dropped = ws.mode.appliesDropout ? dropout : nil
        for l in stride(from: last, through: 0, by: -1) {
            let input = l == 0 ? x : dropped != nil ? ws.dropped[l - 1] : ws.a[l - 1]
            let normalized = l < last && usesBatchNorm
            if normalized {
                batchNorms[l].backward(dY: ws.dZ[l], xHat: ws.xHat[l], inverseStd: ws.inverseStd[l],
                                       mode: ws.mode, into: &ws.dDense[l])
            }
            let dOut = normalized ? ws.dDense[l] : ws.dZ[l]
            layers[l].backward(input: input, dZ: dOut)
            if l > 0 {
                layers[l].backwardInput(dZ: dOut, into: &ws.dA[l - 1])
                if let dropped { dropped.backward(mask: ws.mask[l - 1], gradient: &ws.dA[l - 1]) }
                hiddenActivation.backward(z: ws.z[l - 1], dA: ws.dA[l - 1], into: &ws.dZ[l - 1])
            }
        }
        return loss
    }

    /// Logits for a batch: x (batch, inputs) → (batch, classes). Evaluation mode by default.
    public func logits(_ x: Matrix, mode: PassMode = .evaluation) -> Matrix {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws, mode: mode)
        return ws.z[layers.count - 1]
    }

    /// Summed loss and correct predictions on a batch, without gradients. Evaluation mode
    /// (running statistics, no dropout) by default.
    public func evaluate(_ x: Matrix, labels: [Int32], mode: PassMode = .evaluation) -> (lossSum: Double, correct: Int) {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws, mode: mode)
        return SoftmaxCrossEntropy.evaluate(logits: ws.z[layers.count - 1], labels: labels)
    }

    /// Values of the most recent pass through layer `l` (0-based), for observers.
    ///
    /// For a hidden layer: u = x·Wᵀ + b → z = BN(u) (z = u without BatchNorm) → a = f(z) →
    /// dropout. `z` is what the activation sees, so dead-unit and saturation statistics of
    /// `z` and `a` mean what they say with or without BatchNorm; `a` is taken before dropout.
    public struct LayerPass {
        /// Input to the activation z (batch, units): after BatchNorm when it is on. For the
        /// output layer, the logits.
        public let z: Matrix
        /// Activation a = f(z) (batch, units), before dropout; the output layer's a is its z.
        public let a: Matrix
        /// ∂L/∂a (batch, units) for hidden layers, after a backward: the gradient reaching the
        /// activation's output (through the dropout mask when one was applied); nil for the
        /// output layer.
        public let dA: Matrix?
        /// ∂L/∂z (batch, units), after a backward (for the output layer, ∂L/∂logits).
        public let dZ: Matrix
        /// The dense layer's own output u (batch, units) before BatchNorm; nil when the layer
        /// has no BatchNorm (then u is `z`).
        public let dense: Matrix?
        /// The mode of that pass.
        public let mode: PassMode
    }

    /// The most recent pass through layer `l`; nil before any pass.
    public func lastPass(layer l: Int) -> LayerPass? {
        guard let batch = lastBatchSize, let ws = workspaces[batch] else { return nil }
        let hidden = l < layers.count - 1
        return LayerPass(z: ws.z[l], a: hidden ? ws.a[l] : ws.z[l], dA: hidden ? ws.dA[l] : nil, dZ: ws.dZ[l],
                         dense: hidden && usesBatchNorm ? ws.dense[l] : nil, mode: ws.mode)
    }

    // x (batch, n0) → [u[l] → BN →] z[l] → a[l] [→ dropout] → … → z[last] (logits).
    // Stops after layer `through` when given (LSUV measures one layer at a time).
    private func forward(_ x: Matrix, _ ws: inout Workspace, mode: PassMode, through end: Int? = nil) {
        let last = layers.count - 1
        let dropped = mode.appliesDropout ? dropout : nil
        for l in 0...(end ?? last) {
            let input = l == 0 ? x : dropped != nil ? ws.dropped[l - 1] : ws.a[l - 1]
            if l < last && usesBatchNorm {
                layers[l].forward(input, into: &ws.dense[l])
                batchNorms[l].forward(ws.dense[l], mode: mode, into: &ws.z[l], xHat: &ws.xHat[l],
                                      inverseStd: &ws.inverseStd[l])
            } else {
                layers[l].forward(input, into: &ws.z[l])
            }
            if l < last {
                hiddenActivation.forward(ws.z[l], into: &ws.a[l])
                if let dropped {
                    dropped.forward(ws.a[l], mask: &ws.mask[l], into: &ws.dropped[l], rng: &dropoutGenerator)
                }
            }
        }
        ws.mode = mode
        lastBatchSize = x.rows
    }

    /// Runs an inspect pass up to layer `l` and hands `body` that layer's dense output
    /// x·Wᵀ + b (before BatchNorm), (batch, units).
    func withDenseOutput<T>(of x: Matrix, layer l: Int, _ body: (Matrix) -> T) -> T {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws, mode: .inspect, through: l)
        return body(l < layers.count - 1 && usesBatchNorm ? ws.dense[l] : ws.z[l])
    }

    /// Removes the batch's buffers from the cache while in use, so they stay uniquely
    /// referenced and are written in place.
    private func takeWorkspace(batch: Int) -> Workspace {
        workspaces.removeValue(forKey: batch)
            ?? Workspace(sizes: sizes, batch: batch, batchNorm: usesBatchNorm, dropout: dropout != nil)
    }

    private func putBack(_ ws: Workspace) {
        workspaces[ws.batch] = ws
    }
}

/// Buffers for one batch size: per layer l, z[l] and dZ[l] (batch, n_{l+1}); per hidden
/// layer, a[l] and dA[l] (batch, n_{l+1}). With BatchNorm, per hidden layer also the dense
/// output u[l] (`dense`), its gradient, x̂[l] and 1/σ[l]; with dropout, the mask and the
/// dropped activations fed to the next layer. Empty arrays where a feature is off.
struct Workspace {
    let batch: Int
    var z: [Matrix]
    var a: [Matrix]
    var dZ: [Matrix]
    var dA: [Matrix]
    var dense: [Matrix] = []
    var dDense: [Matrix] = []
    var xHat: [Matrix] = []
    var inverseStd: [[Float]] = []
    var mask: [Matrix] = []
    var dropped: [Matrix] = []
    /// Mode of the last forward through these buffers (backward follows it).
    var mode: PassMode = .training

    init(sizes: [Int], batch: Int, batchNorm: Bool, dropout: Bool) {
        self.batch = batch
        let outputs = sizes.dropFirst().map { Matrix(rows: batch, cols: $0) }
        let hidden = Array(outputs.dropLast())
        z = outputs
        dZ = outputs
        a = hidden
        dA = hidden
        if batchNorm {
            dense = hidden
            dDense = hidden
            xHat = hidden
            inverseStd = hidden.map { [Float](repeating: 0, count: $0.cols) }
        }
        if dropout {
            mask = hidden
            dropped = hidden
        }
    }
}
