import ArgumentParser
import Foundation
import Datasets
import Experiments

/// `initscope plan CONFIG [--shards N]`: the runs a config expands to, with their stable ids,
/// and how `run --shard K/N` splits them.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the runs a config expands to (initializer × variant × seed) and how shards split them.",
        discussion: """
            Every run has a stable id, initializer@variant#seedS (no @variant without variants), \
            the same on every machine. With --shards N it shows which shard each run goes to: \
            `initscope run CONFIG --shard K/N` trains shard K, longest runs first, each to the \
            shard with the least estimated cost (multiply-adds per example), so shards take \
            about equally long. It reads the data only for its input width and classes.

            Examples:
              initscope plan Fixtures/configs/saxe2013.yaml
              initscope plan my-sweep.yaml --shards 8

            \(ExitStatus.helpText)
            """)

    @OptionGroup var experiment: ExperimentOptions

    @Option(help: "Show the split into N shards.")
    var shards: Int?

    func validate() throws {
        if let shards, shards < 1 { throw ValidationError("--shards must be 1 or more, got \(shards).") }
    }

    func run() throws {
        let config: ExperimentConfig
        let plan: ExperimentPlan
        do {
            config = try experiment.makeConfig()
            plan = try ExperimentPlan(config)
        } catch { throw failWithBadInput(error.description) }
        let splits: DatasetSplits
        do { splits = try experiment.loadData(for: config) } catch { throw failWithBadInput(error.description) }
        let inputs = splits.train.featureCount, classes = splits.train.classCount
        let shardOf = shards.map { plan.assignment(shards: $0, inputs: inputs, classes: classes) }
        let idWidth = max(24, plan.runs.map(\.id.count).max() ?? 0) + 2
        print("\(config.name): \(plan.runs.count) run(s) = \(config.initializers.count) initializer(s) × "
            + "\(max(1, config.variants.count)) network(s) × \(config.seeds.count) seed(s); "
            + "\(config.epochs) epoch(s) on \(splits.train.name) (\(splits.train.count) train)")
        print("run".padding(toLength: idWidth, withPad: " ", startingAt: 0) + "network".padding(toLength: 30, withPad: " ", startingAt: 0)
            + "cost (MACs/example)" + (shards == nil ? "" : "  shard"))
        for (index, run) in plan.runs.enumerated() {
            let sizes = run.network.layerSizes(inputs: inputs, classes: classes)
            let network = ForecastTable.architecture(sizes) + " " + run.network.hiddenActivation.name + (run.network.batchNorm ? " +BN" : "")
            let cost = String(format: "%.3g", run.estimatedCost(inputs: inputs, classes: classes))
            let shard = shardOf.map { "  \($0[index] + 1)/\(shards ?? 1)" } ?? ""
            print(run.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + network.padding(toLength: 30, withPad: " ", startingAt: 0)
                + cost.padding(toLength: 19, withPad: " ", startingAt: 0) + shard)
        }
        if let shards, let shardOf {
            for k in 0..<shards {
                let members = plan.runs.indices.filter { shardOf[$0] == k }
                let total = members.reduce(0.0) { $0 + plan.runs[$1].estimatedCost(inputs: inputs, classes: classes) }
                print("shard \(k + 1)/\(shards): \(members.count) run(s), cost \(String(format: "%.3g", total))")
            }
        }
    }
}
