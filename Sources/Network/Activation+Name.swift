/// The names users write for activations: on the command line (`--activation`), in configs,
/// and in metrics.json, where an activation is stored as its `name`.
extension Activation: CaseIterable, Codable {
    /// One catalogue entry: the pattern a user types and what it means.
    public struct Entry: Sendable {
        public let pattern: String
        public let summary: String
    }

    /// Every activation this build knows, in the order `--help` lists them.
    public static let catalogue: [Entry] = [
        Entry(pattern: "relu", summary: "max(0, z)"),
        Entry(pattern: "leaky_relu(s)", summary: "z if z > 0, else s·z (leaky_relu alone: s = 0.01)"),
        Entry(pattern: "tanh", summary: "tanh z, in (−1, 1)"),
        Entry(pattern: "sigmoid", summary: "1 / (1 + e^−z), in (0, 1)"),
        Entry(pattern: "elu", summary: "z if z > 0, else e^z − 1 (Clevert et al. 2015)"),
        Entry(pattern: "selu", summary: "λ·elu_α(z), λ ≈ 1.0507, α ≈ 1.6733 (Klambauer et al. 2017)"),
        Entry(pattern: "gelu", summary: "z·Φ(z), exact erf form (Hendrycks & Gimpel 2016)"),
        Entry(pattern: "softsign", summary: "z / (1 + |z|), in (−1, 1)"),
        Entry(pattern: "linear", summary: "z (no non-linearity)"),
    ]

    /// One value per case, in catalogue order; leaky_relu at its default slope.
    public static let allCases: [Activation] = [
        .relu, .leakyReLU(slope: defaultLeakySlope), .tanh, .sigmoid, .elu, .selu, .gelu, .softsign, .linear,
    ]

    /// The spec as a user writes it: `relu`, `leaky_relu(0.01)`, `tanh`, …; `parse` reads it back.
    public var name: String {
        switch self {
        case .relu: "relu"
        case let .leakyReLU(slope): "leaky_relu(\(slope))"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .elu: "elu"
        case .selu: "selu"
        case .gelu: "gelu"
        case .softsign: "softsign"
        case .linear: "linear"
        }
    }

    /// Reads a name: case-insensitive, whitespace ignored; `leaky_relu` alone means slope 0.01,
    /// `leaky_relu(0.2)` sets it.
    public static func parse(_ text: String) throws(ActivationError) -> Activation {
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        var name = compact
        var argument: Substring?
        if let open = compact.firstIndex(of: "(") {
            guard compact.last == ")", compact.firstIndex(of: ")") == compact.index(before: compact.endIndex) else {
                throw .malformed(text: text)
            }
            name = String(compact[..<open])
            argument = compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]
        } else if compact.contains(")") {
            throw .malformed(text: text)
        }
        let plain: Activation
        switch name {
        case "relu": plain = .relu
        case "leaky_relu", "leakyrelu":
            guard let argument else { return .leakyReLU(slope: defaultLeakySlope) }
            guard let slope = Float(argument), slope.isFinite else {
                throw .notANumber(text: text, argument: String(argument))
            }
            return .leakyReLU(slope: slope)
        case "tanh": plain = .tanh
        case "sigmoid": plain = .sigmoid
        case "elu": plain = .elu
        case "selu": plain = .selu
        case "gelu": plain = .gelu
        case "softsign": plain = .softsign
        case "linear", "identity": plain = .linear
        default: throw .unknownName(text: text, known: catalogue.map(\.pattern))
        }
        guard argument == nil else { throw .unexpectedArguments(text: text, name: name) }
        return plain
    }

    /// Decodes the single string `name` writes, e.g. `"tanh"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try Activation.parse(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
