/// A spec string that names no initializer this build knows, or names one badly.
public enum InitializerError: Error, CustomStringConvertible, Equatable {
    case unknownName(spec: String, known: [String])
    case malformed(spec: String)
    case notANumber(spec: String, argument: String)
    case wrongArgumentCount(spec: String, name: String, expected: Int, got: Int)
    /// A scheme with optional arguments got too few or too many, e.g. `he_normal(a,b,c)`.
    case wrongArgumentRange(spec: String, name: String, expected: ClosedRange<Int>, got: Int)
    /// A word argument that this scheme does not take, e.g. `he_normal(fan_avg2)`.
    case unknownArgument(spec: String, argument: String, expected: [String])
    /// A nonlinearity torch.nn.init.calculate_gain has no gain for (elu, gelu, softsign).
    case noGain(spec: String, nonlinearity: String)
    case invalidArgument(spec: String, reason: String)
    case emptyList(text: String)
    /// A bias spec other than `zeros` or `constant(c)`.
    case unknownBias(spec: String, known: [String])

    public var description: String {
        switch self {
        case let .unknownName(spec, known):
            let hint = Self.suggestion(for: spec, among: known + InitializerSpec.aliases).map { "Did you mean '\($0)'? " } ?? ""
            return "Unknown initializer '\(spec)'. \(hint)Use one of: \(known.joined(separator: ", ")) (run `initscope run --help` for formulas)."
        case let .malformed(spec):
            return "Initializer '\(spec)' is malformed. Write it as name or name(arg,…), e.g. uniform(-0.1,0.1) or he_normal(fan_out,leaky_relu(0.2))."
        case let .notANumber(spec, argument):
            return "Initializer '\(spec)': '\(argument)' is not a finite number. Write numbers with a dot, e.g. normal(0.1)."
        case let .wrongArgumentCount(spec, name, expected, got):
            return "Initializer '\(spec)': \(name) takes \(expected) argument\(expected == 1 ? "" : "s"), got \(got). \(Self.usage(of: name))"
        case let .wrongArgumentRange(spec, name, expected, got):
            return "Initializer '\(spec)': \(name) takes \(expected.lowerBound) to \(expected.upperBound) arguments, got \(got). \(Self.usage(of: name))"
        case let .unknownArgument(spec, argument, expected):
            let hint = Self.suggestion(for: argument, among: expected).map { "Did you mean '\($0)'? " } ?? ""
            let what = spec == argument ? "Nonlinearity '\(argument)' has no entry in the gain table." // Gain.for(nonlinearity:)
                                        : "Initializer '\(spec)': '\(argument)' is not an argument it takes."
            return "\(what) \(hint)Use one of: \(expected.joined(separator: ", "))."
        case let .noGain(spec, nonlinearity):
            let what = spec == nonlinearity ? "Nonlinearity '\(spec)'" : "Initializer '\(spec)'"
            return "\(what): torch.nn.init.calculate_gain has no gain for \(nonlinearity). Give the gain as a number, e.g. xavier_normal(1.2), or use variance_scaling(s,mode,distribution)."
        case let .invalidArgument(spec, reason):
            return "Initializer '\(spec)' \(reason). Fix its arguments, e.g. uniform(-0.1,0.1) or normal(0.1)."
        case let .emptyList(text):
            return "Initializer list '\(text)' has an empty entry. Separate names with single commas, e.g. zeros,he_normal."
        case let .unknownBias(spec, known):
            let hint = Self.suggestion(for: spec, among: known).map { "Did you mean '\($0)'? " } ?? ""
            return "Unknown bias initializer '\(spec)'. \(hint)Use one of: \(known.joined(separator: ", ")), e.g. constant(0.01)."
        }
    }

    /// "Write it as …" with the catalogue patterns that start with `name`, or a pointer to --help.
    static func usage(of name: String) -> String {
        let patterns = InitializerSpec.catalogue.map(\.pattern).filter { Self.baseName($0) == name }
        guard !patterns.isEmpty else { return "See `initscope run --help`." }
        return "Write it as \(patterns.joined(separator: " or "))."
    }

    /// The pattern whose name is within edit distance 2 of `text`'s name (closest first), if any.
    static func suggestion(for text: String, among known: [String]) -> String? {
        let typed = baseName(text.filter { !$0.isWhitespace }.lowercased())
        guard !typed.isEmpty else { return nil }
        var best: (pattern: String, distance: Int)?
        for pattern in known {
            let distance = editDistance(typed, baseName(pattern))
            if distance <= 2, distance < (best?.distance ?? .max) { best = (pattern, distance) }
        }
        return best?.pattern
    }

    /// `uniform(a,b)` → `uniform`.
    static func baseName(_ pattern: String) -> String {
        String(pattern.prefix { $0 != "(" })
    }

    /// Levenshtein distance (insertions, deletions, substitutions), O(|a|·|b|).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
