import Testing
import Experiments
import Network
import Probes
import Tensor
import TestSupport

/// Every run of one experiment bins the same layer and quantity on the same range, so the
/// report's histograms compare honestly side by side.
@Suite struct SharedHistogramRangeTests {
    @Test func allRunsShareTheExperimentsRanges() throws {
        var config = Presets.udacity
        config.epochs = 1
        config.hiddenSizes = [32]
        config.probeEvery = 5
        config.initializers = ["zeros", "uniform(-1,1)", "he_normal"]
        let result = try ExperimentRunner(config: config, data: try FixtureData.fashionSubset(), jobs: 2).run()
        let ranges = try #require(result.histogramRanges)
        for run in result.runs {
            for layer in try #require(run.probes).layers {
                #expect(!layer.histograms.isEmpty)
                for h in layer.histograms {
                    let pairs: [(Histogram, ProbedQuantity)] = [(h.weight, .weight), (h.activation, .activation),
                                                               (h.activationGradient, .activationGradient),
                                                               (h.weightGradient, .weightGradient)]
                    for (histogram, quantity) in pairs {
                        let shared = ranges.range(layer: layer.index, quantity)
                        #expect(histogram.lower == shared.lower && histogram.upper == shared.upper,
                                "\(run.initializer) layer \(layer.index) \(quantity)")
                    }
                }
            }
        }
        // ReLU activations are non-negative: their shared range starts at 0.
        #expect(ranges.range(layer: 0, .activation).lower == 0)
    }

    /// Only activations whose outputs are all ≥ 0 get a one-sided [0, R] activation range.
    @Test(arguments: [(Activation.sigmoid, true), (.tanh, false), (.leakyReLU(slope: 0.01), false), (.gelu, false)])
    func activationRangeIsOneSidedOnlyForNonNegativeActivations(_ activation: Activation, _ oneSided: Bool) throws {
        var config = Presets.udacity
        config.epochs = 1
        config.hiddenSizes = [16]
        config.hiddenActivation = activation
        config.probeEvery = 1000
        config.initializers = ["he_normal"]
        let result = try ExperimentRunner(config: config, data: try FixtureData.fashionSubset(), jobs: 1).run()
        let hidden = try #require(result.histogramRanges).range(layer: 0, .activation)
        #expect((hidden.lower == 0) == oneSided, "\(activation.name): [\(hidden.lower), \(hidden.upper)]")
        #expect(hidden.upper > 0)
    }
}
