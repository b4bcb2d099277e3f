import Foundation
import Datasets
import Diagnostics
import Initializers
import Network

/// Builds an `ExperimentConfig` from a config file's YAML tree, section by section, refusing
/// anything it does not understand. Values a file leaves out are the udacity preset's.
struct ConfigReader {
    let origin: ConfigOrigin
    /// The config file's folder, against which relative data paths resolve (nil: keep as written).
    let relativeTo: URL?

    /// The defaults of every key a file may leave out: the udacity preset's network and
    /// training on Fashion-MNIST, seed 0, probes every 50 steps on 128 examples.
    enum Defaults {
        static let hiddenSizes = [256, 128]
        static let activation = Activation.relu
        static let learningRate = 0.001
        static let batchSize = 128
        static let epochs = 2
        static let seeds: [UInt64] = [0]
        static let probeEvery = 50
        static let probeBatchSize = 128
    }

    func config(_ root: ConfigNode) throws(ConfigError) -> ExperimentConfig {
        let top = try root.mapping(known: ConfigKeys.topLevel, example: "initializers: [zeros, he_normal]")
        let name = try top["name"].map { node throws(ConfigError) in try self.name(node) } ?? defaultName
        let summary = try top["description"]?.text(example: "description: Does orthogonal beat He at depth 10?") ?? ""
        let data = try self.data(top["data"])
        let network = try self.network(top["network"])
        let optimizer = try self.training(top["training"])
        let seeds = try self.seeds(top)
        let initializers = try self.initializers(top.required(
            "initializers", fix: "name the initializers to compare, e.g. initializers: [zeros, he_normal] (`initscope list` shows them all)"))
        let variants = try top["variants"].map { node throws(ConfigError) in try self.variants(node) } ?? []
        let probes = try self.probes(top["probes"])
        let (expectedFailures, thresholds) = try diagnostics(top["diagnostics"], initializers: initializers)
        return ExperimentConfig(
            name: name, summary: summary, data: data, hiddenSizes: network.hiddenSizes,
            hiddenActivation: network.hiddenActivation, batchNorm: network.batchNorm, dropout: network.dropout,
            optimizer: optimizer.settings, batchSize: optimizer.batchSize, epochs: optimizer.epochs, seeds: seeds,
            initializers: initializers.map(\.name), variants: variants, biasInit: network.biasInit,
            probeEvery: probes.every, probeBatchSize: probes.batchSize, expectedFailures: expectedFailures,
            thresholds: thresholds)
    }

    /// The file name without its extension: `configs/deep-tanh.yaml` → `deep-tanh`.
    private var defaultName: String {
        URL(fileURLWithPath: origin.path).deletingPathExtension().lastPathComponent
    }

    private func name(_ node: ConfigNode) throws(ConfigError) -> String {
        let name = try node.text(example: "name: deep-tanh")
        guard !name.contains(where: \.isNewline), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw node.error("name = \(node.shown) is invalid: use one line of text, e.g. name: deep-tanh.")
        }
        return name
    }

    // MARK: seeds and initializers

    private func seeds(_ top: ConfigMapping) throws(ConfigError) -> [UInt64] {
        if let seed = top["seed"], let seeds = top["seeds"] {
            let later = (seed.mark?.line ?? 0) > (seeds.mark?.line ?? 0) ? seed : seeds
            throw later.error("seed and seeds are both given: keep one, seed: 0 for one run per initializer or seeds: [0, 1, 2] for repeats.")
        }
        if let seed = top["seed"] { return [try seed.unsigned(example: "seed: 0")] }
        guard let node = top["seeds"] else { return Defaults.seeds }
        let elements = try node.list(example: "seeds: [0, 1, 2]")
        guard !elements.isEmpty else { throw node.error("seeds = [] is invalid: give at least one seed, e.g. seeds: [0].") }
        var seeds: [UInt64] = []
        for element in elements {
            let seed = try element.unsigned(example: "seeds: [0, 1, 2]")
            guard !seeds.contains(seed) else {
                throw element.error("\(element.keyPath) = \(seed) repeats an earlier seed: list each seed once.")
            }
            seeds.append(seed)
        }
        return seeds
    }

    /// One `initializers` entry: the spec as written and the scheme's canonical name (what the
    /// config stores, as `--inits` does: `kaiming_normal` → `he_normal`).
    struct InitializerEntry {
        let spec: String
        let name: String
    }

    private func initializers(_ node: ConfigNode) throws(ConfigError) -> [InitializerEntry] {
        let example = "initializers: [zeros, he_normal, \"uniform(-0.1,0.1)\"]"
        let elements = try node.list(example: example)
        guard !elements.isEmpty else {
            throw node.error("initializers = [] is invalid: name at least one, e.g. \(example).")
        }
        var entries: [InitializerEntry] = []
        for element in elements {
            let entry = try initializer(element, example: example)
            if let earlier = entries.firstIndex(where: { $0.name == entry.name }) {
                throw element.error("\(element.keyPath) = \(entry.spec) repeats initializers[\(earlier)] (both are \(entry.name)): "
                    + "list each initializer once.")
            }
            entries.append(entry)
        }
        return entries
    }

    /// Parses one initializer spec with `InitializerSpec.parse`; its error (which lists the
    /// catalogue) gets the line, and a near miss gets "did you mean".
    func initializer(_ node: ConfigNode, example: String) throws(ConfigError) -> InitializerEntry {
        let spec = try node.text(example: example).trimmingCharacters(in: .whitespaces)
        do {
            return InitializerEntry(spec: spec, name: try InitializerSpec.parse(spec).name)
        } catch {
            var hint = ""
            if case .unknownName = error {
                let typed = String(spec.prefix { $0 != "(" })
                let names = InitializerSpec.catalogue.map { String($0.pattern.prefix { $0 != "(" }) }
                hint = KeySuggestion.didYouMean(typed, among: names)
                // InitializerSpec's own message may already carry the same suggestion; say it once.
                if error.description.contains(hint.trimmingCharacters(in: .whitespaces)) { hint = "" }
            }
            throw node.error("\(node.keyPath) = \(spec): \(error.description)\(hint)")
        }
    }

    // MARK: variants, probes, diagnostics

    private func variants(_ node: ConfigNode) throws(ConfigError) -> [NetworkVariant] {
        var variants: [NetworkVariant] = []
        for element in try node.list(example: "variants: [{name: plain}, {name: bn, batch_norm: true}]") {
            let section = try element.mapping(known: ConfigKeys.variant, example: "- name: bn")
            let nameNode = try section.required("name", fix: "give each variant a name, e.g. - name: bn")
            let name = try nameNode.text(example: "name: bn")
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
            guard name.allSatisfy(allowed.contains) else {
                throw nameNode.error("\(nameNode.keyPath) = \(name) is invalid: use letters, digits, - and _ only, e.g. name: bn-deep.")
            }
            if let earlier = variants.firstIndex(where: { $0.name == name }) {
                throw nameNode.error("\(nameNode.keyPath) = \(name) repeats variants[\(earlier)].name: give each variant its own name.")
            }
            var variant = NetworkVariant(name: name)
            if let sizes = section["hidden_sizes"] { variant.hiddenSizes = try hiddenSizes(sizes) }
            if let activation = section["activation"] { variant.hiddenActivation = try self.activation(activation) }
            if let batchNorm = section["batch_norm"] { variant.batchNorm = try batchNorm.bool(example: "batch_norm: true") }
            if let dropout = section["dropout"] { variant.dropout = try self.dropout(dropout) }
            variants.append(variant)
        }
        return variants
    }

    private func probes(_ node: ConfigNode?) throws(ConfigError) -> (every: Int, batchSize: Int) {
        guard let node else { return (Defaults.probeEvery, Defaults.probeBatchSize) }
        let section = try node.mapping(known: ConfigKeys.probes, example: "probes: {every: 50, batch_size: 128}")
        let every = try section["every"]?.int(example: "every: 50", fix: "use 0 (probes off) or a positive step count such as 50",
                                              valid: { $0 >= 0 }) ?? Defaults.probeEvery
        let batchSize = try section["batch_size"]?.int(example: "batch_size: 128", fix: "use 1 or more, e.g. 128",
                                                       valid: { $0 >= 1 }) ?? Defaults.probeBatchSize
        return (every, batchSize)
    }

    private func diagnostics(_ node: ConfigNode?, initializers: [InitializerEntry]) throws(ConfigError) -> ([String], Thresholds) {
        guard let node else { return ([], .defaults) }
        let section = try node.mapping(known: ConfigKeys.diagnostics,
                                       example: "diagnostics: {expect_failure: [zeros], thresholds: {dead-units.share: 0.3}}")
        var expected: [String] = []
        if let list = section["expect_failure"] {
            for element in try list.list(example: "expect_failure: [zeros, ones]") {
                let entry = try initializer(element, example: "expect_failure: [zeros, ones]")
                guard initializers.contains(where: { $0.name == entry.name }) else {
                    throw element.error("\(element.keyPath) = \(entry.spec) is not among this config's initializers: "
                        + "name one of \(initializers.map(\.spec).joined(separator: ", ")), or remove it.")
                }
                if !expected.contains(entry.name) { expected.append(entry.name) }
            }
        }
        var thresholds = Thresholds.defaults
        if let mapping = section["thresholds"] {
            for (key, value) in try mapping.pairs(example: "thresholds: {dead-units.share: 0.3}") {
                let number = try value.double(example: "\(key): 0.5", fix: "use a finite number ≥ 0", valid: { $0 >= 0 })
                do { try thresholds.set(key, number) } catch {
                    throw value.error("\(value.keyPath): \(error.description)")
                }
            }
        }
        return (expected, thresholds)
    }
}
