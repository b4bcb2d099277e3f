import Testing
import Foundation
import Experiments

/// Every way a config file can be wrong gives one line that points at the file, line and key
/// path, says what is wrong and how to fix it.
@Suite struct ConfigFileErrorTests {
    /// A bad config, where its error must point, and words the message must contain.
    struct Case: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let keyPath: String
        let needles: [String]
        var testDescription: String { "\(keyPath): \(needles.first ?? "")" }

        init(_ yaml: String, line: Int, _ keyPath: String, _ needles: String...) {
            self.yaml = yaml
            self.line = line
            self.keyPath = keyPath
            self.needles = needles
        }
    }

    static let inits = "initializers: [he_normal]\n"

    /// Parses `yaml` as `config.yaml`, which must fail with `ConfigError.file`.
    static func failure(_ yaml: String) throws -> (error: ConfigError, line: Int?, keyPath: String) {
        let config: ExperimentConfig
        do { config = try ConfigFile.parse(yaml, origin: "config.yaml", relativeTo: nil) } catch {
            guard case let .file(path, line, _, keyPath, _) = error else {
                Issue.record("not a file error: \(error)")
                throw error
            }
            #expect(path == "config.yaml")
            return (error, line, keyPath)
        }
        Issue.record("parsed without error: \(config)")
        throw CancellationError()
    }

    static let unknownKeys: [Case] = [
        Case("initializers: [he_normal]\nseeed: 1\n", line: 2, "seeed", "Did you mean 'seed'?", "Known keys: name, description"),
        Case("training:\n  learning_rat: 0.1\n" + inits, line: 2, "training.learning_rat", "Did you mean 'learning_rate'?"),
        Case("data:\n  sorce: csv\n" + inits, line: 2, "data.sorce", "Did you mean 'source'?"),
        Case("network:\n  batchnorm: true\n" + inits, line: 2, "network.batchnorm", "Did you mean 'batch_norm'?"),
        Case("probes:\n  evry: 10\n" + inits, line: 2, "probes.evry", "Did you mean 'every'?"),
        Case("diagnostics:\n  expect_failures: [zeros]\n" + inits, line: 2, "diagnostics.expect_failures",
             "Did you mean 'expect_failure'?"),
        Case(inits + "learning_rate: 0.1\n", line: 2, "learning_rate", "belongs under training:"),
        Case("network:\n  epochs: 3\n" + inits, line: 2, "network.epochs", "It belongs under training:."),
        Case(inits + "variants:\n  - name: deep\n    bias_init: zeros\n", line: 4, "variants[0].bias_init",
             "variants[0].bias_init is not a known key", "hidden_sizes, activation, batch_norm, dropout"),
    ]

    @Test(arguments: unknownKeys)
    func unknownKeysAreRefusedWithTheNearestKnownOne(_ c: Case) throws {
        try check(c)
    }

    static let wrongTypes: [Case] = [
        Case("training:\n  epochs: two\n" + inits, line: 2, "training.epochs", "training.epochs = two is not a whole number", "epochs: 2"),
        Case("training:\n  epochs: 2.5\n" + inits, line: 2, "training.epochs", "not a whole number"),
        Case("training: adam\n" + inits, line: 1, "training", "training = adam is not a mapping"),
        Case("network:\n  hidden_sizes: 256\n" + inits, line: 2, "network.hidden_sizes", "not a list", "[256, 128]"),
        Case("network:\n  hidden_sizes: [256, big]\n" + inits, line: 2, "network.hidden_sizes[1]", "not a whole number"),
        Case("network:\n  batch_norm: yes\n" + inits, line: 2, "network.batch_norm", "not true or false"),
        Case("network:\n  batch_norm: \"true\"\n" + inits, line: 2, "network.batch_norm", "not true or false"),
        Case("training:\n  learning_rate: fast\n" + inits, line: 2, "training.learning_rate", "is not a number"),
        Case("initializers: he_normal\n", line: 1, "initializers", "not a list"),
        Case("initializers: [[he_normal]]\n", line: 1, "initializers[0]", "not text"),
        Case("name:\n" + inits, line: 1, "name", "not text"),
        Case("seed: first\n" + inits, line: 1, "seed", "not a whole number ≥ 0"),
        Case("diagnostics:\n  thresholds: [dead-units.share]\n" + inits, line: 2, "diagnostics.thresholds", "not a mapping"),
        Case("diagnostics:\n  thresholds:\n    dead-units.share: most\n" + inits, line: 3,
             "diagnostics.thresholds.dead-units.share", "not a number"),
        Case("data:\n  source: csv\n  train: a.csv\n  test: b.csv\n  header: maybe\n" + inits, line: 5, "data.header",
             "not true, false or auto"),
    ]

    @Test(arguments: wrongTypes)
    func wrongTypesNameTheExpectedType(_ c: Case) throws {
        try check(c)
    }

    static let badValues: [Case] = [
        Case("training:\n  learning_rate: 0\n" + inits, line: 2, "training.learning_rate", "use a positive number"),
        Case("training:\n  learning_rate: nan\n" + inits, line: 2, "training.learning_rate", "is invalid"),
        Case("training:\n  epochs: 0\n" + inits, line: 2, "training.epochs", "training.epochs = 0 is invalid: use 1 or more"),
        Case("training:\n  batch_size: -8\n" + inits, line: 2, "training.batch_size", "use 1 or more"),
        Case("training:\n  optimizer: momentum\n  momentum: 1\n" + inits, line: 3, "training.momentum", "[0, 1)"),
        Case("training:\n  beta1: 1.5\n" + inits, line: 2, "training.beta1", "[0, 1)"),
        Case("training:\n  beta2: -0.1\n" + inits, line: 2, "training.beta2", "[0, 1)"),
        Case("training:\n  epsilon: 0\n" + inits, line: 2, "training.epsilon", "small positive number"),
        Case("training:\n  weight_decay: -1\n" + inits, line: 2, "training.weight_decay", "0 (off) or a positive number"),
        Case("network:\n  hidden_sizes: [256, 0]\n" + inits, line: 2, "network.hidden_sizes[1]", "every width must be 1 or more"),
        Case("network:\n  dropout: 1\n" + inits, line: 2, "network.dropout", "[0, 1)"),
        Case("network:\n  dropout: -0.1\n" + inits, line: 2, "network.dropout", "[0, 1)"),
        Case("network:\n  bias_init: ones\n" + inits, line: 2, "network.bias_init", "zeros or constant(c)"),
        Case("probes:\n  every: -1\n" + inits, line: 2, "probes.every", "0 (probes off)"),
        Case("probes:\n  batch_size: 0\n" + inits, line: 2, "probes.batch_size", "use 1 or more"),
        Case("data:\n  validation_split: 1\n" + inits, line: 2, "data.validation_split", "[0, 1)"),
        Case("data:\n  source: spirals\n  train_examples: 0\n" + inits, line: 3, "data.train_examples", "use 1 or more"),
        Case("data:\n  source: spirals\n  test_examples: -5\n" + inits, line: 3, "data.test_examples", "use 1 or more"),
        Case("data:\n  source: spirals\n  classes: 1\n" + inits, line: 3, "data.classes", "use 2 or more"),
        Case("data:\n  source: blobs\n  features: 0\n" + inits, line: 3, "data.features", "use 1 or more"),
        Case("data:\n  source: blobs\n  noise: -0.2\n" + inits, line: 3, "data.noise", "0 or a positive number"),
        Case("seeds: [-1]\n" + inits, line: 1, "seeds[0]", "not a whole number ≥ 0"),
        Case("seeds: []\n" + inits, line: 1, "seeds", "at least one seed"),
        Case("seeds: [1, 2, 1]\n" + inits, line: 1, "seeds[2]", "repeats an earlier seed"),
        Case("initializers: []\n", line: 1, "initializers", "name at least one"),
        Case("name: \"  \"\n" + inits, line: 1, "name", "one line of text"),
        Case("diagnostics:\n  thresholds:\n    dead-units.share: -1\n" + inits, line: 3,
             "diagnostics.thresholds.dead-units.share", "finite number ≥ 0"),
        Case("diagnostics:\n  thresholds:\n    dead-units.shar: 0.3\n" + inits, line: 3,
             "diagnostics.thresholds.dead-units.shar", "Did you mean 'dead-units.share'?"),
    ]

    @Test(arguments: badValues)
    func outOfRangeValuesSayWhatIsAllowed(_ c: Case) throws {
        try check(c)
    }

    static let badNames: [Case] = [
        Case("initializers: [zeros, he_norml]\n", line: 1, "initializers[1]", "Unknown initializer 'he_norml'",
             "Did you mean 'he_normal'?", "xavier_uniform"),
        Case("initializers:\n  - zeros\n  - \"unifrom(-1,1)\"\n", line: 3, "initializers[1]", "Did you mean 'uniform'?"),
        Case("initializers: [\"uniform(1,-1)\"]\n", line: 1, "initializers[0]", "needs a < b"),
        Case("initializers: [he_normal, kaiming_normal]\n", line: 1, "initializers[1]", "repeats initializers[0]", "he_normal"),
        Case("network:\n  activation: tahn\n" + inits, line: 2, "network.activation", "Unknown activation 'tahn'",
             "Did you mean 'tanh'?", "leaky_relu(s)"),
        Case("network:\n  activation: \"relu(2)\"\n" + inits, line: 2, "network.activation", "takes no arguments"),
        Case("training:\n  optimizer: adamw\n" + inits, line: 2, "training.optimizer", "not one of adam, sgd, momentum",
             "Did you mean 'adam'?"),
        Case("data:\n  source: mnist\n" + inits, line: 2, "data.source", "not one of fashion-mnist, idx, csv, spirals, blobs"),
        Case("diagnostics:\n  expect_failure: [zeros]\n" + inits, line: 2, "diagnostics.expect_failure[0]",
             "not among this config's initializers", "he_normal"),
    ]

    @Test(arguments: badNames)
    func unknownNamesListTheValidOnes(_ c: Case) throws {
        try check(c)
    }

    static let structure: [Case] = [
        Case("training:\n  epochs: [1, 2\n" + inits, line: 3, "", "YAML syntax error"),
        Case("training:\n\tepochs: 2\n" + inits, line: 2, "", "YAML syntax error", "spaces, not tabs"),
        Case("variants:\n  - &plain {name: plain}\n  - *plain\n" + inits, line: 3, "",
             "YAML aliases such as *plain are not supported", "Write the value out"),
        Case(inits + "network: {hidden_sizes: *sizes}\n", line: 2, "", "*sizes"),
        Case("training:\n  epochs: 2\n  epochs: 3\n" + inits, line: 2, "epochs", "'epochs' appears more than once"),
        Case("seed: 0\nseeds: [1, 2]\n" + inits, line: 2, "seeds", "seed and seeds are both given"),
        Case(inits + "variants:\n  - name: bn\n  - name: bn\n    batch_norm: true\n", line: 4, "variants[1].name",
             "repeats variants[0].name"),
        Case(inits + "variants:\n  - name: with bn\n", line: 3, "variants[0].name", "letters, digits, - and _"),
        Case(inits + "variants:\n  - batch_norm: true\n", line: 3, "variants[0].name", "is missing"),
        Case("seed: 0\n", line: 1, "initializers", "initializers is missing"),
        Case("- he_normal\n", line: 1, "", "is not a mapping"),
        Case("training:\n  optimizer: adam\n  momentum: 0.9\n" + inits, line: 3, "training.momentum",
             "does not apply to optimizer: adam", "set optimizer: momentum"),
        Case("training:\n  optimizer: sgd\n  beta1: 0.9\n" + inits, line: 3, "training.beta1", "does not apply to optimizer: sgd"),
        Case("training:\n  nesterov: true\n" + inits, line: 2, "training.nesterov", "does not apply to optimizer: adam"),
        Case("data:\n  source: csv\n  train: a.csv\n  test: b.csv\n  folder: mnist\n" + inits, line: 5, "data.folder",
             "does not apply to source: csv", "source: idx"),
        Case("data:\n  folder: ~/mnist\n" + inits, line: 2, "data.folder", "does not apply to source: fashion-mnist"),
        Case("data:\n  source: spirals\n  features: 3\n" + inits, line: 3, "data.features", "does not apply to source: spirals",
             "source: blobs"),
        Case("data:\n  source: idx\n" + inits, line: 2, "data.folder", "data.folder is missing"),
        Case("data:\n  source: spirals\n  train_limit: 100\n" + inits, line: 3, "data.train_limit", "Set train_examples instead"),
        Case("data:\n  train_limit: 0\n" + inits, line: 2, "data.train_limit", "use 1 or more"),
        Case("data:\n  source: csv\n  test: b.csv\n  validation_split: 0.1\n" + inits, line: 2, "data.train", "is missing"),
        Case("data:\n  source: csv\n  train: a.csv\n" + inits, line: 3, "data.train", "add test: FILE or validation_split: 0.1"),
    ]

    @Test(arguments: structure)
    func structuralMistakesPointAtTheirLine(_ c: Case) throws {
        try check(c)
    }

    func check(_ c: Case) throws {
        let (error, line, keyPath) = try Self.failure(c.yaml)
        let message = error.description
        #expect(line == c.line, "\(message)")
        #expect(keyPath == c.keyPath, "\(message)")
        #expect(message.hasPrefix("config.yaml:\(c.line):"), "\(message)")
        #expect(c.keyPath.isEmpty || message.contains(c.keyPath), "\(message)")
        #expect(!message.contains("\n"), "one line: \(message)")
        for needle in c.needles { #expect(message.contains(needle), "\(message) lacks \(needle)") }
    }

    @Test func theDocumentedExampleLineIsExact() throws {
        let yaml = "name: demo\ninitializers: [he_normal]\ntraining:\n  learning_rate: -1\n"
        let (error, _, _) = try Self.failure(yaml)
        #expect(error.description == "config.yaml:4:18: training.learning_rate = -1 is invalid: use a positive number such as 0.001.")
    }

    @Test func anEmptyFileSaysWhatAConfigNeeds() throws {
        for yaml in ["", "# only a comment\n"] {
            let (error, line, _) = try Self.failure(yaml)
            #expect(line == nil)
            #expect(error.description.hasPrefix("config.yaml: the file is empty") && error.description.contains("initializers"))
        }
    }

    /// `ExperimentConfig.validate()` runs after parsing; what it refuses points at the key's line.
    @Test func validateRunsAfterParsingAndPointsAtTheKey() throws {
        let yaml = Self.inits + "network:\n  bias_init: constant(0.01)\n"
        let outcome = Result { () throws(ConfigError) in try ConfigFile.parse(yaml, origin: "config.yaml", relativeTo: nil) }
        switch outcome {
        case let .success(config):
            #expect(config.biasInit == "constant(0.01)")  // once validate() accepts constant biases
        case let .failure(error):
            #expect(error.description.hasPrefix("config.yaml:3:14: network.bias_init = constant(0.01) is invalid"), "\(error)")
        }
    }

    @Test func aMissingFileNamesItAndHowToStartOne() throws {
        let url = URL(fileURLWithPath: "/nonexistent/my.yaml")
        #expect(throws: ConfigError.self) { try ConfigFile.load(url) }
        do { _ = try ConfigFile.load(url) } catch {
            #expect(error.description.hasPrefix("/nonexistent/my.yaml: cannot read") && error.description.contains("initscope presets"))
        }
    }
}
