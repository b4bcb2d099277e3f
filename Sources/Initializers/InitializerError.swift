/// A spec string that names no initializer this build knows, or names one badly.
public enum InitializerError: Error, CustomStringConvertible, Equatable {
    case unknownName(spec: String, known: [String])
    case malformed(spec: String)
    case notANumber(spec: String, argument: String)
    case wrongArgumentCount(spec: String, name: String, expected: Int, got: Int)
    case invalidArgument(spec: String, reason: String)
    case emptyList(text: String)

    public var description: String {
        switch self {
        case let .unknownName(spec, known):
            return "Unknown initializer '\(spec)'. Use one of: \(known.joined(separator: ", ")) (run `initscope run --help` for formulas)."
        case let .malformed(spec):
            return "Initializer '\(spec)' is malformed. Write it as name or name(arg,…), e.g. uniform(-0.1,0.1)."
        case let .notANumber(spec, argument):
            return "Initializer '\(spec)': '\(argument)' is not a finite number. Write numbers with a dot, e.g. normal(0.1)."
        case let .wrongArgumentCount(spec, name, expected, got):
            return "Initializer '\(spec)': \(name) takes \(expected) argument\(expected == 1 ? "" : "s"), got \(got). See `initscope run --help`."
        case let .invalidArgument(spec, reason):
            return "Initializer '\(spec)' \(reason). Fix its arguments, e.g. uniform(-0.1,0.1) or normal(0.1)."
        case let .emptyList(text):
            return "Initializer list '\(text)' has an empty entry. Separate names with single commas, e.g. zeros,he_normal."
        }
    }
}
