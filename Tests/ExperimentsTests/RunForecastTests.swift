import Testing
import Foundation
import Experiments
import Diagnostics
import TestSupport

/// Every run stores the static variance forecast of its own initial weights.
@Suite struct RunForecastTests {
    func run(_ name: String) throws -> RunResult {
        try #require(try UdacityPresetTests.result.get().runs.first { $0.initializer == name })
    }

    @Test func forecastIsOfTheRunsOwnDraw() throws {
        for name in ["he_normal", "xavier_uniform", "uniform(-1,1)"] {
            let run = try run(name)
            let forecast = try #require(run.forecast)
            let probes = try #require(run.probes)
            #expect(forecast.examples == probes.probeBatchSize)
            // Same matrices: the forecast's Var[W] is the step-0 probe's std(W)².
            for (layer, trace) in zip(forecast.layers, probes.layers) {
                let w = try #require(trace.snapshots.first).weight
                #expect(layer.weightVariance == w.std * w.std && layer.weightMean == w.mean, "\(name)")
            }
            // ∂L/∂logits at step 0 on the probe batch is where the backward forecast starts.
            let logits = try #require(probes.layers.last?.snapshots.first).activationGradient
            #expect(abs(forecast.outputGradientSquare / (logits.std * logits.std + logits.mean * logits.mean) - 1) < 1e-4)
        }
    }

    @Test func heNormalIsForecastFaithfullyAndFlagsNothing() throws {
        let run = try run("he_normal")
        let forecast = try #require(run.forecast)
        #expect(ForecastRule().findings(in: forecast, runID: run.id, initializer: run.initializer).isEmpty)
        let probes = try #require(run.probes)
        let comparison = try #require(ForecastComparison(forecast: forecast, probes: probes))
        #expect(try #require(comparison.largestPreActivationError) < 0.25)
        #expect(try #require(comparison.largestActivationGradientError) < 0.25)
    }

    @Test func badScalesAreForecastAndNonZeroMeansAreNot() throws {
        let tiny = try #require(try run("uniform(-0.001,0.001)").forecast)
        #expect(ForecastRule().findings(in: tiny, runID: "t", initializer: "t").map(\.threshold.key).contains("forecast.vanish"))
        for name in ["ones", "uniform(0,1)"] {
            let forecast = try #require(try run(name).forecast)
            #expect(forecast.forwardGain == nil && forecast.notForecast?.contains("zero-mean") == true, "\(name)")
        }
    }

    @Test func resultsWithoutAForecastStillLoad() throws {
        let run = try run("he_normal")
        let encoded = try JSONEncoder().encode(run)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["forecast"] != nil)
        object["forecast"] = nil
        let old = try JSONDecoder().decode(RunResult.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.forecast == nil && old.history == run.history)
    }
}

@Suite struct HiddenSizesTests {
    @Test func readsWidthsAndFormatsThemBack() throws {
        #expect(try HiddenSizes.parse("256,128") == [256, 128])
        #expect(try HiddenSizes.parse(" 512 , 64 ,32") == [512, 64, 32])
        #expect(HiddenSizes.format([256, 128]) == "256,128")
    }

    @Test(arguments: ["", "256,", "256,0", "256,-3", "256,abc", "1.5"])
    func refusesAnythingButPositiveWholeNumbers(_ text: String) {
        #expect { try HiddenSizes.parse(text) } throws: { error in
            let message = "\(error)"
            return message.contains("'\(text)'") && message.contains("--hidden-sizes 256,128") && !message.contains("\n")
        }
    }
}
