import PresetFiles

/// Named experiments that ship with the tool: the YAML configs in Fixtures/configs, compiled
/// into the binary (`initscope presets` lists them, `initscope presets NAME` prints one).
/// A preset's name is its file name.
public enum Presets {
    /// The seed comparison: a deep-learning course's weight-initialization lesson on
    /// Fashion-MNIST. 784-256-128-10 ReLU MLP, biases zero, Adam 1e-3, batch 128,
    /// 2 epochs, twelve weight initializers (Fixtures/configs/udacity.yaml).
    public static let udacity: ExperimentConfig = embedded("udacity")

    /// Every preset, in the order `initscope presets` lists them.
    public static let all: [ExperimentConfig] = PresetFiles.all.map { embedded($0.name) }

    public static func named(_ name: String) throws(ConfigError) -> ExperimentConfig {
        guard let preset = all.first(where: { $0.name == name }) else {
            throw .unknownPreset(name: name, known: all.map(\.name))
        }
        return preset
    }

    /// The preset's YAML exactly as shipped: a config to copy and change.
    public static func text(named name: String) throws(ConfigError) -> String {
        guard let file = PresetFiles.all.first(where: { $0.name == name }) else {
            throw .unknownPreset(name: name, known: all.map(\.name))
        }
        return file.text
    }

    /// The embedded file `NAME.yaml`, parsed. Each one is checked by the tests, so a preset
    /// that does not parse is a programmer error.
    private static func embedded(_ name: String) -> ExperimentConfig {
        guard let file = PresetFiles.all.first(where: { $0.name == name }) else {
            preconditionFailure("no Fixtures/configs/\(name).yaml in PresetFiles.all")
        }
        do { return try ConfigFile.parse(file.text, origin: "\(name).yaml", relativeTo: nil) } catch {
            preconditionFailure("Fixtures/configs/\(name).yaml does not parse: \(error.description)")
        }
    }
}
