import Tensor

/// A multilayer perceptron: dense layers with `hiddenActivation` after each hidden layer and
/// raw logits out of the last one, trained with softmax cross-entropy.
///
/// Owned by one training run (not shared across threads). Intermediate buffers are kept per
/// batch size and reused, so a training step allocates nothing once warmed up.
public final class MLP {
    public var layers: [Dense]
    public let hiddenActivation: Activation
    private var workspaces: [Int: Workspace] = [:]
    /// Batch size of the most recent forward pass (its buffers hold that batch's values).
    public private(set) var lastBatchSize: Int?

    /// Layer widths including input and output, e.g. `[784, 256, 128, 10]`; weights and
    /// biases start at zero until an initializer fills them.
    public init(sizes: [Int], hiddenActivation: Activation = .relu) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 },
                     "MLP needs at least an input and an output width, all positive; got \(sizes)")
        self.hiddenActivation = hiddenActivation
        self.layers = zip(sizes, sizes.dropFirst()).map { Dense(fanIn: $0, fanOut: $1) }
    }

    public var sizes: [Int] { [layers[0].fanIn] + layers.map(\.fanOut) }

    /// Forward, loss and backward for one batch: fills every layer's `dWeight` and `dBias`
    /// and returns the mean loss. x (batch, inputs), labels (batch).
    @discardableResult
    public func lossAndGradients(_ x: Matrix, labels: [Int32]) -> Float {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws)
        let last = layers.count - 1
        let loss = SoftmaxCrossEntropy.lossAndGradient(logits: ws.z[last], labels: labels, dLogits: &ws.dZ[last])
        // Backward mirrors forward in reverse: dZ[l] → dW[l], db[l]; dZ[l] · W[l] → dA[l-1].
        for l in stride(from: last, through: 0, by: -1) {
            let input = l == 0 ? x : ws.a[l - 1]
            layers[l].backward(input: input, dZ: ws.dZ[l])
            if l > 0 {
                layers[l].backwardInput(dZ: ws.dZ[l], into: &ws.dA[l - 1])
                hiddenActivation.backward(z: ws.z[l - 1], dA: ws.dA[l - 1], into: &ws.dZ[l - 1])
            }
        }
        return loss
    }

    /// Logits for a batch: x (batch, inputs) → (batch, classes).
    public func logits(_ x: Matrix) -> Matrix {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws)
        return ws.z[layers.count - 1]
    }

    /// Summed loss and correct predictions on a batch, without gradients.
    public func evaluate(_ x: Matrix, labels: [Int32]) -> (lossSum: Double, correct: Int) {
        var ws = takeWorkspace(batch: x.rows)
        defer { putBack(ws) }
        forward(x, &ws)
        return SoftmaxCrossEntropy.evaluate(logits: ws.z[layers.count - 1], labels: labels)
    }

    /// Values of the most recent pass through layer `l` (0-based), for observers.
    public struct LayerPass {
        /// Pre-activation z (batch, units).
        public let z: Matrix
        /// Activation a (batch, units); the output layer's a is its z (logits).
        public let a: Matrix
        /// ∂L/∂a back-propagated into this layer's output (hidden layers; after a backward).
        public let dA: Matrix?
        /// ∂L/∂z (batch, units), after a backward.
        public let dZ: Matrix
    }

    /// The most recent pass through layer `l`; nil before any pass.
    public func lastPass(layer l: Int) -> LayerPass? {
        guard let batch = lastBatchSize, let ws = workspaces[batch] else { return nil }
        let hidden = l < layers.count - 1
        return LayerPass(z: ws.z[l], a: hidden ? ws.a[l] : ws.z[l], dA: hidden ? ws.dA[l] : nil, dZ: ws.dZ[l])
    }

    // x (batch, n0) → z[0] → a[0] → … → z[last] (logits)
    private func forward(_ x: Matrix, _ ws: inout Workspace) {
        for l in layers.indices {
            layers[l].forward(l == 0 ? x : ws.a[l - 1], into: &ws.z[l])
            if l < layers.count - 1 { hiddenActivation.forward(ws.z[l], into: &ws.a[l]) }
        }
        lastBatchSize = x.rows
    }

    /// Removes the batch's buffers from the cache while in use, so they stay uniquely
    /// referenced and are written in place.
    private func takeWorkspace(batch: Int) -> Workspace {
        workspaces.removeValue(forKey: batch) ?? Workspace(sizes: sizes, batch: batch)
    }

    private func putBack(_ ws: Workspace) {
        workspaces[ws.batch] = ws
    }
}

/// Buffers for one batch size: per layer l, z[l] and dZ[l] (batch, n_{l+1}); per hidden
/// layer, a[l] and dA[l] (batch, n_{l+1}).
struct Workspace {
    let batch: Int
    var z: [Matrix]
    var a: [Matrix]
    var dZ: [Matrix]
    var dA: [Matrix]

    init(sizes: [Int], batch: Int) {
        self.batch = batch
        let outputs = sizes.dropFirst().map { Matrix(rows: batch, cols: $0) }
        z = outputs
        dZ = outputs
        a = Array(outputs.dropLast())
        dA = Array(outputs.dropLast())
    }
}
