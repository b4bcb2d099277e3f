import ArgumentParser
import Foundation
import Datasets
import Experiments
import Initializers
import Network

/// The experiment a command looks at: a config file or a preset, and the flags that override
/// its values, shared by `run` (which adds its training flags) and `check`.
struct ExperimentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A YAML experiment config (start one with `initscope presets udacity > my.yaml`); without it, --preset.",
                                 valueName: "config.yaml"))
    var configFile: String?

    @Option(help: "Built-in experiment preset when no config file is given (default: udacity; `initscope presets` lists them).")
    var preset: String?

    @Option(help: ArgumentHelp("MNIST-family folder to read (default: the config's data, else Debian's Fashion-MNIST).", valueName: "dir"))
    var data: String?

    @Option(help: "One global seed for the weights (and, for run, the data order) (default: the config's, 0).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Seeds to repeat every run with, comma-separated, e.g. 0,1,2 (default: the config's).", valueName: "list"))
    var seeds: String?

    @Option(help: ArgumentHelp("Initializers, comma-separated (default: the config's).", valueName: "list"))
    var inits: String?

    @Option(help: ArgumentHelp("Hidden-layer activation: \(Activation.catalogue.map(\.pattern).joined(separator: ", ")) (default: the config's, relu).", valueName: "name"))
    var activation: String?

    @Option(help: ArgumentHelp("Hidden-layer widths, comma-separated, input side first (default: the config's, 256,128).", valueName: "list"))
    var hiddenSizes: String?

    @Option(help: ArgumentHelp("BatchNorm after every hidden dense layer: on or off (default: the config's, off).", valueName: "on|off"))
    var batchNorm: String?

    @Option(help: ArgumentHelp("Bias initializer: zeros or constant(c) (default: the config's, zeros).", valueName: "spec"))
    var biasInit: String?

    /// The config file or preset with these overrides applied.
    func makeConfig() throws(ConfigError) -> ExperimentConfig {
        var config: ExperimentConfig
        if let configFile {
            guard preset == nil else {
                throw .invalid(key: "--preset", value: preset ?? "", fix: "give either a config file or --preset, not both")
            }
            config = try ConfigFile.load(URL(fileURLWithPath: NSString(string: configFile).expandingTildeInPath))
        } else {
            config = try Presets.named(preset ?? Presets.udacity.name)
        }
        if seed != nil, seeds != nil {
            throw .invalid(key: "--seed", value: "\(seed ?? 0)", fix: "give either --seed or --seeds, not both")
        }
        if let seed { config.seeds = [seed] }
        if let seeds { config.seeds = try Self.parseSeeds(seeds) }
        if let data {  // absolute, so the config.yaml written next to the report reruns from anywhere
            config.data.source = .idx(folder: URL(fileURLWithPath: NSString(string: data).expandingTildeInPath).standardizedFileURL.path)
        }
        if let hiddenSizes { config.hiddenSizes = try HiddenSizes.parse(hiddenSizes) }
        if let activation {
            do { config.hiddenActivation = try Activation.parse(activation) } catch { throw .activation(error) }
        }
        if let batchNorm {
            switch batchNorm.lowercased() {
            case "on", "true", "yes": config.batchNorm = true
            case "off", "false", "no": config.batchNorm = false
            default: throw .invalid(key: "--batch-norm", value: batchNorm, fix: "use on or off")
            }
        }
        if let biasInit { config.biasInit = biasInit }
        if let inits {
            do { config.initializers = try InitializerSpec.parseList(inits).map(\.name) } catch { throw .initializer(error) }
            // The config's expected failures that are still compared keep their mark (as run).
            config.expectedFailures = config.expectedFailures.filter(config.initializers.contains)
        }
        try config.validate()
        return config
    }

    /// `0,1,2` → [0, 1, 2].
    static func parseSeeds(_ text: String) throws(ConfigError) -> [UInt64] {
        var seeds: [UInt64] = []
        for part in text.filter({ !$0.isWhitespace }).split(separator: ",", omittingEmptySubsequences: false) {
            guard let seed = UInt64(part) else {
                throw .invalid(key: "--seeds", value: "'\(text)'", fix: "give whole numbers ≥ 0 separated by commas, e.g. --seeds 0,1,2")
            }
            seeds.append(seed)
        }
        return seeds
    }

    /// The data to train or forecast on, as `config.data` says (--data sets an IDX folder):
    /// by default Debian's Fashion-MNIST, else the fixture subset with a one-line note.
    /// `whileTrainingSplitLoads`: see `DataSettings.load`.
    func loadData(for config: ExperimentConfig,
                  whileTrainingSplitLoads: TestSplitWork? = nil) throws(DatasetError) -> DatasetSplits {
        let (splits, note) = try config.data.load(seed: config.seed, whileTrainingSplitLoads: whileTrainingSplitLoads)
        if let note { Console.note(note) }
        return splits
    }
}
