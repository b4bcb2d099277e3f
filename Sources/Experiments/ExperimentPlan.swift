import Initializers

/// One run an experiment will train: an initializer on one network variant with one seed.
public struct PlannedRun: Sendable, Equatable {
    /// Stable id: `he_normal#seed0`, or `he_normal@bn#seed0` with a variant.
    public let id: String
    /// Canonical initializer name (`InitializerSpec.parse(spec).name`).
    public let initializer: String
    /// The variant's name; nil for the base network.
    public let variant: String?
    /// The network as trained: the base with the variant's overrides.
    public let network: NetworkSettings
    public let seed: UInt64

    public static func id(initializer: String, variant: String?, seed: UInt64) -> String {
        initializer + (variant.map { "@" + $0 } ?? "") + "#seed\(seed)"
    }
}

/// The runs of an experiment in the order they are reported: initializers in config order,
/// then variants, then seeds, so an initializer's runs sit together.
public struct ExperimentPlan: Sendable {
    public let runs: [PlannedRun]

    public init(_ config: ExperimentConfig) throws(ConfigError) {
        var runs: [PlannedRun] = []
        let variants: [NetworkVariant?] = config.variants.isEmpty ? [nil] : config.variants
        for spec in config.initializers {
            let name: String
            do { name = try InitializerSpec.parse(spec).name } catch { throw .initializer(error) }
            for variant in variants {
                let network = variant?.applied(to: config.baseNetwork) ?? config.baseNetwork
                for seed in config.seeds {
                    runs.append(PlannedRun(id: PlannedRun.id(initializer: name, variant: variant?.name, seed: seed),
                                           initializer: name, variant: variant?.name, network: network, seed: seed))
                }
            }
        }
        self.runs = runs
    }
}
