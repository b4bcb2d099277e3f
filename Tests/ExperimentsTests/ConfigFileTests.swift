import Testing
import Foundation
import Datasets
import Diagnostics
import Experiments
import Network
import TestSupport

/// Config files that parse: defaults, every key, paths, and `render` back to the same config.
@Suite struct ConfigFileTests {
    static func parse(_ yaml: String, origin: String = "config.yaml") throws -> ExperimentConfig {
        try ConfigFile.parse(yaml, origin: origin, relativeTo: nil)
    }

    /// `parse(render(c)) == c`, and rendering is stable.
    static func expectRoundTrip(_ config: ExperimentConfig) throws {
        let text = ConfigFile.render(config)
        let back = try parse(text, origin: "elsewhere.yaml")
        #expect(back == config, "\(text)")
        #expect(ConfigFile.render(back) == text)
    }

    @Test func theSmallestConfigIsTheUdacityNetworkOnFashionMNIST() throws {
        let config = try Self.parse("initializers: [he_normal, \"uniform(-0.1, 0.1)\"]\n", origin: "configs/tiny-demo.yaml")
        #expect(config.name == "tiny-demo" && config.summary.isEmpty)
        #expect(config.data == .standard)
        #expect(config.hiddenSizes == [256, 128] && config.hiddenActivation == .relu && !config.batchNorm && config.dropout == 0)
        #expect(config.optimizer == .adam(learningRate: 0.001) && config.batchSize == 128 && config.epochs == 2)
        #expect(config.seeds == [0] && config.variants.isEmpty && config.biasInit == "zeros")
        #expect(config.probeEvery == 50 && config.probeBatchSize == 128)
        #expect(config.expectedFailures.isEmpty && config.thresholds == .defaults)
        // Stored by canonical name, as --inits stores them.
        #expect(config.initializers == ["he_normal", "uniform(-0.1,0.1)"])
        // The defaults are the udacity preset's network and training.
        let udacity = Presets.udacity
        #expect(config.hiddenSizes == udacity.hiddenSizes && config.hiddenActivation == udacity.hiddenActivation
                && config.optimizer == udacity.optimizer && config.batchSize == udacity.batchSize
                && config.epochs == udacity.epochs && config.seeds == udacity.seeds && config.data == udacity.data
                && config.probeEvery == udacity.probeEvery && config.probeBatchSize == udacity.probeBatchSize)
    }

    /// Every key of the format, on a momentum optimizer and blobs (the keys that apply).
    static let everyKey = """
        name: deep-tanh
        description: "Does orthogonal beat He for a tanh net at depth 10?"
        data:
          source: blobs
          train_examples: 600
          test_examples: 200
          classes: 4
          features: 5
          noise: 0.5
          validation_split: 0.25
          standardize: true
        network:
          hidden_sizes: [64, 64, 32]
          activation: leaky_relu(0.1)
          batch_norm: true
          dropout: 0.2
          bias_init: zeros
        training:
          optimizer: momentum
          learning_rate: 0.05
          momentum: 0.8
          nesterov: true
          weight_decay: 0.0001
          batch_size: 32
          epochs: 3
        seeds: [3, 1, 4]
        initializers: [zeros, orthogonal, "orthogonal(2)", kaiming_normal, "uniform(-0.1,0.1)"]
        variants:
          - name: plain
          - name: bn_deep-2
            hidden_sizes: [32, 32, 32, 32]
            activation: tanh
            batch_norm: false
            dropout: 0
        probes:
          every: 0
          batch_size: 64
        diagnostics:
          expect_failure: [zeros, he_normal]
          thresholds:
            dead-units.share: 0.3
            forecast.vanish: 1.0e-6
        """

    @Test func everyKeyIsReadIntoTheConfig() throws {
        let config = try Self.parse(Self.everyKey)
        let expected = ExperimentConfig(
            name: "deep-tanh", summary: "Does orthogonal beat He for a tanh net at depth 10?",
            data: DataSettings(source: .synthetic(SyntheticSource(kind: .blobs, trainExamples: 600, testExamples: 200, classes: 4,
                                                                  features: 5, noise: 0.5)),
                               validationSplit: 0.25, standardize: true),
            hiddenSizes: [64, 64, 32], hiddenActivation: .leakyReLU(slope: 0.1), batchNorm: true, dropout: 0.2,
            optimizer: .momentum(learningRate: 0.05, momentum: 0.8, nesterov: true, weightDecay: 0.0001),
            batchSize: 32, epochs: 3, seeds: [3, 1, 4],
            initializers: ["zeros", "orthogonal", "orthogonal(2)", "he_normal", "uniform(-0.1,0.1)"],
            variants: [NetworkVariant(name: "plain"),
                       NetworkVariant(name: "bn_deep-2", hiddenSizes: [32, 32, 32, 32], hiddenActivation: .tanh, batchNorm: false,
                                      dropout: 0)],
            biasInit: "zeros", probeEvery: 0, probeBatchSize: 64,
            expectedFailures: ["zeros", "he_normal"],
            thresholds: try Thresholds(overrides: ["dead-units.share": 0.3, "forecast.vanish": 1e-6]))
        #expect(config == expected)
        try Self.expectRoundTrip(config)
    }

    static let sources: [String] = [
        "data:\n  source: fashion-mnist\n  validation_split: 0.1\n",
        "data:\n  source: idx\n  folder: /data/mnist\n  train_limit: 5000\n",
        "data:\n  source: csv\n  train: data/train.csv\n  test: data/test.csv\n  label_column: -1\n  header: true\n",
        "data:\n  source: csv\n  train: train.csv\n  label_column: species\n  header: auto\n  validation_split: 0.2\n",
        "data:\n  source: csv\n  train: t.csv\n  test: v.csv\n  label_column: \"0\"\n  header: false\n",
        "data:\n  source: spirals\n  train_examples: 300\n  classes: 5\n  noise: 0\n",
        "data:\n  source: blobs\n",
    ]

    @Test func trainLimitIsRead() throws {
        #expect(try Self.parse(Self.sources[1] + "initializers: [he_normal]\n").data.trainLimit == 5000)
    }

    @Test(arguments: sources)
    func everyDataSourceRoundTrips(_ data: String) throws {
        try Self.expectRoundTrip(try Self.parse(data + "initializers: [he_normal]\n"))
    }

    @Test func csvLabelColumnsAreIndexesUnlessQuotedOrNamed() throws {
        func csv(_ yaml: String) throws -> CSVSource {
            let config = try Self.parse(yaml + "initializers: [he_normal]\n")
            guard case let .csv(csv) = config.data.source else { throw CancellationError() }
            return csv
        }
        #expect(try csv(Self.sources[2]) == CSVSource(train: "data/train.csv", test: "data/test.csv", labelColumn: .index(-1), header: true))
        #expect(try csv(Self.sources[3]).labelColumn == .name("species"))
        #expect(try csv(Self.sources[3]).header == nil)
        #expect(try csv(Self.sources[4]).labelColumn == .name("0"))
    }

    static let optimizers: [String] = [
        "training:\n  optimizer: sgd\n  learning_rate: 0.1\n",
        "training:\n  optimizer: momentum\n",
        "training:\n  optimizer: adam\n  beta1: 0.5\n  beta2: 0.9\n  epsilon: 1.0e-6\n  weight_decay: 0.01\n",
    ]

    @Test(arguments: optimizers)
    func everyOptimizerRoundTrips(_ training: String) throws {
        try Self.expectRoundTrip(try Self.parse(training + "initializers: [he_normal]\n"))
    }

    @Test func oddNamesAndDescriptionsRoundTrip() throws {
        var config = try Self.parse("initializers: [he_normal]\n")
        for (name, summary) in [("yes", "a: b # c"), ("null", "line one\nline \"two\"\t\\"), ("2024", "[x], {y}"),
                                ("ünïcode run", "'quoted' ✓")] {
            config.name = name
            config.summary = summary
            try Self.expectRoundTrip(config)
        }
    }

    @Test(arguments: Presets.all.map(\.name))
    func everyPresetRoundTrips(_ name: String) throws {
        try Self.expectRoundTrip(try Presets.named(name))
    }

    @Test func renderWritesACommentedCanonicalFile() throws {
        let text = ConfigFile.render(Presets.udacity)
        #expect(text.hasPrefix("# initscope experiment config"))
        for needle in ["name: udacity\n", "  source: fashion-mnist\n", "  hidden_sizes: [256, 128]\n", "  dropout: 0\n",
                       "  epsilon: 1e-08\n", "seeds: [0]\n", "initializers:\n  - zeros\n  - ones\n  - \"uniform(0,1)\"\n",
                       "  expect_failure: [zeros, ones]\n"] {
            #expect(text.contains(needle), "render lacks \(needle):\n\(text)")
        }
        // Keys that do not apply to Adam are not written.
        #expect(!text.contains("momentum") && !text.contains("nesterov"))
    }

    @Test func loadResolvesDataPathsAgainstTheConfigFolder() throws {
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("iris-run.yaml")
        let yaml = "data:\n  source: csv\n  train: data/train.csv\n  test: /abs/test.csv\ninitializers: [he_normal]\n"
        try Data(yaml.utf8).write(to: file)
        let config = try ConfigFile.load(file)
        #expect(config.name == "iris-run")
        guard case let .csv(csv) = config.data.source else { Issue.record("\(config.data)"); return }
        #expect(csv.train == folder.appendingPathComponent("data/train.csv").standardizedFileURL.path)
        #expect(csv.test == "/abs/test.csv")

        try Data("data:\n  source: idx\n  folder: ~/mnist\ninitializers: [he_normal]\n".utf8).write(to: file)
        #expect(try ConfigFile.load(file).data.source == .idx(folder: NSString(string: "~/mnist").expandingTildeInPath))
        // Without a folder to resolve against, paths stay as written.
        #expect(try Self.parse("data:\n  source: idx\n  folder: ~/mnist\ninitializers: [he_normal]\n").data.source
                == .idx(folder: "~/mnist"))
    }

    @Test func errorsFromAFileNameItsPathAsGiven() throws {
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try Data("initializers: [he_normal]\ntraining:\n  epochs: 0\n".utf8).write(to: file)
        do { _ = try ConfigFile.load(file); Issue.record("loaded") } catch {
            #expect(error.description == "\(file.path):3:11: training.epochs = 0 is invalid: use 1 or more, e.g. 2.")
        }
    }
}
