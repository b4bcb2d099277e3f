import Testing
import Datasets
import Experiments
import Network
import TestSupport

@Suite struct ExperimentPlanTests {
    func config(seeds: [UInt64], variants: [NetworkVariant]) -> ExperimentConfig {
        var config = Presets.udacity
        config.epochs = 1
        config.hiddenSizes = [16]
        config.probeEvery = 5
        config.seeds = seeds
        config.variants = variants
        config.initializers = ["he_normal", "Uniform(-0.1, 0.1)"]
        return config
    }

    @Test func expandsInitializersThenVariantsThenSeeds() throws {
        let plan = try ExperimentPlan(config(seeds: [0, 7], variants: [NetworkVariant(name: "plain"),
                                                                      NetworkVariant(name: "deep", hiddenSizes: [16, 16])]))
        #expect(plan.runs.map(\.id) == [
            "he_normal@plain#seed0", "he_normal@plain#seed7", "he_normal@deep#seed0", "he_normal@deep#seed7",
            "uniform(-0.1,0.1)@plain#seed0", "uniform(-0.1,0.1)@plain#seed7",
            "uniform(-0.1,0.1)@deep#seed0", "uniform(-0.1,0.1)@deep#seed7",
        ])
        #expect(plan.runs[2].network.hiddenSizes == [16, 16])
        #expect(plan.runs[0].network.hiddenSizes == [16])
    }

    @Test func withoutVariantsIdsStayAsBefore() throws {
        let plan = try ExperimentPlan(config(seeds: [3], variants: []))
        #expect(plan.runs.map(\.id) == ["he_normal#seed3", "uniform(-0.1,0.1)#seed3"])
        #expect(plan.runs.allSatisfy { $0.variant == nil })
    }

    @Test func invalidSeedsAndVariantsAreRefusedWithTheirKey() {
        #expect(throws: ConfigError.invalid(key: "seeds", value: "[]", fix: "give at least one seed, e.g. [0]")) {
            try config(seeds: [], variants: []).validate()
        }
        #expect(throws: ConfigError.invalid(key: "seeds", value: "[1, 1]", fix: "each seed may appear once")) {
            try config(seeds: [1, 1], variants: []).validate()
        }
        #expect(throws: ConfigError.invalid(key: "variants.name", value: "bn", fix: "each variant name may appear once")) {
            try config(seeds: [0], variants: [NetworkVariant(name: "bn"), NetworkVariant(name: "bn")]).validate()
        }
        #expect(throws: ConfigError.self) {
            try config(seeds: [0], variants: [NetworkVariant(name: "../x")]).validate()
        }
    }

    /// Seeds × variants of different depths train, each run with its own network; the same
    /// seed draws the same first-layer weights in every variant (so variants compare fairly),
    /// and different seeds draw different ones.
    @Test func runsEverySeedAndVariant() throws {
        let data = try FixtureData.fashionSubset()
        let config = config(seeds: [0, 1], variants: [NetworkVariant(name: "plain"),
                                                       NetworkVariant(name: "deep", hiddenSizes: [16, 16])])
        let result = try ExperimentRunner(config: config, data: data, jobs: 2).run()
        #expect(result.runs.map(\.id) == (try ExperimentPlan(config)).runs.map(\.id))
        let byID = Dictionary(uniqueKeysWithValues: result.runs.map { ($0.id, $0) })
        let plain0 = try #require(byID["he_normal@plain#seed0"]), deep0 = try #require(byID["he_normal@deep#seed0"])
        let plain1 = try #require(byID["he_normal@plain#seed1"])
        #expect(plain0.layerSizes == [784, 16, 10] && deep0.layerSizes == [784, 16, 16, 10])
        #expect(deep0.network?.hiddenSizes == [16, 16] && deep0.variant == "deep")
        let w0 = try #require(plain0.probes?.layers[0].snapshots.first?.weight)
        let wDeep = try #require(deep0.probes?.layers[0].snapshots.first?.weight)
        let w1 = try #require(plain1.probes?.layers[0].snapshots.first?.weight)
        #expect(w0 == wDeep)
        #expect(w0 != w1)
        #expect(result.histogramRanges?.layers.count == 3)
        #expect(deep0.probes?.layers.count == 3 && plain0.probes?.layers.count == 2)
    }
}

/// The fingerprints `compare` relies on to refuse comparing different experiments.
@Suite struct FingerprintTests {
    @Test func configHashChangesWithAnyValueAndIsStable() {
        let base = Presets.udacity
        var other = base
        other.optimizer.learningRate = 2e-3
        #expect(base.fingerprint == Presets.udacity.fingerprint)
        #expect(base.fingerprint != other.fingerprint)
        #expect(base.fingerprint.count == 16)
    }

    @Test func datasetFingerprintSeesEveryValue() throws {
        let data = try FixtureData.fashionSubset()
        let first = data.fingerprint
        #expect(first == (try FixtureData.fashionSubset()).fingerprint)
        var features = data.test.features
        features.storage[12345] += 1e-6
        let moved = DatasetSplits(train: data.train, test: Dataset(name: data.test.name, source: data.test.source, features: features,
                                                                    labels: data.test.labels, classCount: data.test.classCount))
        #expect(moved.fingerprint != first)
    }
}

/// `--shard K/N`: every run in exactly one shard, the same split every time, loads within
/// one run's cost of each other (longest-processing-time first).
@Suite struct ShardAssignmentTests {
    @Test(arguments: [1, 2, 3, 5, 20])
    func everyRunInOneShardAndLoadsBalanced(_ shards: Int) throws {
        var config = Presets.udacity
        config.seeds = [0, 1, 2]
        config.variants = [NetworkVariant(name: "small", hiddenSizes: [32]), NetworkVariant(name: "big", hiddenSizes: [512, 256]),
                           NetworkVariant(name: "deep", hiddenSizes: Array(repeating: 128, count: 8))]
        let plan = try ExperimentPlan(config)
        let assignment = plan.assignment(shards: shards, inputs: 784, classes: 10)
        #expect(assignment == plan.assignment(shards: shards, inputs: 784, classes: 10))
        let members = try (1...shards).map { try plan.runs(in: Shard(index: $0, count: shards), inputs: 784, classes: 10) }
        #expect(members.flatMap { $0.map(\.id) }.sorted() == plan.runs.map(\.id).sorted())
        let loads = members.map { $0.reduce(0.0) { $0 + $1.estimatedCost(inputs: 784, classes: 10) } }
        let largest = plan.runs.map { $0.estimatedCost(inputs: 784, classes: 10) }.max() ?? 0
        #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= largest)
    }

    @Test func workersClaimTheCostliestRunsFirstAndKeepPlanOrderOnTies() throws {
        let plan = try ExperimentPlan(Presets.named("saxe2013"))
        let order = plan.runs.longestFirst(inputs: 784, classes: 10)
        #expect(order.sorted() == Array(plan.runs.indices))
        let costs = order.map { plan.runs[$0].estimatedCost(inputs: 784, classes: 10) }
        #expect(costs == costs.sorted(by: >) && costs.first! > costs.last!)
        for (a, b) in zip(order, order.dropFirst()) where costs[order.firstIndex(of: a)!] == costs[order.firstIndex(of: b)!] {
            #expect(a < b)
        }
        let udacity = try ExperimentPlan(Presets.udacity)
        #expect(udacity.runs.longestFirst(inputs: 784, classes: 10) == Array(udacity.runs.indices))
    }

    @Test func shardSpecsAreChecked() throws {
        #expect(try Shard.parse(" 3/8 ") == Shard(index: 3, count: 8))
        for bad in ["0/2", "3/2", "2", "a/b", "1/0"] { #expect(throws: ConfigError.self) { try Shard.parse(bad) } }
    }
}
