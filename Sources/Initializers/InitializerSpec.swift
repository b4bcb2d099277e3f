import Foundation

/// Parses the short names used on the command line and in configs into initializers:
/// `zeros`, `ones`, `uniform(a,b)`, `general_rule`, `normal(σ)`, `truncated_normal(σ)`,
/// `xavier_uniform`, `xavier_normal`, `he_normal`, `orthogonal`, `orthogonal(g)`.
/// Whitespace is ignored; numbers use a dot.
public enum InitializerSpec {
    /// One catalogue entry: the pattern a user types and what it means.
    public struct Entry: Sendable {
        public let pattern: String
        public let summary: String
    }

    /// Every scheme this build knows, in the order `--help` lists them.
    public static let catalogue: [Entry] = [
        Entry(pattern: "zeros", summary: "W = 0 (all units identical forever)"),
        Entry(pattern: "ones", summary: "W = 1 (identical units, huge activations)"),
        Entry(pattern: "uniform(a,b)", summary: "W ~ U[a, b)"),
        Entry(pattern: "general_rule", summary: "W ~ U[-1/√fan_in, 1/√fan_in)"),
        Entry(pattern: "normal(s)", summary: "W ~ N(0, s²)"),
        Entry(pattern: "truncated_normal(s)", summary: "W ~ N(0, s²), redrawn beyond ±2s"),
        Entry(pattern: "xavier_uniform", summary: "W ~ U[±√(6/(fan_in+fan_out))] (Glorot & Bengio 2010)"),
        Entry(pattern: "xavier_normal", summary: "W ~ N(0, 2/(fan_in+fan_out)) (Glorot & Bengio 2010)"),
        Entry(pattern: "he_normal", summary: "W ~ N(0, 2/fan_in) (He et al. 2015)"),
        Entry(pattern: "orthogonal", summary: "W = Q, orthonormal rows or columns (Saxe et al. 2014)"),
        Entry(pattern: "orthogonal(g)", summary: "W = g·Q, every singular value g"),
    ]

    /// Parses one spec, e.g. `uniform(-0.1, 0.1)`.
    public static func parse(_ text: String) throws(InitializerError) -> any Initializer {
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        let (name, arguments) = try split(compact, original: text)
        func expectArguments(_ count: Int) throws(InitializerError) {
            guard arguments.count == count else {
                throw .wrongArgumentCount(spec: text, name: name, expected: count, got: arguments.count)
            }
        }
        switch name {
        case "zeros", "zero":
            try expectArguments(0); return Zeros()
        case "ones", "one":
            try expectArguments(0); return Ones()
        case "uniform":
            try expectArguments(2)
            guard arguments[0] < arguments[1] else { throw .invalidArgument(spec: text, reason: "needs a < b") }
            return Uniform(low: arguments[0], high: arguments[1])
        case "general_rule":
            try expectArguments(0); return GeneralRule()
        case "normal":
            try expectArguments(1)
            guard arguments[0] > 0 else { throw .invalidArgument(spec: text, reason: "needs σ > 0") }
            return Normal(std: arguments[0])
        case "truncated_normal":
            try expectArguments(1)
            guard arguments[0] > 0 else { throw .invalidArgument(spec: text, reason: "needs σ > 0") }
            return TruncatedNormal(std: arguments[0])
        case "xavier_uniform", "glorot_uniform":
            try expectArguments(0); return XavierUniform()
        case "xavier_normal", "glorot_normal":
            try expectArguments(0); return XavierNormal()
        case "he_normal", "kaiming_normal":
            try expectArguments(0); return HeNormal()
        case "orthogonal":
            if arguments.isEmpty { return Orthogonal() }
            try expectArguments(1)
            guard arguments[0] > 0 else { throw .invalidArgument(spec: text, reason: "needs gain > 0") }
            return Orthogonal(gain: arguments[0])
        default:
            throw .unknownName(spec: text, known: catalogue.map(\.pattern))
        }
    }

    /// Parses a comma-separated list where commas inside parentheses belong to arguments:
    /// `zeros,uniform(-1,1),he_normal` → three specs.
    public static func parseList(_ text: String) throws(InitializerError) -> [any Initializer] {
        var specs: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: specs.append(current); current = ""
            default: current.append(character)
            }
        }
        specs.append(current)
        let trimmed = specs.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !trimmed.contains(where: \.isEmpty) else { throw .emptyList(text: text) }
        var result: [any Initializer] = []
        for spec in trimmed { result.append(try parse(spec)) }
        return result
    }

    private static func split(_ compact: String, original: String) throws(InitializerError) -> (String, [Double]) {
        guard let open = compact.firstIndex(of: "(") else {
            guard !compact.contains(")") else { throw .malformed(spec: original) }
            return (compact, [])
        }
        guard compact.last == ")" else { throw .malformed(spec: original) }
        let name = String(compact[..<open])
        let inner = compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]
        if inner.isEmpty { return (name, []) }
        var values: [Double] = []
        for piece in inner.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Double(piece), value.isFinite else {
                throw .notANumber(spec: original, argument: String(piece))
            }
            values.append(value)
        }
        return (name, values)
    }
}
