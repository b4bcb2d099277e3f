import Foundation
import Synchronization
import Testing
import Datasets
import Probes
import TestSupport
@testable import Experiments

/// The probes' step-0 measurements made on the test split while the training split loads
/// give the result the runner gives without them, whatever part of them was done.
@Suite struct EarlyProbePlanningTests {
    /// Two initializers whose initial weights differ in every spectral statistic, LSUV (it
    /// calibrates on training data, so it is never measured early), and two seeds (only the
    /// first is measured early: the ranges are planned from it).
    static func config() -> ExperimentConfig {
        var config = Presets.udacity
        config.epochs = 1
        config.batchSize = 200
        config.hiddenSizes = [16]
        config.initializers = ["he_normal", "xavier_uniform", "lsuv"]
        config.seeds = [3, 4]
        config.probeEvery = 4
        return config
    }

    static func result(early: EarlyProbePlanning?) throws -> ExperimentResult {
        try ExperimentRunner(config: config(), data: FixtureData.fashionSubset(), jobs: 2)
            .runWithFingerprintPending(early: early).completed()
    }

    /// What probing recorded, run by run, and the ranges it binned with.
    static func probes(_ result: ExperimentResult) -> [RunProbes?] { result.runs.map(\.probes) }

    @Test func everythingMeasuredEarlyIsWhatTheRunsWouldMeasure() throws {
        let early = try #require(EarlyProbePlanning(config: Self.config()))
        early.measure(test: try FixtureData.fashionSubset().test, until: { false })
        #expect(early.measuredCounts.magnitudes == 2 && early.measuredCounts.spectra == 2)
        let with = try Self.result(early: early), without = try Self.result(early: nil)
        #expect(Self.probes(with) == Self.probes(without))
        #expect(with.histogramRanges == without.histogramRanges)
        // The spectra taken are this run's own: he_normal's are not xavier_uniform's.
        for id in ["he_normal#seed3", "xavier_uniform#seed3"] {
            let run = try #require(with.runs.first { $0.id == id })
            #expect(early.startSpectra(of: id) == run.probes?.layers.map(\.spectralAtStart))
        }
        #expect(early.startSpectra(of: "he_normal#seed3") != early.startSpectra(of: "xavier_uniform#seed3"))
        #expect(early.startSpectra(of: "lsuv#seed3") == nil && early.startSpectra(of: "he_normal#seed4") == nil)
    }

    /// The training split can be read before everything is measured: the runner measures
    /// the rest, and the result is the same.
    @Test func aLoadThatEndsMidwayLeavesTheRestToTheRunner() throws {
        let early = try #require(EarlyProbePlanning(config: Self.config()))
        let asked = Mutex(0)
        // Asked once before the probe batch, then before each run and each of its two
        // layers' SVDs: the 7th question stops it before the second run's second layer.
        early.measure(test: try FixtureData.fashionSubset().test, until: {
            asked.withLock { $0 += 1; return $0 > 6 }
        })
        #expect(early.measuredCounts.magnitudes == 2 && early.measuredCounts.spectra == 1)
        #expect(Self.probes(try Self.result(early: early)) == Self.probes(try Self.result(early: nil)))
    }

    @Test func nothingIsPlannedWithoutProbes() {
        var config = Self.config()
        config.probeEvery = 0
        #expect(EarlyProbePlanning(config: config) == nil)
        config = Self.config()
        config.initializers = ["lsuv"]
        let early = EarlyProbePlanning(config: config)
        early?.measure(test: try! FixtureData.fashionSubset().test, until: { false })
        #expect(early?.measuredCounts.magnitudes == 0 && early?.measuredCounts.spectra == 0)
    }
}
