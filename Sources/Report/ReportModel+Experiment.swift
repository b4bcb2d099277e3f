import Foundation
import Experiments
import Diagnostics

extension ExperimentResult {
    /// Which split the accuracy and loss after each epoch were measured on: "validation"
    /// when part of the training examples was held out, else "test".
    var evaluationSplit: String { config.data.validationSplit > 0 ? "validation" : "test" }
}

extension ReportModel {
    /// "784-256-128-10 MLP, relu hidden, biases zeros", with BatchNorm and dropout when on.
    static func describe(sizes: [Int], network: NetworkSettings) -> String {
        sizes.map(String.init).joined(separator: "-") + " MLP, \(network.hiddenActivation.name) hidden, biases \(network.biasInit)"
            + (network.batchNorm ? ", BatchNorm before each hidden activation" : "")
            + (network.dropout > 0 ? ", dropout \(network.dropout) on hidden activations" : "")
    }

    /// Every network the experiment trained, in the order they first appear: nil name for an
    /// experiment without variants (one network), else the variant's name ("base" for none).
    static func networks(_ result: ExperimentResult) -> [(name: String?, description: String)] {
        let config = result.config
        let fallbackSizes = config.layerSizes(inputs: result.dataset.features, classes: result.dataset.classes)
        guard RunSeries.hasVariants(result) else {
            let sizes = result.runs.first?.layerSizes ?? fallbackSizes
            return [(nil, describe(sizes: sizes, network: result.runs.first?.network ?? config.baseNetwork))]
        }
        var seen: [String?] = []
        var networks: [(name: String?, description: String)] = []
        for run in result.runs where !seen.contains(run.variant) {
            seen.append(run.variant)
            let settings = run.network
                ?? config.variants.first { $0.name == run.variant }.map { $0.applied(to: config.baseNetwork) }
                ?? config.baseNetwork
            networks.append((RunSeries.variantName(run.variant), describe(sizes: run.layerSizes, network: settings)))
        }
        return networks
    }

    /// "12 initializers · Fashion-MNIST · 784-256-128-10 MLP, … · date"; with variants or
    /// seeds the counts say so and the networks are listed in the facts.
    static func subtitle(_ result: ExperimentResult, series: [RunSeries]) -> String {
        let initializers = Set(series.map(\.initializer)).count
        let networks = networks(result)
        let seeds = series.map(\.runs.count).max() ?? 1
        var counts = "\(initializers) initializers"
        if networks.count > 1 || networks.first?.name != nil { counts += " × \(networks.count) network\(networks.count == 1 ? "" : "s")" }
        if seeds > 1 { counts += " × \(seeds) seeds" }
        let network = networks.count == 1 ? networks[0].description : "networks listed below"
        return "\(counts) · \(result.dataset.name) · \(network) · \(Format.date(result.createdAt))"
    }

    /// The experiment's facts: data, networks, optimizer, training, seeds, machine.
    static func facts(_ result: ExperimentResult, series: [RunSeries]) -> [Fact] {
        let config = result.config, machine = result.machine, dataset = result.dataset
        let split = result.evaluationSplit
        let seeds = config.seeds.isEmpty ? [config.seed] : config.seeds
        var facts = [
            Fact(name: "Dataset", value: "\(dataset.name): \(dataset.trainExamples) train / \(dataset.testExamples) \(split), \(dataset.features) features, \(dataset.classes) classes"),
            Fact(name: "Data from", value: Format.folder(of: dataset.source)),
        ]
        if let preparation = preparation(config) { facts.append(Fact(name: "Preparation", value: preparation)) }
        for network in networks(result) {
            facts.append(Fact(name: network.name.map { "Network · \($0)" } ?? "Network", value: network.description))
        }
        facts += [
            Fact(name: "Optimizer", value: optimizer(config)),
            Fact(name: "Training", value: "\(config.epochs) epoch(s), batch \(config.batchSize), "
                + (seeds.count > 1 ? "same data order for every run with the same seed" : "same data order for every run")),
            seeds.count > 1
                ? Fact(name: "Seeds", value: seeds.map(String.init).joined(separator: ", ")
                    + " — every initializer trained once per seed; tables show mean ± sample standard deviation, charts the mean with a min–max band")
                : Fact(name: "Seed", value: "\(config.seed)"),
            Fact(name: "Machine", value: "\(machine.cpu), \(machine.logicalCores) cores, \(machine.operatingSystem)"),
            Fact(name: "BLAS", value: "OpenBLAS kernel \(machine.blasCore), \(machine.blasThreadsPerRun) thread per run, \(machine.jobs) runs at a time"),
            Fact(name: "Total time", value: "\(Format.seconds(result.wallSeconds)) wall (\(Format.seconds(result.sumOfRunSeconds)) of run time)"),
            Fact(name: "Commit", value: result.gitCommit ?? "not a git checkout"),
        ]
        return facts
    }

    /// The optimizer's summary, with weight decay when it is on.
    static func optimizer(_ config: ExperimentConfig) -> String {
        let settings = config.optimizer, summary = settings.summary
        guard settings.weightDecay > 0, !summary.contains("weight decay") else { return summary }
        return summary + ", weight decay \(settings.weightDecay)"
    }

    /// How the data was prepared, when it differs from "as the files hold it, test split".
    static func preparation(_ config: ExperimentConfig) -> String? {
        let data = config.data
        var parts: [String] = []
        if data.validationSplit > 0 {
            parts.append("\(Wording.number(data.validationSplit * 100))% of the training examples held out (seeded shuffle) as the validation split every epoch is evaluated on")
        }
        if data.standardize { parts.append("every feature standardized with the training split's mean and standard deviation") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The leaderboard's words on repeats: "" without them.
    static func spreadNote(_ series: [RunSeries]) -> String {
        guard RunSeries.hasRepeats(series) else { return "" }
        let counts = Set(series.map(\.runs.count)).sorted()
        let seeds = counts.count == 1 ? "\(counts[0]) seeds" : "\(counts.first ?? 1)–\(counts.last ?? 1) seeds"
        return "Each row is one initializer\(series.contains { $0.variant != nil } ? " on one network" : "") trained with \(seeds): "
            + "mean ± sample standard deviation (n − 1) over its seeds; the accuracy's ± is in percentage points. "
            + "Train time is the mean per seed, findings are counted over every seed."
    }
}
