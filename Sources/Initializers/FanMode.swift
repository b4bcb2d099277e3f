import Tensor

/// Which fan a fan-scaled scheme divides by. With PyTorch's `(fanOut, fanIn)` layout, fan_in
/// is the number of columns and fan_out the number of rows.
///
/// fan_in keeps the forward pass's pre-activation variance; fan_out keeps the backward pass's
/// gradient variance (torch.nn.init.kaiming_*'s `mode`); fan_avg = (fan_in + fan_out)/2
/// compromises (Glorot & Bengio 2010; Keras VarianceScaling's `mode`).
public enum FanMode: String, Sendable, CaseIterable {
    case fanIn = "fan_in"
    case fanOut = "fan_out"
    case fanAvg = "fan_avg"

    /// The fan of a `(fanOut, fanIn)` weight matrix in this mode.
    public func fan(of weights: Matrix) -> Double {
        fan(fanIn: weights.cols, fanOut: weights.rows)
    }

    public func fan(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .fanIn: Double(fanIn)
        case .fanOut: Double(fanOut)
        case .fanAvg: Double(fanIn + fanOut) / 2
        }
    }
}
