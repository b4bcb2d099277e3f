import Testing
import Foundation
@testable import Diagnostics

/// Every rule on synthetic statistics: fires above its threshold, silent below.
@Suite struct RuleThresholdTests {
    let healthy = syntheticRun()

    @Test func aHealthyRunHasNoFindings() {
        #expect(Diagnostician().findings(in: [healthy]).isEmpty)
    }

    @Test func symmetryFiresWhenMostUnitsAreIdentical() {
        var layer = SyntheticLayer()
        layer.identical = { _ in 8 }
        let findings = SymmetryRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()]))
        #expect(findings.map(\.layer) == [1])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.threshold == Threshold(key: "symmetry.identical_share", value: 0.5))
        layer.identical = { _ in 2 }  // 25% < 50%
        #expect(SymmetryRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()])).isEmpty)
    }

    @Test func vanishingFiresOnTheLayerRatioAndTheFloor() {
        var first = SyntheticLayer()
        first.activationGradientRMS = { _ in 1e-6 }  // vs 1e-3 at the output: ratio 1e-3 < 1e-2
        #expect(VanishingGradientRule().fires(syntheticRun([first, SyntheticLayer(), SyntheticLayer()])).map(\.layer) == [1])
        first.activationGradientRMS = { _ in 1e-4 }  // ratio 0.1: fine
        #expect(VanishingGradientRule().fires(syntheticRun([first, SyntheticLayer(), SyntheticLayer()])).isEmpty)
        var weak = SyntheticLayer()
        weak.weightGradientRMS = { _ in 1e-9 }
        let floor = VanishingGradientRule().fires(syntheticRun([SyntheticLayer(), weak, SyntheticLayer()]))
        #expect(floor.map(\.threshold.key) == ["vanishing-gradient.floor"] && floor.first?.layer == 2)
        weak.weightGradientRMS = { _ in 0 }  // exact zeros belong to the symmetry rule
        #expect(VanishingGradientRule().fires(syntheticRun([SyntheticLayer(), weak, SyntheticLayer()])).isEmpty)
    }

    @Test func explodingFiresOnLayerRatioGrowthWithoutProgressAndNaN() {
        var first = SyntheticLayer()
        first.activationGradientRMS = { _ in 1 }  // 1000× the output's
        #expect(ExplodingGradientRule().fires(syntheticRun([first, SyntheticLayer(), SyntheticLayer()])).map(\.layer) == [1])
        var growing = SyntheticLayer()
        growing.weightGradientRMS = { 1e-3 * Float(pow(10, Double($0) / 10)) }  // ×1e4 over the run
        let flatLosses = [Float](repeating: 2.3, count: 200)
        #expect(ExplodingGradientRule().fires(syntheticRun([growing, SyntheticLayer(), SyntheticLayer()], losses: flatLosses))
            .map(\.threshold.key) == ["exploding-gradient.growth"])
        // The same growth while the loss falls is a small init waking up: silent.
        #expect(ExplodingGradientRule().fires(syntheticRun([growing, SyntheticLayer(), SyntheticLayer()])).isEmpty)
        var broken = SyntheticLayer()
        broken.nonFiniteGradients = { $0 >= 20 ? 3 : 0 }
        let nan = ExplodingGradientRule().fires(syntheticRun([SyntheticLayer(), broken, SyntheticLayer()]))
        #expect(nan.map(\.severity) == [.error] && nan.first?.firstStep == 20)
    }

    @Test func deadUnitsFireAboveTheShare() {
        var layer = SyntheticLayer()
        layer.dead = { $0 >= 20 ? 0.7 : 0.1 }
        let findings = DeadUnitsRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()]))
        #expect(findings.map(\.layer) == [1] && findings.first?.firstStep == 20 && findings.first?.lastStep == 40)
        layer.dead = { _ in 0.4 }
        #expect(DeadUnitsRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()])).isEmpty)
        var thresholds = Thresholds.defaults
        try? thresholds.apply("dead-units.share=0.3")
        #expect(DeadUnitsRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()]), thresholds).count == 1)
    }

    @Test func saturationFiresAboveTheShare() {
        var layer = SyntheticLayer()
        layer.dead = { _ in nil }
        layer.saturated = { _ in 0.8 }
        #expect(SaturationRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()], activation: .tanh)).count == 1)
        layer.saturated = { _ in 0.2 }
        #expect(SaturationRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()], activation: .tanh)).isEmpty)
    }

    @Test func flatLossFiresAtChanceOrUnmovedAfterEnoughSteps() {
        let chance = Float(log(10.0))
        #expect(FlatLossRule().fires(syntheticRun(losses: [Float](repeating: chance, count: 200))).map(\.severity) == [.error])
        #expect(FlatLossRule().fires(syntheticRun(losses: [Float](repeating: 5, count: 200))).count == 1)  // never moved
        #expect(FlatLossRule().fires(syntheticRun(losses: [Float](repeating: chance, count: 50))).isEmpty)  // too early to say
        #expect(FlatLossRule().fires(healthy).isEmpty)
    }

    @Test func divergenceFiresOnNaNAndOnGrowth() {
        let stopped = DivergenceRule().fires(syntheticRun(losses: [2.3, 2.2, .nan], divergedAt: 3))
        #expect(stopped.map(\.firstStep) == [3])
        let growing = (0..<200).map { 2.3 + Float($0) }  // ends near 190: ×80
        #expect(DivergenceRule().fires(syntheticRun(losses: growing)).count == 1)
        let mild = (0..<200).map { 2.3 + Float($0) * 0.05 }  // ends near 12: ×5
        #expect(DivergenceRule().fires(syntheticRun(losses: mild)).isEmpty)
    }

    @Test func updateRatioFiresWhenMostProbesAreOutsideTheBand() {
        var layer = SyntheticLayer()
        layer.update = { $0 == 0 ? nil : 1e-7 }
        #expect(UpdateRatioRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()])).map(\.threshold.key) == ["update-ratio.low"])
        layer.update = { $0 == 0 ? nil : 0.5 }
        #expect(UpdateRatioRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()])).map(\.threshold.key) == ["update-ratio.high"])
        layer.update = { $0 == 10 ? 0.5 : ($0 == 0 ? nil : 1e-3) }  // one probe of four
        #expect(UpdateRatioRule().fires(syntheticRun([layer, SyntheticLayer(), SyntheticLayer()])).isEmpty)
    }

    @Test func activationScaleFiresOnCollapseGrowthAndAHugeFirstLoss() {
        var last = SyntheticLayer()
        last.activationRMS = { _ in 1e-3 }
        #expect(ActivationScaleRule().fires(syntheticRun([SyntheticLayer(), last, SyntheticLayer()])).map(\.threshold.key) == ["activation-scale.collapse"])
        last.activationRMS = { _ in 1e3 }
        #expect(ActivationScaleRule().fires(syntheticRun([SyntheticLayer(), last, SyntheticLayer()])).map(\.threshold.key) == ["activation-scale.growth"])
        last.activationRMS = { _ in 0.5 }
        #expect(ActivationScaleRule().fires(syntheticRun([SyntheticLayer(), last, SyntheticLayer()])).isEmpty)
        let huge = ActivationScaleRule().fires(syntheticRun(losses: [500] + [Float](repeating: 2, count: 199)))
        #expect(huge.map(\.threshold.key) == ["activation-scale.initial_loss_factor"])
    }

    @Test func expectedFailuresAreMarkedAndDoNotFail() {
        let zeroLike = syntheticRun(losses: [Float](repeating: Float(log(10.0)), count: 200), expectsFailure: true)
        let findings = Diagnostician().findings(in: [zeroLike])
        #expect(!findings.isEmpty && findings.allSatisfy(\.expected))
        #expect(FailOn.error.failing(findings).isEmpty)
        let healthyButFlat = syntheticRun(losses: [Float](repeating: Float(log(10.0)), count: 200))
        #expect(FailOn.error.failing(Diagnostician().findings(in: [healthyButFlat])).count == 1)
        #expect(FailOn.never.failing(Diagnostician().findings(in: [healthyButFlat])).isEmpty)
    }
}
