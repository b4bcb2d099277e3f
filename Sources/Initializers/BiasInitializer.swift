/// How a layer's bias vector starts: `zeros` (the default, as almost everywhere) or
/// `constant(c)`, e.g. `constant(0.01)` (CS231n's small positive bias so ReLU units start
/// active; torch.nn.init.constant_). Parsed like weight specs, case-insensitive, whitespace
/// ignored; errors are `InitializerError`s.
public enum BiasInitializer: Sendable, Hashable {
    case zeros
    case constant(Double)

    /// The patterns `parse` accepts, in the order `--help` lists them.
    public static let catalogue: [InitializerSpec.Entry] = [
        InitializerSpec.Entry(pattern: "zeros", summary: "b = 0 (default)"),
        InitializerSpec.Entry(pattern: "constant(c)", summary: "b = c, e.g. constant(0.01) so ReLU units start active"),
    ]

    /// `zeros` or `constant(c)`; `parse` reads it back.
    public var name: String {
        switch self {
        case .zeros: "zeros"
        case let .constant(value): "constant(\(formatParameter(value)))"
        }
    }

    /// For tables and legends: `b = 0`, `b = 0.01`.
    public var label: String {
        switch self {
        case .zeros: "b = 0"
        case let .constant(value): "b = \(formatParameter(value))"
        }
    }

    /// Writes the initial bias into every element of `bias`.
    public func fill(_ bias: inout [Float]) {
        let value: Float = switch self {
        case .zeros: 0
        case let .constant(c): Float(c)
        }
        for i in bias.indices { bias[i] = value }
    }

    /// Reads `zeros` (alias `zero`) or `constant(c)` with a finite c.
    public static func parse(_ text: String) throws(InitializerError) -> BiasInitializer {
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        let call = try SpecCall.split(compact, original: text)
        switch call.name {
        case "zeros", "zero":
            try call.expectArguments(0...0, spec: text)
            return .zeros
        case "constant":
            try call.expectArguments(1...1, spec: text)
            return .constant(try call.number(0, spec: text))
        default:
            throw .unknownBias(spec: text, known: catalogue.map(\.pattern))
        }
    }
}
