/// Every threshold the rules use, with a documented default. A config or
/// `--threshold rule.key=value` changes one; an unknown key is refused with the list.
public struct Thresholds: Sendable, Codable, Equatable {
    /// One documented threshold.
    public struct Entry: Sendable {
        public let key: String
        public let defaultValue: Double
        public let meaning: String
    }

    /// The catalogue, in rule order: what `--help` and docs/diagnostics.md list.
    public static let catalogue: [Entry] = [
        Entry(key: "symmetry.identical_share", defaultValue: 0.5,
              meaning: "share of a hidden layer's units with identical incoming weights at the end"),
        Entry(key: "vanishing-gradient.layer_ratio", defaultValue: 1e-2,
              meaning: "RMS ∂L/∂a of the first layer over that of the last, at step 0, below which gradients vanish"),
        Entry(key: "vanishing-gradient.floor", defaultValue: 1e-8,
              meaning: "RMS ∂L/∂W of a layer below which (but above 0) it gets no usable gradient"),
        Entry(key: "exploding-gradient.layer_ratio", defaultValue: 1e2,
              meaning: "RMS ∂L/∂a of the first layer over that of the last, at step 0, above which gradients explode"),
        Entry(key: "exploding-gradient.growth", defaultValue: 1e2,
              meaning: "growth of a layer's ‖∂L/∂W‖ over its step-0 value during training"),
        Entry(key: "dead-units.share", defaultValue: 0.5,
              meaning: "share of a ReLU layer's units never active on the probe batch"),
        Entry(key: "saturation.share", defaultValue: 0.5,
              meaning: "share of a tanh/sigmoid layer's outputs in the flat tails"),
        Entry(key: "flat-loss.steps", defaultValue: 100,
              meaning: "optimizer steps a run must have taken before its loss is judged flat"),
        Entry(key: "flat-loss.epsilon", defaultValue: 0.01,
              meaning: "relative distance of the final loss from its start, or from ln(classes), that counts as no progress"),
        Entry(key: "divergence.factor", defaultValue: 10,
              meaning: "final loss over the starting loss above which the run diverged"),
        Entry(key: "update-ratio.low", defaultValue: 1e-5,
              meaning: "update:data below which a layer barely learns"),
        Entry(key: "update-ratio.high", defaultValue: 1e-1,
              meaning: "update:data above which updates overwhelm the weights"),
        Entry(key: "update-ratio.share", defaultValue: 0.5,
              meaning: "share of a layer's probes outside [low, high] for the rule to fire"),
        Entry(key: "activation-scale.collapse", defaultValue: 1e-2,
              meaning: "RMS activation of the last hidden layer over the first, at step 0, below which the signal collapses"),
        Entry(key: "activation-scale.growth", defaultValue: 1e2,
              meaning: "RMS activation of the last hidden layer over the first, at step 0, above which the signal explodes"),
        Entry(key: "activation-scale.initial_loss_factor", defaultValue: 3,
              meaning: "first batch's loss over ln(classes) above which the logits start too large"),
        // On variance: 1e-4 in variance is the 1e-2 in RMS the other rules use.
        Entry(key: "forecast.vanish", defaultValue: 1e-4,
              meaning: "forecast forward or backward variance gain through the whole network below which the signal vanishes"),
        Entry(key: "forecast.explode", defaultValue: 1e4,
              meaning: "forecast forward or backward variance gain through the whole network above which the signal explodes"),
    ]

    /// Values that differ from the defaults, by key.
    public private(set) var overrides: [String: Double]

    public init(overrides: [String: Double] = [:]) throws(ThresholdError) {
        self.overrides = [:]
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) { try set(key, value) }
    }

    public static let defaults = Thresholds(checkedOverrides: [:])

    private init(checkedOverrides: [String: Double]) { overrides = checkedOverrides }

    /// The value in force for `key` (a catalogue key; anything else is a programmer error).
    public subscript(key: String) -> Double {
        if let value = overrides[key] { return value }
        guard let entry = Self.catalogue.first(where: { $0.key == key }) else {
            preconditionFailure("no threshold '\(key)' in Thresholds.catalogue")
        }
        return entry.defaultValue
    }

    /// The threshold as it fired, for a finding.
    public func threshold(_ key: String) -> Threshold { Threshold(key: key, value: self[key]) }

    public mutating func set(_ key: String, _ value: Double) throws(ThresholdError) {
        guard Self.catalogue.contains(where: { $0.key == key }) else {
            throw .unknownKey(key: key, known: Self.catalogue.map(\.key))
        }
        guard value.isFinite, value >= 0 else { throw .badValue(key: key, value: "\(value)") }
        overrides[key] = value
    }

    /// Applies `rule.key=value` (the `--threshold` syntax).
    public mutating func apply(_ setting: String) throws(ThresholdError) {
        let parts = setting.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else { throw .malformed(setting: setting) }
        guard let value = Double(parts[1]) else { throw .badValue(key: parts[0], value: parts[1]) }
        try set(parts[0], value)
    }
}

/// A threshold setting that cannot be used.
public enum ThresholdError: Error, CustomStringConvertible, Equatable {
    case malformed(setting: String)
    case unknownKey(key: String, known: [String])
    case badValue(key: String, value: String)

    public var description: String {
        switch self {
        case let .malformed(setting):
            return "--threshold '\(setting)' is not rule.key=value. Write it like --threshold dead-units.share=0.3."
        case let .unknownKey(key, known):
            let suggestion = known.min { editDistance($0, key) < editDistance($1, key) }
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Unknown threshold '\(key)'.\(hint) Known: \(known.joined(separator: ", "))."
        case let .badValue(key, value):
            return "Threshold \(key) = '\(value)' is not a finite number ≥ 0. Give a value such as \(key)=0.5."
        }
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension Thresholds {
    // Codable as the overrides only: defaults live in the binary, metrics.json records what
    // the user changed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(checkedOverrides: try container.decode([String: Double].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(overrides)
    }
}
