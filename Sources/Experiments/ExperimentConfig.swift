import Network
import Initializers
import Diagnostics

/// One experiment: the network, how to train it, and which initializers to compare.
/// The input width and the number of classes come from the data.
public struct ExperimentConfig: Sendable, Codable, Equatable {
    /// Preset name, or "custom".
    public var name: String
    public var summary: String
    /// Widths of the hidden layers, e.g. [256, 128] for 784-256-128-10.
    public var hiddenSizes: [Int]
    public var hiddenActivation: Activation
    public var optimizer: OptimizerSettings
    public var batchSize: Int
    public var epochs: Int
    /// Global seed: weights of each initializer and the data order derive from it.
    public var seed: UInt64
    /// Initializer specs (see `InitializerSpec`), compared in this order.
    public var initializers: [String]
    /// How biases start. Only zeros for now, as in the seed comparison.
    public var biasInit: String
    /// Probe every this many optimizer steps (plus step 0 and the last); 0 turns probes off.
    public var probeEvery: Int
    /// Held-out examples (the first of the test split) every probe measures on.
    public var probeBatchSize: Int
    /// Initializers (by name) expected to fail, `expect: failure`: their findings are shown
    /// but never fail CI, so a report per commit stays green while they fail as they should.
    /// Names of initializers not compared are ignored (a preset narrowed with --inits).
    public var expectedFailures: [String]
    /// Diagnostics thresholds that differ from the documented defaults.
    public var thresholds: Thresholds

    public init(name: String, summary: String, hiddenSizes: [Int], hiddenActivation: Activation,
                optimizer: OptimizerSettings, batchSize: Int, epochs: Int, seed: UInt64,
                initializers: [String], biasInit: String = "zeros", probeEvery: Int = 50, probeBatchSize: Int = 128,
                expectedFailures: [String] = [], thresholds: Thresholds = .defaults) {
        self.name = name
        self.summary = summary
        self.hiddenSizes = hiddenSizes
        self.hiddenActivation = hiddenActivation
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.epochs = epochs
        self.seed = seed
        self.initializers = initializers
        self.biasInit = biasInit
        self.probeEvery = probeEvery
        self.probeBatchSize = probeBatchSize
        self.expectedFailures = expectedFailures
        self.thresholds = thresholds
    }

    /// Whether the run of `initializer` (its canonical name) is expected to fail.
    public func expectsFailure(_ initializer: String) -> Bool { expectedFailures.contains(initializer) }

    /// Layer widths for data with `inputs` features and `classes` classes.
    public func layerSizes(inputs: Int, classes: Int) -> [Int] {
        [inputs] + hiddenSizes + [classes]
    }

    /// Checks every value; the error names the key, the bad value and the fix.
    public func validate() throws(ConfigError) {
        guard epochs >= 1 else { throw .invalid(key: "epochs", value: "\(epochs)", fix: "use 1 or more") }
        guard batchSize >= 1 else { throw .invalid(key: "batch_size", value: "\(batchSize)", fix: "use 1 or more") }
        guard !hiddenSizes.contains(where: { $0 < 1 }) else {
            throw .invalid(key: "hidden_sizes", value: "\(hiddenSizes)", fix: "every width must be 1 or more")
        }
        guard optimizer.learningRate > 0, optimizer.learningRate.isFinite else {
            throw .invalid(key: "learning_rate", value: "\(optimizer.learningRate)", fix: "use a positive number such as 0.001")
        }
        guard !initializers.isEmpty else {
            throw .invalid(key: "initializers", value: "[]", fix: "name at least one, e.g. --inits he_normal")
        }
        guard probeEvery >= 0 else {
            throw .invalid(key: "probe_every", value: "\(probeEvery)", fix: "use 0 (off) or a positive step count")
        }
        guard probeBatchSize >= 1 else {
            throw .invalid(key: "probe_batch_size", value: "\(probeBatchSize)", fix: "use 1 or more")
        }
        guard biasInit == "zeros" else {
            throw .invalid(key: "bias_init", value: biasInit, fix: "only zeros is supported")
        }
        var seen = Set<String>()
        for spec in initializers {
            let scheme: any Initializer
            do { scheme = try InitializerSpec.parse(spec) } catch { throw .initializer(error) }
            guard seen.insert(scheme.name).inserted else {
                throw .invalid(key: "initializers", value: spec, fix: "each initializer may appear once")
            }
        }
    }
}

extension ExperimentConfig {
    private enum CodingKeys: String, CodingKey {
        case name, summary, hiddenSizes, hiddenActivation, optimizer, batchSize, epochs, seed, initializers
        case biasInit, probeEvery, probeBatchSize, expectedFailures, thresholds
    }

    /// Files written before `expectedFailures` and `thresholds` existed still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), summary: try c.decode(String.self, forKey: .summary),
                  hiddenSizes: try c.decode([Int].self, forKey: .hiddenSizes),
                  hiddenActivation: try c.decode(Activation.self, forKey: .hiddenActivation),
                  optimizer: try c.decode(OptimizerSettings.self, forKey: .optimizer),
                  batchSize: try c.decode(Int.self, forKey: .batchSize), epochs: try c.decode(Int.self, forKey: .epochs),
                  seed: try c.decode(UInt64.self, forKey: .seed), initializers: try c.decode([String].self, forKey: .initializers),
                  biasInit: try c.decode(String.self, forKey: .biasInit), probeEvery: try c.decode(Int.self, forKey: .probeEvery),
                  probeBatchSize: try c.decode(Int.self, forKey: .probeBatchSize),
                  expectedFailures: try c.decodeIfPresent([String].self, forKey: .expectedFailures) ?? [],
                  thresholds: try c.decodeIfPresent(Thresholds.self, forKey: .thresholds) ?? .defaults)
    }
}

/// A configuration value that cannot run.
public enum ConfigError: Error, CustomStringConvertible, Equatable {
    case invalid(key: String, value: String, fix: String)
    case unknownPreset(name: String, known: [String])
    case initializer(InitializerError)
    case activation(ActivationError)
    case threshold(ThresholdError)

    public var description: String {
        switch self {
        case let .invalid(key, value, fix):
            return "Config value \(key) = \(value) is invalid: \(fix)."
        case let .unknownPreset(name, known):
            return "Unknown preset '\(name)'. Use one of: \(known.joined(separator: ", "))."
        case let .initializer(error):
            return error.description
        case let .activation(error):
            return error.description
        case let .threshold(error):
            return error.description
        }
    }
}
