/// A nonlinearity named for its recommended gain, as torch.nn.init.calculate_gain knows it.
///
/// The Initializers module does not depend on Network, so nonlinearities are named by the
/// strings the Network's activations write (`relu`, `leaky_relu(0.2)`, `tanh`, …); `parse`
/// reads them. torch has no gain for `elu`, `gelu` or `softsign`: they are refused with
/// `InitializerError.noGain` rather than given an invented number (give the gain as a number
/// instead, e.g. `xavier_normal(1.2)`, or use `variance_scaling`).
public enum Nonlinearity: Sendable, Hashable {
    /// Identity (alias `identity`) and torch's `linear`: gain 1.
    case linear
    /// torch's conv1d/2d/3d (the convolution itself, before any nonlinearity): gain 1.
    case conv
    case sigmoid
    case tanh
    case relu
    /// Leaky ReLU with negative slope `slope` (torch's default 0.01).
    case leakyReLU(slope: Double)
    case selu

    /// torch.nn.init.calculate_gain's default slope for `leaky_relu`, and the Network's.
    public static let defaultLeakySlope = 0.01

    /// Words `parse` accepts, in the order error messages list them.
    public static let patterns = ["linear", "identity", "conv", "sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu(s)", "selu"]

    /// Activations the Network has but torch.nn.init.calculate_gain does not.
    public static let withoutGain = ["elu", "gelu", "softsign"]

    /// The name `parse` reads back: `relu`, `leaky_relu` (slope 0.01), `leaky_relu(0.2)`, …
    public var name: String {
        switch self {
        case .linear: "linear"
        case .conv: "conv"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case let .leakyReLU(slope):
            slope == Self.defaultLeakySlope ? "leaky_relu" : "leaky_relu(\(formatParameter(slope)))"
        case .selu: "selu"
        }
    }

    /// gain², exact where the table is rational (relu: exactly 2), so variances computed from
    /// it carry no rounding from a square root.
    public var gainSquared: Double {
        switch self {
        case .linear, .conv, .sigmoid: 1
        case .tanh: 25.0 / 9
        case .relu: 2
        case let .leakyReLU(slope): 2 / (1 + slope * slope)
        case .selu: 9.0 / 16
        }
    }

    /// The recommended gain: linear/identity/conv/sigmoid 1, tanh 5/3, relu √2,
    /// leaky_relu(s) √(2/(1+s²)), selu 3/4. torch.nn.init.calculate_gain.
    public var gain: Double {
        switch self {
        case .tanh: 5.0 / 3
        case .selu: 0.75
        case .linear, .conv, .sigmoid: 1
        default: gainSquared.squareRoot()
        }
    }

    /// The gain as the table writes it: `1`, `5/3`, `√2`, `√(2/(1+0.2²))`, `3/4`.
    public var gainText: String {
        switch self {
        case .linear, .conv, .sigmoid: "1"
        case .tanh: "5/3"
        case .relu: "√2"
        case let .leakyReLU(slope): "√(2/(1+\(formatParameter(slope))²))"
        case .selu: "3/4"
        }
    }

    /// Reads a nonlinearity: case-insensitive, whitespace ignored; `leaky_relu` alone means
    /// slope 0.01. `spec` is the whole initializer spec it came from, for error messages.
    public static func parse(_ text: String, spec: String? = nil) throws(InitializerError) -> Nonlinearity {
        let spec = spec ?? text
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        let call = try SpecCall.split(compact, original: spec)
        func plain(_ value: Nonlinearity) throws(InitializerError) -> Nonlinearity {
            guard call.arguments.isEmpty else {
                throw .wrongArgumentCount(spec: spec, name: call.name, expected: 0, got: call.arguments.count)
            }
            return value
        }
        switch call.name {
        case "linear", "identity": return try plain(.linear)
        case "conv", "conv1d", "conv2d", "conv3d": return try plain(.conv)
        case "sigmoid": return try plain(.sigmoid)
        case "tanh": return try plain(.tanh)
        case "relu": return try plain(.relu)
        case "selu": return try plain(.selu)
        case "leaky_relu", "leakyrelu":
            if call.arguments.isEmpty { return .leakyReLU(slope: defaultLeakySlope) }
            guard call.arguments.count == 1 else {
                throw .wrongArgumentCount(spec: spec, name: call.name, expected: 1, got: call.arguments.count)
            }
            let slope = try call.number(0, spec: spec)
            guard slope >= 0 else { throw .invalidArgument(spec: spec, reason: "needs a leaky_relu slope ≥ 0") }
            return .leakyReLU(slope: slope)
        case let name where withoutGain.contains(name):
            throw .noGain(spec: spec, nonlinearity: name)
        default:
            throw .unknownArgument(spec: spec, argument: text, expected: patterns)
        }
    }
}

/// The gain table: torch.nn.init.calculate_gain by name.
///
/// | nonlinearity            | gain           |
/// |-------------------------|----------------|
/// | linear, identity, conv  | 1              |
/// | sigmoid                 | 1              |
/// | tanh                    | 5/3            |
/// | relu                    | √2             |
/// | leaky_relu(s)           | √(2 / (1 + s²)), s = 0.01 by default |
/// | selu                    | 3/4            |
///
/// torch notes for selu: 3/4 is chosen to keep gradients stable; for a self-normalizing
/// network (variance 1/fan_in) use `linear` instead. elu, gelu and softsign have no entry.
public enum Gain {
    /// The gain for a nonlinearity named as the Network names activations, e.g. `tanh`,
    /// `leaky_relu(0.2)`. Throws `InitializerError.noGain` for elu, gelu and softsign.
    public static func `for`(nonlinearity: String) throws(InitializerError) -> Double {
        try Nonlinearity.parse(nonlinearity).gain
    }

    /// The gain for a parsed nonlinearity.
    public static func `for`(_ nonlinearity: Nonlinearity) -> Double { nonlinearity.gain }
}
