import Network

/// Named experiments that ship with the tool.
public enum Presets {
    /// The seed comparison: a deep-learning course's weight-initialization lesson on
    /// Fashion-MNIST. 784-256-128-10 ReLU MLP, biases zero, Adam 1e-3, batch 128,
    /// 2 epochs, twelve weight initializers.
    public static let udacity = ExperimentConfig(
        name: "udacity",
        summary: "The weight-initialization lesson: 784-256-128-10 ReLU MLP, Adam 1e-3, batch 128, 2 epochs, 12 initializers",
        hiddenSizes: [256, 128],
        hiddenActivation: .relu,
        optimizer: .adam(learningRate: 1e-3),
        batchSize: 128,
        epochs: 2,
        seeds: [0],
        initializers: [
            "zeros", "ones",
            "uniform(0,1)", "uniform(-1,1)",
            "uniform(-0.1,0.1)", "uniform(-0.01,0.01)", "uniform(-0.001,0.001)",
            "general_rule",
            "normal(0.1)", "truncated_normal(0.1)",
            "xavier_uniform", "he_normal",
        ],
        // The lesson's failures: identical units forever. Their findings must show, not fail CI.
        expectedFailures: ["zeros", "ones"])

    public static let all: [ExperimentConfig] = [udacity]

    public static func named(_ name: String) throws(ConfigError) -> ExperimentConfig {
        guard let preset = all.first(where: { $0.name == name }) else {
            throw .unknownPreset(name: name, known: all.map(\.name))
        }
        return preset
    }
}
