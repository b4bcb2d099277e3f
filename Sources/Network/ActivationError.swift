/// Text that names no activation this build knows, or names one badly.
public enum ActivationError: Error, CustomStringConvertible, Equatable {
    case unknownName(text: String, known: [String])
    case notANumber(text: String, argument: String)
    case unexpectedArguments(text: String, name: String)
    case malformed(text: String)

    public var description: String {
        switch self {
        case let .unknownName(text, known):
            return "Unknown activation '\(text)'. Use one of: \(known.joined(separator: ", "))."
        case let .notANumber(text, argument):
            return "Activation '\(text)': '\(argument)' is not a finite number. Give leaky_relu one slope written with a dot, e.g. leaky_relu(0.2)."
        case let .unexpectedArguments(text, name):
            return "Activation '\(text)': \(name) takes no arguments. Write it as plain \(name); only leaky_relu(s) takes one."
        case let .malformed(text):
            return "Activation '\(text)' is malformed. Write a name, e.g. tanh, or leaky_relu(s), e.g. leaky_relu(0.2)."
        }
    }
}
