import Foundation
import Tensor
import Network
import Initializers
import Datasets
import Diagnostics

/// One experiment: the network, how to train it, and which initializers to compare.
/// The input width and the number of classes come from the data.
public struct ExperimentConfig: Sendable, Codable, Equatable {
    /// Preset name, or "custom".
    public var name: String
    public var summary: String
    /// What to train and evaluate on.
    public var data: DataSettings
    /// Widths of the hidden layers, e.g. [256, 128] for 784-256-128-10.
    public var hiddenSizes: [Int]
    public var hiddenActivation: Activation
    /// BatchNorm after each hidden dense layer, before the activation.
    public var batchNorm: Bool
    /// Dropout probability on hidden activations while training; 0 = off.
    public var dropout: Double
    public var optimizer: OptimizerSettings
    public var batchSize: Int
    public var epochs: Int
    /// Global seeds, one repeat each: weights of each initializer and the data order derive
    /// from the seed, so `[0, 1, 2]` trains every initializer three times.
    public var seeds: [UInt64]
    /// Initializer specs (see `InitializerSpec`), compared in this order.
    public var initializers: [String]
    /// Named changes to the network (e.g. with and without BatchNorm); empty = the base only.
    public var variants: [NetworkVariant]
    /// How biases start: `zeros` or `constant(c)`.
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

    public init(name: String, summary: String, data: DataSettings = .standard, hiddenSizes: [Int],
                hiddenActivation: Activation, batchNorm: Bool = false, dropout: Double = 0,
                optimizer: OptimizerSettings, batchSize: Int, epochs: Int, seeds: [UInt64],
                initializers: [String], variants: [NetworkVariant] = [], biasInit: String = "zeros",
                probeEvery: Int = 50, probeBatchSize: Int = 128,
                expectedFailures: [String] = [], thresholds: Thresholds = .defaults) {
        self.name = name
        self.summary = summary
        self.data = data
        self.hiddenSizes = hiddenSizes
        self.hiddenActivation = hiddenActivation
        self.batchNorm = batchNorm
        self.dropout = dropout
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.epochs = epochs
        self.seeds = seeds
        self.initializers = initializers
        self.variants = variants
        self.biasInit = biasInit
        self.probeEvery = probeEvery
        self.probeBatchSize = probeBatchSize
        self.expectedFailures = expectedFailures
        self.thresholds = thresholds
    }

    /// The first seed: the one a single-seed config runs with.
    public var seed: UInt64 { seeds.first ?? 0 }

    /// The network without any variant's overrides.
    public var baseNetwork: NetworkSettings {
        NetworkSettings(hiddenSizes: hiddenSizes, hiddenActivation: hiddenActivation, batchNorm: batchNorm,
                        dropout: dropout, biasInit: biasInit)
    }

    /// Whether the run of `initializer` (its canonical name) is expected to fail.
    public func expectsFailure(_ initializer: String) -> Bool { expectedFailures.contains(initializer) }

    /// Layer widths for data with `inputs` features and `classes` classes.
    public func layerSizes(inputs: Int, classes: Int) -> [Int] {
        [inputs] + hiddenSizes + [classes]
    }

    /// Checks every value; the error names the key, the bad value and the fix.
    public func validate() throws(ConfigError) {
        guard epochs >= 1 else { throw .invalid(key: "training.epochs", value: "\(epochs)", fix: "use 1 or more") }
        guard batchSize >= 1 else { throw .invalid(key: "training.batch_size", value: "\(batchSize)", fix: "use 1 or more") }
        guard !hiddenSizes.contains(where: { $0 < 1 }) else {
            throw .invalid(key: "network.hidden_sizes", value: "\(hiddenSizes)", fix: "every width must be 1 or more")
        }
        guard optimizer.learningRate > 0, optimizer.learningRate.isFinite else {
            throw .invalid(key: "training.learning_rate", value: "\(optimizer.learningRate)", fix: "use a positive number such as 0.001")
        }
        guard !initializers.isEmpty else {
            throw .invalid(key: "initializers", value: "[]", fix: "name at least one, e.g. --inits he_normal")
        }
        guard probeEvery >= 0 else {
            throw .invalid(key: "probes.every", value: "\(probeEvery)", fix: "use 0 (off) or a positive step count")
        }
        guard probeBatchSize >= 1 else {
            throw .invalid(key: "probes.batch_size", value: "\(probeBatchSize)", fix: "use 1 or more")
        }
        do { _ = try BiasInitializer.parse(biasInit) } catch {
            throw .invalid(key: "network.bias_init", value: biasInit, fix: "use zeros or constant(c), e.g. constant(0.01)")
        }
        guard !seeds.isEmpty else { throw .invalid(key: "seeds", value: "[]", fix: "give at least one seed, e.g. [0]") }
        guard Set(seeds).count == seeds.count else {
            throw .invalid(key: "seeds", value: "\(seeds)", fix: "each seed may appear once")
        }
        guard dropout >= 0, dropout < 1 else {
            throw .invalid(key: "network.dropout", value: "\(dropout)", fix: "use a probability in [0, 1), e.g. 0.2; 0 turns dropout off")
        }
        try optimizer.check()
        var variantNames = Set<String>()
        for variant in variants {
            let key = "variants.\(variant.name)"
            guard !variant.name.isEmpty, variant.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw .invalid(key: "variants.name", value: "'\(variant.name)'", fix: "use letters, digits, - and _ only, e.g. bn or depth-8")
            }
            guard variantNames.insert(variant.name).inserted else {
                throw .invalid(key: "variants.name", value: variant.name, fix: "each variant name may appear once")
            }
            if let sizes = variant.hiddenSizes, sizes.contains(where: { $0 < 1 }) {
                throw .invalid(key: key + ".hidden_sizes", value: "\(sizes)", fix: "every width must be 1 or more")
            }
            if let p = variant.dropout, !(p >= 0 && p < 1) {
                throw .invalid(key: key + ".dropout", value: "\(p)", fix: "use a probability in [0, 1)")
            }
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
    /// FNV-1a of the config's canonical JSON (sorted keys): two results with the same
    /// fingerprint ran the same experiment (same data settings, network, training, seeds,
    /// initializers, variants, probes and thresholds).
    public var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var hash = FNV1a()
        hash.add(bytes: (try? encoder.encode(self)) ?? Data())
        return hash.hex
    }

    private enum CodingKeys: String, CodingKey {
        case name, summary, data, hiddenSizes, hiddenActivation, batchNorm, dropout, optimizer, batchSize, epochs
        case seeds, initializers, variants, biasInit, probeEvery, probeBatchSize, expectedFailures, thresholds
        case seed  // files written before `seeds`
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(summary, forKey: .summary); try c.encode(data, forKey: .data)
        try c.encode(hiddenSizes, forKey: .hiddenSizes); try c.encode(hiddenActivation, forKey: .hiddenActivation)
        try c.encode(batchNorm, forKey: .batchNorm); try c.encode(dropout, forKey: .dropout)
        try c.encode(optimizer, forKey: .optimizer); try c.encode(batchSize, forKey: .batchSize)
        try c.encode(epochs, forKey: .epochs); try c.encode(seeds, forKey: .seeds)
        try c.encode(initializers, forKey: .initializers); try c.encode(variants, forKey: .variants)
        try c.encode(biasInit, forKey: .biasInit); try c.encode(probeEvery, forKey: .probeEvery)
        try c.encode(probeBatchSize, forKey: .probeBatchSize); try c.encode(expectedFailures, forKey: .expectedFailures)
        try c.encode(thresholds, forKey: .thresholds)
    }

    /// Files written before data settings, BatchNorm, dropout, seeds, variants,
    /// `expectedFailures` and `thresholds` existed still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let seeds = try c.decodeIfPresent([UInt64].self, forKey: .seeds) ?? [try c.decode(UInt64.self, forKey: .seed)]
        self.init(name: try c.decode(String.self, forKey: .name), summary: try c.decode(String.self, forKey: .summary),
                  data: try c.decodeIfPresent(DataSettings.self, forKey: .data) ?? .standard,
                  hiddenSizes: try c.decode([Int].self, forKey: .hiddenSizes),
                  hiddenActivation: try c.decode(Activation.self, forKey: .hiddenActivation),
                  batchNorm: try c.decodeIfPresent(Bool.self, forKey: .batchNorm) ?? false,
                  dropout: try c.decodeIfPresent(Double.self, forKey: .dropout) ?? 0,
                  optimizer: try c.decode(OptimizerSettings.self, forKey: .optimizer),
                  batchSize: try c.decode(Int.self, forKey: .batchSize), epochs: try c.decode(Int.self, forKey: .epochs),
                  seeds: seeds, initializers: try c.decode([String].self, forKey: .initializers),
                  variants: try c.decodeIfPresent([NetworkVariant].self, forKey: .variants) ?? [],
                  biasInit: try c.decode(String.self, forKey: .biasInit), probeEvery: try c.decode(Int.self, forKey: .probeEvery),
                  probeBatchSize: try c.decode(Int.self, forKey: .probeBatchSize),
                  expectedFailures: try c.decodeIfPresent([String].self, forKey: .expectedFailures) ?? [],
                  thresholds: try c.decodeIfPresent(Thresholds.self, forKey: .thresholds) ?? .defaults)
    }
}

extension OptimizerSettings {
    /// Checks the optimizer's values; the error names the config key and the fix.
    func check() throws(ConfigError) {
        guard weightDecay >= 0, weightDecay.isFinite else {
            throw .invalid(key: "training.weight_decay", value: "\(weightDecay)", fix: "use 0 (off) or a small positive number such as 1e-4")
        }
        switch kind {
        case .adam:
            guard beta1 >= 0, beta1 < 1 else { throw .invalid(key: "training.beta1", value: "\(beta1)", fix: "use a value in [0, 1), e.g. 0.9") }
            guard beta2 >= 0, beta2 < 1 else { throw .invalid(key: "training.beta2", value: "\(beta2)", fix: "use a value in [0, 1), e.g. 0.999") }
            guard epsilon > 0, epsilon.isFinite else {
                throw .invalid(key: "training.epsilon", value: "\(epsilon)", fix: "use a small positive number such as 1e-8")
            }
        case .momentum:
            guard momentum >= 0, momentum < 1 else {
                throw .invalid(key: "training.momentum", value: "\(momentum)", fix: "use a value in [0, 1), e.g. 0.9")
            }
        case .sgd:
            break
        }
    }
}

/// A configuration value that cannot run.
public enum ConfigError: Error, CustomStringConvertible, Equatable {
    case invalid(key: String, value: String, fix: String)
    case unknownPreset(name: String, known: [String])
    case initializer(InitializerError)
    case activation(ActivationError)
    case threshold(ThresholdError)
    /// A YAML config file that cannot run: where (line and column from 1, when known), the key
    /// path (`training.learning_rate`, `variants[1].name`; empty for the whole file) and a message
    /// that names the key, the value and the fix.
    case file(path: String, line: Int?, column: Int?, keyPath: String, message: String)

    public var description: String {
        switch self {
        case let .file(path, line, column, _, message):
            let location = [path, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
            return "\(location): \(message)"
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
