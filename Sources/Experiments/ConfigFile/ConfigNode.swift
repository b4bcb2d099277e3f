import Yams

/// The file a config comes from, as error messages name it (`config.yaml`, `udacity.yaml`).
struct ConfigOrigin {
    let path: String

    /// A `ConfigError.file` at `mark` (line and column from 1), or at the whole file.
    func error(at mark: Mark?, _ keyPath: String, _ message: String) -> ConfigError {
        .file(path: path, line: mark?.line, column: mark?.column, keyPath: keyPath, message: message)
    }
}

/// One YAML node and the key path that leads to it (`training.learning_rate`,
/// `initializers[2]`), read strictly: each accessor accepts exactly one YAML shape and
/// otherwise throws an error that points at the node's line and column.
struct ConfigNode {
    let node: Node
    let keyPath: String
    let origin: ConfigOrigin

    var mark: Mark? { node.mark }

    func error(_ message: String) -> ConfigError { origin.error(at: mark, keyPath, message) }

    /// The value as the user wrote it, for messages: the scalar's text, or what kind of node it is.
    var shown: String {
        switch node {
        case let .scalar(scalar):
            switch scalar.style {
            case .singleQuoted, .doubleQuoted: "\"\(scalar.string)\""
            default: scalar.string.isEmpty ? "(nothing)" : scalar.string
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }

    /// The scalar's text when it is a plain (unquoted) scalar, which is what numbers and
    /// booleans must be.
    private var plainText: String? {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    private var isNull: Bool {
        guard let text = plainText else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// `kind` names what was expected, e.g. "a whole number"; `example` is the fix, e.g. "epochs: 2".
    private func wrongType(_ kind: String, example: String) -> ConfigError {
        let subject = keyPath.isEmpty ? "the file" : "\(keyPath) = \(shown)"
        return error("\(subject) is not \(kind): write it like \(example).")
    }

    /// Any scalar that is not empty or null, quoted or not.
    func text(example: String) throws(ConfigError) -> String {
        guard case let .scalar(scalar) = node, !isNull else { throw wrongType("text", example: example) }
        return scalar.string
    }

    func int(example: String, fix: String, valid: (Int) -> Bool) throws(ConfigError) -> Int {
        guard let text = plainText, let value = Int(text) else { throw wrongType("a whole number", example: example) }
        guard valid(value) else { throw error("\(keyPath) = \(text) is invalid: \(fix).") }
        return value
    }

    func unsigned(example: String) throws(ConfigError) -> UInt64 {
        guard let text = plainText, let value = UInt64(text) else {
            throw wrongType("a whole number ≥ 0", example: example)
        }
        return value
    }

    func double(example: String, fix: String, valid: (Double) -> Bool) throws(ConfigError) -> Double {
        guard let text = plainText, let value = Double(text) else { throw wrongType("a number", example: example) }
        guard value.isFinite, valid(value) else { throw error("\(keyPath) = \(text) is invalid: \(fix).") }
        return value
    }

    /// `true` or `false` (any case), unquoted; YAML 1.1's yes/no/on/off are refused as ambiguous.
    func bool(example: String) throws(ConfigError) -> Bool {
        switch plainText?.lowercased() {
        case "true": return true
        case "false": return false
        default: throw wrongType("true or false", example: example)
        }
    }

    /// One of `choices` (exact spelling), with "did you mean" for a near miss.
    func choice(_ choices: [String], example: String) throws(ConfigError) -> String {
        let value = try text(example: example)
        guard choices.contains(value) else {
            throw error("\(keyPath) = \(value) is not one of \(choices.joined(separator: ", "))."
                + KeySuggestion.didYouMean(value, among: choices))
        }
        return value
    }

    /// The elements of a YAML list (`[a, b]` or one `- a` per line).
    func list(example: String) throws(ConfigError) -> [ConfigNode] {
        guard case let .sequence(sequence) = node else { throw wrongType("a list", example: example) }
        return sequence.enumerated().map { ConfigNode(node: $1, keyPath: "\(keyPath)[\($0)]", origin: origin) }
    }

    /// The node as a mapping whose keys must all be in `known`; an unknown key is refused with
    /// the closest known one, or with the section it belongs to.
    func mapping(known: [String], example: String) throws(ConfigError) -> ConfigMapping {
        guard case let .mapping(mapping) = node else { throw wrongType("a mapping of keys", example: example) }
        var entries: [ConfigMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case let .scalar(keyScalar) = keyNode else {
                throw origin.error(at: keyNode.mark, keyPath, "\(keyPath) has a key that is not a plain name: use name: value pairs.")
            }
            let key = keyScalar.string
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            guard known.contains(key) else {
                throw origin.error(at: keyNode.mark, path, KeySuggestion.unknownKey(key, in: keyPath, known: known))
            }
            entries.append(ConfigMapping.Entry(key: key, keyMark: keyNode.mark,
                                               value: ConfigNode(node: valueNode, keyPath: path, origin: origin)))
        }
        return ConfigMapping(owner: self, entries: entries)
    }

    /// A mapping whose keys are free-form (thresholds): (key, value node) pairs in file order.
    func pairs(example: String) throws(ConfigError) -> [(key: String, value: ConfigNode)] {
        guard case let .mapping(mapping) = node else { throw wrongType("a mapping of keys", example: example) }
        var result: [(key: String, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case let .scalar(keyScalar) = keyNode else {
                throw origin.error(at: keyNode.mark, keyPath, "\(keyPath) has a key that is not a plain name: use name: value pairs.")
            }
            result.append((keyScalar.string, ConfigNode(node: valueNode, keyPath: "\(keyPath).\(keyScalar.string)", origin: origin)))
        }
        return result
    }
}

/// The checked entries of one mapping (a section such as `training:`), in file order.
struct ConfigMapping {
    struct Entry {
        let key: String
        let keyMark: Mark?
        let value: ConfigNode
    }

    let owner: ConfigNode
    let entries: [Entry]

    subscript(key: String) -> ConfigNode? { entries.first { $0.key == key }?.value }

    func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Refuses every present key outside `applicable`, at the key's line; `reason` gives the
    /// message for a refused key.
    func allowOnly(_ applicable: [String], reason: (String) -> String) throws(ConfigError) {
        for entry in entries where !applicable.contains(entry.key) {
            throw owner.origin.error(at: entry.keyMark, entry.value.keyPath, reason(entry.key))
        }
    }

    /// The value of a key the section cannot do without.
    func required(_ key: String, fix: String) throws(ConfigError) -> ConfigNode {
        guard let value = self[key] else {
            let path = owner.keyPath.isEmpty ? key : "\(owner.keyPath).\(key)"
            throw owner.origin.error(at: owner.mark, path, "\(path) is missing: \(fix).")
        }
        return value
    }
}
