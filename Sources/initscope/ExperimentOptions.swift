import ArgumentParser
import Datasets
import Experiments
import Initializers
import Network

/// The experiment a command looks at: a preset and the overrides that change what is built,
/// shared by `run` (which adds its training flags) and `check`.
struct ExperimentOptions: ParsableArguments {
    @Option(help: "Experiment preset (see `initscope run --help` for the list).")
    var preset: String = Presets.udacity.name

    @Option(help: ArgumentHelp("MNIST-family folder to read (default: Debian's Fashion-MNIST).", valueName: "dir"))
    var data: String?

    @Option(help: "Global seed for the weights (and, for run, the data order) (default: the preset's, 0).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Initializers, comma-separated (default: the preset's).", valueName: "list"))
    var inits: String?

    @Option(help: ArgumentHelp("Hidden-layer activation: \(Activation.catalogue.map(\.pattern).joined(separator: ", ")) (default: the preset's, relu).", valueName: "name"))
    var activation: String?

    @Option(help: ArgumentHelp("Hidden-layer widths, comma-separated, input side first (default: the preset's, 256,128).", valueName: "list"))
    var hiddenSizes: String?

    /// The preset with these overrides applied.
    func makeConfig() throws(ConfigError) -> ExperimentConfig {
        var config = try Presets.named(preset)
        if let seed { config.seeds = [seed] }
        if let data { config.data.source = .idx(folder: data) }
        if let hiddenSizes { config.hiddenSizes = try HiddenSizes.parse(hiddenSizes) }
        if let activation {
            do { config.hiddenActivation = try Activation.parse(activation) } catch { throw .activation(error) }
        }
        if let inits {
            do { config.initializers = try InitializerSpec.parseList(inits).map(\.name) } catch { throw .initializer(error) }
            // The preset's expected failures that are still compared keep their mark (as run).
            config.expectedFailures = config.expectedFailures.filter(config.initializers.contains)
        }
        try config.validate()
        return config
    }

    /// The data to train or forecast on, as `config.data` says (--data sets an IDX folder):
    /// by default Debian's Fashion-MNIST, else the fixture subset with a one-line note.
    func loadData(for config: ExperimentConfig) throws(DatasetError) -> DatasetSplits {
        let (splits, note) = try config.data.load(seed: config.seed)
        if let note { Console.note(note) }
        return splits
    }
}
