/// Where and when a run went numerically wrong: the step at which training stopped, and
/// the first layer whose numbers were NaN or ±Inf in the order they were computed.
///
/// Layers are numbered 1-based from the input side (layer 1 maps the inputs to the first
/// hidden layer, the last layer gives the logits), as in the report.
public struct Divergence: Sendable, Codable, Equatable {
    /// What went non-finite, in the order the trainer looks.
    public enum Quantity: String, Sendable, Codable, CaseIterable {
        /// A layer's forward output (the dense output, or BatchNorm's): the signal
        /// overflowed on the way in. The layer's parameters were still finite.
        case activations
        /// The batch loss, with every layer's output finite (the logits were finite but
        /// far enough apart to overflow the softmax). `layer` is the output layer.
        case loss
        /// A layer's gradient — ∂L/∂a of its activation, ∂L/∂z, ∂L/∂W or ∂L/∂b (BatchNorm's
        /// ∂L/∂γ, ∂L/∂β): the backward pass overflowed while the forward pass and the loss
        /// were finite. The backward pass runs from the output side, so of several layers
        /// the one nearest the output is named.
        case gradients
        /// A layer's weights or biases (BatchNorm's γ, β) after the optimizer's update, with
        /// finite gradients: the step itself overflowed.
        case weights
    }

    /// 1-based optimizer step at which the run stopped (its loss is the last one recorded).
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
        case .gradients: return "layer \(layer)'s gradients"
        case .weights: return "layer \(layer)'s weights"
        }
    }
}
