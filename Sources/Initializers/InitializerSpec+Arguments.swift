/// One spec split into its name and its arguments: `he_normal(fan_out, leaky_relu(0.2))` →
/// `he_normal` and `["fan_out", "leaky_relu(0.2)"]`. Arguments are numbers (`-0.1`, `1e-3`),
/// words (`fan_out`, `tanh`, `uniform`) or one nested call (`leaky_relu(0.2)`); commas inside
/// a nested call belong to it. Each scheme reads its arguments with the helpers below, which
/// throw the error that names the offending argument.
struct SpecCall {
    let name: String
    let arguments: [String]

    /// Splits `compact` (lowercased, whitespace removed); `original` is quoted in errors.
    static func split(_ compact: String, original: String) throws(InitializerError) -> SpecCall {
        guard let open = compact.firstIndex(of: "(") else {
            guard !compact.contains(")") else { throw .malformed(spec: original) }
            return SpecCall(name: compact, arguments: [])
        }
        // The "(" after the name must close at the very end, and never go below depth 0.
        var depth = 0
        var pieces: [String] = []
        var current = ""
        for index in compact[open...].indices {
            let character = compact[index]
            switch character {
            case "(":
                depth += 1
                if depth > 1 { current.append(character) }
            case ")":
                depth -= 1
                if depth == 0 {
                    guard compact.index(after: index) == compact.endIndex else { throw .malformed(spec: original) }
                } else {
                    current.append(character)
                }
            case "," where depth == 1:
                pieces.append(current)
                current = ""
            default:
                current.append(character)
            }
            guard depth >= 0 else { throw .malformed(spec: original) }
        }
        guard depth == 0, !compact[..<open].contains(")") else { throw .malformed(spec: original) }
        pieces.append(current)
        if pieces == [""] { pieces = [] }
        return SpecCall(name: String(compact[..<open]), arguments: pieces)
    }

    /// Throws unless there are between `range.lowerBound` and `range.upperBound` arguments.
    func expectArguments(_ range: ClosedRange<Int>, spec: String) throws(InitializerError) {
        guard range.contains(arguments.count) else {
            if range.lowerBound == range.upperBound {
                throw .wrongArgumentCount(spec: spec, name: name, expected: range.lowerBound, got: arguments.count)
            }
            throw .wrongArgumentRange(spec: spec, name: name, expected: range, got: arguments.count)
        }
    }

    /// Argument `index` as a finite number.
    func number(_ index: Int, spec: String) throws(InitializerError) -> Double {
        try Self.number(arguments[index], spec: spec)
    }

    /// `text` as a finite number, or `notANumber`.
    static func number(_ text: String, spec: String) throws(InitializerError) -> Double {
        guard let value = Double(text), value.isFinite else { throw .notANumber(spec: spec, argument: text) }
        return value
    }

    /// Argument `index` as a whole number ≥ `minimum` (e.g. `sparse`'s k).
    func wholeNumber(_ index: Int, minimum: Int, what: String, spec: String) throws(InitializerError) -> Int {
        let value = try number(index, spec: spec)
        guard value == value.rounded(), value >= Double(minimum), value <= Double(Int32.max) else {
            throw .invalidArgument(spec: spec, reason: "needs \(what) to be a whole number ≥ \(minimum)")
        }
        return Int(value)
    }

    /// Whether `text` reads as a number (so it is not meant as a word).
    static func isNumber(_ text: String) -> Bool { Double(text) != nil }
}
