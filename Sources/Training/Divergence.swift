/// Where and when a run went numerically wrong: the step at which training stopped, and
/// the first layer whose numbers were NaN or ±Inf in the order they were computed.
///
/// Layers are numbered 1-based from the input side (layer 1 maps the inputs to the first
/// hidden layer, the last layer gives the logits), as in the report.
public struct Divergence: Sendable, Codable, Equatable {
    /// What went non-finite first.
    public enum Quantity: String, Sendable, Codable, CaseIterable {
        /// A layer's weights or biases (BatchNorm's γ, β) were NaN or ±Inf when the step
        /// began: the previous update put them there (an overflowing gradient, or a
        /// learning rate far too large). Also found when an epoch ends (`step` is then the
        /// epoch's last), and at step 0 when the weights were drawn non-finite.
        case weights
        /// A layer's forward output (the dense output, or BatchNorm's) with every parameter
        /// finite: the signal overflowed on the way in.
        case activations
        /// The batch loss, with every parameter and layer output finite (the logits were
        /// finite but far enough apart to overflow the softmax). `layer` is the output layer.
        case loss
    }

    /// 1-based optimizer step at which the run stopped (its loss is the last one recorded;
    /// 0: before the first step).
    public var step: Int
    /// 1-based layer, counted from the input side.
    public var layer: Int
    public var what: Quantity

    public init(step: Int, layer: Int, what: Quantity) {
        self.step = step
        self.layer = layer
        self.what = what
    }

    /// "layer 2's activations", "the loss (layer 3)", for messages.
    public var place: String {
        switch what {
        case .loss: return "the loss (layer \(layer))"
        case .activations: return "layer \(layer)'s activations"
        case .weights: return "layer \(layer)'s weights"
        }
    }
}
