import Foundation

/// Parses the short names used on the command line and in configs into initializers, e.g.
/// `zeros`, `uniform(-0.1,0.1)`, `he_normal(fan_out,leaky_relu(0.2))`,
/// `variance_scaling(2,fan_in,truncated_normal)`. `catalogue` lists every pattern.
///
/// Syntax: `name` or `name(arg,…)`. An argument is a number written with a dot (`0.1`,
/// `-1`, `1e-3`), a word (`fan_out`, `tanh`, `uniform`) or a nonlinearity with its own
/// argument (`leaky_relu(0.2)`). Word arguments are recognised by their kind (mode,
/// nonlinearity, distribution), so their order is free; each kind may appear once.
/// Case and whitespace are ignored. Every scheme's `name` parses back to an equal scheme.
public enum InitializerSpec {
    /// One catalogue entry: the pattern a user types and what it means.
    public struct Entry: Sendable {
        public let pattern: String
        public let summary: String
    }

    /// Every scheme this build knows, in the order `--help` lists them: constant and
    /// deterministic schemes, fixed-scale random ones, fan-scaled ones, orthogonal ones.
    public static let catalogue: [Entry] = [
        Entry(pattern: "zeros", summary: "W = 0 (all units identical forever)"),
        Entry(pattern: "ones", summary: "W = 1 (identical units, huge activations)"),
        Entry(pattern: "constant(c)", summary: "W = c (identical units)"),
        Entry(pattern: "identity", summary: "W = I, partial identity when not square (torch eye_)"),
        Entry(pattern: "zero_init", summary: "ZerO: partial identity, Hadamard block when fan_out > fan_in (Zhao et al. 2021)"),
        Entry(pattern: "uniform(a,b)", summary: "W ~ U[a, b)"),
        Entry(pattern: "normal(s)", summary: "W ~ N(0, s²)"),
        Entry(pattern: "small_normal", summary: "W = 0.01·N(0, 1), the course's default"),
        Entry(pattern: "truncated_normal(s)", summary: "W ~ N(0, s²), redrawn beyond ±2s"),
        Entry(pattern: "sparse(k)", summary: "k random inputs per unit ~ N(0, 0.01²), rest 0 (Martens 2010)"),
        Entry(pattern: "sparse(k,s)", summary: "k random inputs per unit ~ N(0, s²), rest 0"),
        Entry(pattern: "general_rule", summary: "W ~ U[-1/√fan_in, 1/√fan_in)"),
        Entry(pattern: "lecun_uniform", summary: "W ~ U[±√(3/fan_in)] (LeCun et al. 1998)"),
        Entry(pattern: "lecun_normal", summary: "W ~ N(0, 1/fan_in) (LeCun et al. 1998)"),
        Entry(pattern: "xavier_uniform", summary: "W ~ U[±√(6/(fan_in+fan_out))] (Glorot & Bengio 2010)"),
        Entry(pattern: "xavier_uniform(g)", summary: "W ~ U[±g·√(6/(fan_in+fan_out))]; g a number or a nonlinearity, e.g. tanh"),
        Entry(pattern: "xavier_normal", summary: "W ~ N(0, 2/(fan_in+fan_out)) (Glorot & Bengio 2010)"),
        Entry(pattern: "xavier_normal(g)", summary: "W ~ N(0, g²·2/(fan_in+fan_out)); g a number or a nonlinearity"),
        Entry(pattern: "he_uniform", summary: "W ~ U[±√(6/fan_in)] (He et al. 2015)"),
        Entry(pattern: "he_uniform(mode,nonlinearity)", summary: "W ~ U[±gain·√(3/fan)], mode fan_in|fan_out, gain of the nonlinearity"),
        Entry(pattern: "he_normal", summary: "W ~ N(0, 2/fan_in) (He et al. 2015)"),
        Entry(pattern: "he_normal(mode,nonlinearity)", summary: "W ~ N(0, gain²/fan), mode fan_in|fan_out, gain of the nonlinearity"),
        Entry(pattern: "variance_scaling(s,mode,distribution)",
              summary: "Var W = s/n, n by mode fan_in|fan_out|fan_avg; truncated_normal|untruncated_normal|uniform (Keras)"),
        Entry(pattern: "orthogonal", summary: "W = Q, orthonormal rows or columns (Saxe et al. 2014)"),
        Entry(pattern: "orthogonal(g)", summary: "W = g·Q, every singular value g"),
        Entry(pattern: "lsuv", summary: "orthonormal, then rescaled on data to unit output variance (Mishkin & Matas 2015)"),
        Entry(pattern: "lsuv(tol,max_iter)", summary: "LSUV with |Var − 1| < tol, at most max_iter rounds (0.1, 10)"),
    ]

    /// Other names `parse` accepts; "did you mean" looks at them too.
    static let aliases: [String] = [
        "zero", "one", "eye", "small_random", "glorot_uniform", "glorot_normal",
        "kaiming_uniform", "kaiming_normal",
    ]

    /// Parses one spec, e.g. `uniform(-0.1, 0.1)` or `he_normal(fan_out, tanh)`.
    public static func parse(_ text: String) throws(InitializerError) -> any Initializer {
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        let call = try SpecCall.split(compact, original: text)
        func expect(_ range: ClosedRange<Int>) throws(InitializerError) {
            try call.expectArguments(range, spec: text)
        }
        func positive(_ index: Int, _ what: String) throws(InitializerError) -> Double {
            let value = try call.number(index, spec: text)
            guard value > 0 else { throw .invalidArgument(spec: text, reason: "needs \(what) > 0") }
            return value
        }
        switch call.name {
        case "zeros", "zero":
            try expect(0...0); return Zeros()
        case "ones", "one":
            try expect(0...0); return Ones()
        case "constant":
            try expect(1...1); return Constant(try call.number(0, spec: text))
        case "identity", "eye":
            try expect(0...0); return Identity()
        case "zero_init":
            try expect(0...0); return ZerO()
        case "uniform":
            try expect(2...2)
            let low = try call.number(0, spec: text), high = try call.number(1, spec: text)
            guard low < high else { throw .invalidArgument(spec: text, reason: "needs a < b") }
            return Uniform(low: low, high: high)
        case "normal":
            try expect(1...1); return Normal(std: try positive(0, "σ"))
        case "small_normal", "small_random":
            try expect(0...0); return SmallNormal()
        case "truncated_normal":
            try expect(1...1); return TruncatedNormal(std: try positive(0, "σ"))
        case "sparse":
            try expect(1...2)
            let k = try call.wholeNumber(0, minimum: 1, what: "k", spec: text)
            return Sparse(count: k, std: call.arguments.count == 2 ? try positive(1, "σ") : Sparse.defaultStd)
        case "general_rule":
            try expect(0...0); return GeneralRule()
        case "lecun_uniform":
            try expect(0...0); return LeCunUniform()
        case "lecun_normal":
            try expect(0...0); return LeCunNormal()
        case "xavier_uniform", "glorot_uniform":
            try expect(0...1)
            switch try xavierGain(call, spec: text) {
            case .none: return XavierUniform()
            case let .number(gain): return XavierUniform(gain: gain)
            case let .nonlinearity(nonlinearity): return XavierUniform(nonlinearity: nonlinearity)
            }
        case "xavier_normal", "glorot_normal":
            try expect(0...1)
            switch try xavierGain(call, spec: text) {
            case .none: return XavierNormal()
            case let .number(gain): return XavierNormal(gain: gain)
            case let .nonlinearity(nonlinearity): return XavierNormal(nonlinearity: nonlinearity)
            }
        case "he_uniform", "kaiming_uniform":
            try expect(0...2)
            let (mode, nonlinearity) = try heArguments(call, spec: text)
            return HeUniform(mode: mode, nonlinearity: nonlinearity)
        case "he_normal", "kaiming_normal":
            try expect(0...2)
            let (mode, nonlinearity) = try heArguments(call, spec: text)
            return HeNormal(mode: mode, nonlinearity: nonlinearity)
        case "variance_scaling":
            try expect(0...3)
            return try varianceScaling(call, spec: text)
        case "orthogonal":
            if call.arguments.isEmpty { return Orthogonal() }
            try expect(1...1)
            guard try call.number(0, spec: text) > 0 else { throw .invalidArgument(spec: text, reason: "needs gain > 0") }
            return Orthogonal(gain: try call.number(0, spec: text))
        case "lsuv":
            try expect(0...2)
            let tolerance = call.arguments.count >= 1 ? try positive(0, "tol") : LSUV.defaultTolerance
            let rounds = call.arguments.count == 2
                ? try call.wholeNumber(1, minimum: 1, what: "max_iter", spec: text) : LSUV.defaultMaxIterations
            return LSUV(tolerance: tolerance, maxIterations: rounds)
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
}
