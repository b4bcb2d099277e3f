import Testing
import Foundation
import Datasets
import Diagnostics
import Experiments
import TestSupport

/// Every shipped preset end to end, shortened: one epoch on the first examples of the
/// committed Fashion-MNIST subset, probes every few steps. Each checks the preset's lesson
/// where a short run can already show it (at step 0 or in the findings).
@Suite struct PresetRunTests {
    /// The first `train` / `test` examples of the fixture subset.
    static func smallData(train: Int, test: Int = 200) throws -> DatasetSplits {
        let data = try FixtureData.fashionSubset()
        return DatasetSplits(train: data.train.selecting(Array(0..<train)), test: data.test.selecting(Array(0..<test)))
    }

    static func run(_ name: String, train: Int, probeEvery: Int = 5) throws -> ExperimentResult {
        var config = try Presets.named(name)
        config.epochs = 1
        config.probeEvery = probeEvery
        let result = try ExperimentRunner(config: config, data: try smallData(train: train), jobs: 2).run()
        // Every preset's metrics.json: SortedKeysJSONEncoder writes JSONEncoder's bytes.
        #expect(try ResultsStore.encode(result) == SortedKeysJSONEncoder.fallback(result))
        return result
    }

    static func findings(_ result: ExperimentResult, run id: String, rule: String) -> [Finding] {
        result.allFindings.filter { $0.runID == id && $0.rule == rule }
    }

    @Test func everyPresetIsShippedAndValid() throws {
        #expect(Presets.all.map(\.name) == ["udacity", "zeros-symmetry", "glorot2010", "he2015", "saxe2013", "batchnorm"])
        for preset in Presets.all {
            try preset.validate()
            #expect(!preset.summary.isEmpty)
        }
    }

    /// Zeros: every hidden unit identical and the loss flat; small random: neither.
    @Test func zerosSymmetry() throws {
        let result = try Self.run("zeros-symmetry", train: 640)
        #expect(result.runs.map(\.id) == ["zeros#seed0", "small_normal#seed0"])
        #expect(!Self.findings(result, run: "zeros#seed0", rule: "symmetry").isEmpty)
        #expect(Self.findings(result, run: "small_normal#seed0", rule: "symmetry").isEmpty)
        let zeros = result.runs[0].history.batchLosses
        #expect(abs(Double(zeros.last ?? 0) - log(10)) < 0.05)
    }

    /// The standard init's back-propagated gradient shrinks toward the input (at step 0,
    /// layer 1's RMS ∂L/∂a is far below layer 5's); Xavier's stays within a small factor.
    @Test func glorot2010() throws {
        let result = try Self.run("glorot2010", train: 200, probeEvery: 10)
        func gradientRatio(_ id: String) throws -> Double {
            let run = try #require(result.runs.first { $0.id == id })
            let layers = try #require(run.probes?.layers)
            let first = try #require(layers[0].snapshots.first?.activationGradient.l2)
            let fifth = try #require(layers[4].snapshots.first?.activationGradient.l2)
            return first / fifth  // both (batch, 1000): the ratio of L2 norms is that of RMS values
        }
        let standard = try gradientRatio("general_rule#seed0"), xavier = try gradientRatio("xavier_uniform#seed0")
        #expect(standard < 0.3)
        #expect(xavier > 0.4 && xavier < 2.5)
        #expect(result.runs.allSatisfy { $0.layerSizes == [784, 1000, 1000, 1000, 1000, 1000, 10] })
    }

    /// 30 ReLU layers: Xavier's signal vanishes at init (forecast and measured), He's does not.
    @Test func he2015() throws {
        let result = try Self.run("he2015", train: 256)
        #expect(result.runs.allSatisfy { $0.layerSizes.count == 31 })
        #expect(!Self.findings(result, run: "xavier_normal#seed0", rule: "forecast").isEmpty)
        #expect(Self.findings(result, run: "he_normal#seed0", rule: "forecast").isEmpty)
        #expect(result.config.optimizer.kind == .momentum)
    }

    /// Deep linear nets: orthogonal keeps every singular value of ∂logits/∂x at 1 at every
    /// depth; the Gaussian's spread grows with depth.
    @Test func saxe2013() throws {
        let result = try Self.run("saxe2013", train: 256)
        #expect(result.runs.count == 6)
        for run in result.runs where run.initializer == "orthogonal" {
            let spectrum = try #require(run.jacobian)
            #expect(spectrum.singularValues.allSatisfy { abs($0 - 1) < 1e-3 }, "\(run.id)")
        }
        func condition(_ id: String) throws -> Double { try #require(result.runs.first { $0.id == id }?.jacobian?.condition) }
        #expect(try condition("lecun_normal@depth-32#seed0") > 3 * condition("lecun_normal@depth-2#seed0"))
    }

    /// The same inits with and without BatchNorm: constant weights keep identical units in
    /// both; BatchNorm removes the vanishing signal of the too-small init.
    @Test func batchnorm() throws {
        let result = try Self.run("batchnorm", train: 256)
        #expect(result.runs.count == 8)
        for variant in ["plain", "bn"] {
            #expect(!Self.findings(result, run: "constant(0.05)@\(variant)#seed0", rule: "symmetry").isEmpty, "\(variant)")
        }
        #expect(!Self.findings(result, run: "small_normal@plain#seed0", rule: "vanishing-gradient").isEmpty)
        #expect(Self.findings(result, run: "small_normal@bn#seed0", rule: "vanishing-gradient").isEmpty)
        #expect(result.runs.filter { $0.variant == "bn" }.allSatisfy { $0.forecast == nil && $0.jacobian == nil })
    }
}
