import Testing
import Foundation
import Experiments
import Diagnostics
@testable import Report

/// Learning speed on hand-made losses, and the two parts issue #6 adds to the page: the
/// end-to-end Jacobian at init and "Across variants".
@Suite struct LearningSpeedTests {
    @Test func smoothingIsATrailingMeanDefinedFromTheWindowOn() {
        let losses = (1...25).map(Double.init)
        let smoothed = LearningSpeed.smoothed(losses)
        #expect(smoothed.count == 25)
        #expect(smoothed.prefix(19).allSatisfy { $0.isNaN })
        #expect(smoothed[19] == 10.5)  // mean of 1…20
        #expect(smoothed[24] == 15.5)  // mean of 6…25
        #expect(LearningSpeed.smoothed([3, 1, 2], window: 2).dropFirst() == [2, 1.5])
        #expect(LearningSpeed.smoothed(Array(repeating: 1, count: 19)).allSatisfy { $0.isNaN })  // shorter than the window
    }

    @Test func aWindowHoldingANonFiniteLossHasNoValue() {
        var losses = [Double](repeating: 1, count: 50)
        losses[25] = .nan
        losses[45] = .infinity
        let smoothed = LearningSpeed.smoothed(losses)
        #expect(smoothed[19...24].allSatisfy { $0 == 1 })
        #expect(smoothed[25...].allSatisfy { $0.isNaN })  // every later window holds batch 26 or 46
    }

    @Test func firstBatchBelowTheTargetIsOneBasedOrNever() {
        let smoothed: [Double] = [.nan, .nan, 2, 1.5, 0.9, 0.4]
        #expect(LearningSpeed.firstBatch(below: 1, smoothed: smoothed) == 5)
        #expect(LearningSpeed.firstBatch(below: 0.1, smoothed: smoothed) == nil)
        #expect(LearningSpeed.firstBatch(below: 3, smoothed: [.nan, .nan]) == nil)
    }

    /// `seededResult()`: batch k of seed s has loss 2.3 − 0.01k + 0.1s, so the smoothed loss at
    /// k is 2.3 + 0.1s − 0.01(k − 9.5); the lowest is seed 0's at k = 120: 1.195.
    /// ℓ* = (ln 10 + 1.195)/2 ≈ 1.74879, first below at k = 65 + 10s. He normal on `deep`
    /// seed 2 turns NaN at batch 50 and never gets there.
    @Test func stepsOnTheSeededResultAndADivergedSeed() throws {
        let result = seededResult()
        let speed = LearningSpeed(result)
        let best = try #require(speed.best)
        #expect(abs(best.loss - 1.195) < 1e-5)
        #expect(best.runID.hasSuffix("#seed0"))
        let target = try #require(speed.target)
        #expect(abs(target - (log(10.0) + 1.195) / 2) < 1e-5)
        let series = RunSeries.of(result)
        let shallow = try #require(series.first { $0.initializer == "he_normal" && $0.variant == "shallow" })
        #expect(shallow.runs.map { speed.step($0) } == [65, 75, 85])
        #expect(speed.text(shallow.runs) == "75 ± 10")
        let deep = try #require(series.first { $0.initializer == "he_normal" && $0.variant == "deep" })
        #expect(deep.runs.map { speed.step($0) } == [65, 75, nil])
        #expect(speed.text(deep.runs) == "70 ± 7 (2 of 3 seeds; the others never)")
    }

    @Test func theBestRunReachesTheTargetAndNoFiniteWindowReadsNever() {
        let speed = LearningSpeed(chanceLoss: log(10), best: (2.0, "a"), curves: [("a", [.nan, 2.0, 2.1]), ("b", [.nan, .nan, .nan])])
        #expect(speed.target == (log(10) + 2) / 2)
        // The run that set ℓ_best always reaches ℓ* (it lies halfway above it); a curve with no finite window never does.
        #expect(speed.steps["a"] == .some(2))
        #expect(speed.steps.keys.contains("b") && speed.steps["b"]! == nil)
        let empty = LearningSpeed(chanceLoss: log(10), best: nil, curves: [("a", [.nan])])
        #expect(empty.target == nil)
    }
}

@Suite struct VariantsReportTests {
    func render(_ result: ExperimentResult) throws -> String {
        try HTMLReport.render(result, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
    }

    func section(_ id: String, of html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func variantsSectionTabulatesAccuracyAndStepsToTheTarget() throws {
        let html = try render(seededResult())
        let variants = try section("variants", of: html)
        #expect(variants.contains("<h2>Across variants</h2>"))
        #expect(variants.contains("<th class=\"num\">shallow</th><th class=\"num\">deep</th>"))
        #expect(variants.contains("ℓ* = (ln C + ℓ_best) / 2 = (ln 10 + 1.1950) / 2 = 1.7488"))
        #expect(variants.contains("82.00 ± 2.00%"))  // He normal · shallow: 0.80 + 0.02·s
        #expect(variants.contains("to ℓ*: 75 ± 10"))
        #expect(variants.contains("to ℓ*: 70 ± 7 (2 of 3 seeds; the others never)"))
        #expect(variants.contains("<figure id=\"variants-speed\">"))
        #expect(variants.contains("data:image/png;base64,"))
        // Between the leaderboard's figures and the per-epoch table.
        let at = try #require(html.range(of: "<section id=\"variants\">")), epochs = try #require(html.range(of: "<section id=\"epochs\">"))
        #expect(at.lowerBound < epochs.lowerBound)
    }

    @Test(arguments: [["shallow"], []])
    func noVariantsSectionWithFewerThanTwoNetworks(_ variants: [String]) throws {
        let result = variants.isEmpty ? sampleResult() : seededResult(variants: variants)
        let html = try render(result)
        #expect(!html.contains("<section id=\"variants\">"))
        #expect(!html.contains("Across variants"))
        #expect(ReportModel.comparesVariants(result) == false)
    }

    @Test func variantNamesAreEscapedInTheVariantsSection() throws {
        let hostile = "<b onmouseover=x>&deep"
        let variants = try section("variants", of: try render(seededResult(variants: ["shallow", hostile])))
        #expect(!variants.contains("<b onmouseover"))
        #expect(variants.contains("<th class=\"num\">&lt;b onmouseover&#61;x&gt;&amp;deep</th>")
            || variants.contains("<th class=\"num\">&lt;b onmouseover=x&gt;&amp;deep</th>"))
    }

    @Test func variantChartPlacesNeverOnTheStripAndKeepsConfigOrder() throws {
        var result = seededResult()
        // zeros never learns: its losses stay at chance.
        for i in result.runs.indices where result.runs[i].initializer == "zeros" {
            result.runs[i].history.batchLosses = Array(repeating: 2.31, count: 120)
        }
        let chart = try #require(ReportFigures().variantChart(for: result))
        #expect(chart.categories == ["shallow", "deep"])
        #expect(chart.series.map(\.label) == ["He normal", "zeros"])
        #expect(chart.series[0].values == [.value(75), .value(70)])
        #expect(chart.series[1].values == [.never, .never])
        let html = try render(result)
        #expect(try section("variants", of: html).contains("<td class=\"num failed\">"))
    }
}

@Suite struct JacobianReportTests {
    func render(_ result: ExperimentResult) throws -> String {
        try HTMLReport.render(result, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
    }

    @Test func tableGivesCountSmallestMedianLargestAndCondition() throws {
        var result = seededResult()
        for i in result.runs.indices where result.runs[i].initializer == "he_normal" {
            result.runs[i].jacobian = JacobianSpectrum(singularValues: [4, 2, 1, 0.5])
        }
        for i in result.runs.indices where result.runs[i].initializer == "zeros" && result.runs[i].variant == "shallow" {
            result.runs[i].jacobian = JacobianSpectrum(singularValues: [0, 0, 0])
        }
        let rows = ReportModel.jacobianRows(RunSeries.of(result))
        #expect(rows.map(\.label) == ["He normal · shallow · seed 0", "He normal · deep · seed 0", "zeros · shallow · seed 0"])
        #expect(rows[0].count == "4" && rows[0].smallest == "0.5" && rows[0].median == "1.5" && rows[0].largest == "4")
        #expect(rows[0].condition == "8")
        #expect(rows[2].condition == "— (all 0)" && rows[2].median == "0")
        #expect(ReportModel.median([3, 1, 2].sorted()) == 2)

        let html = try render(result)
        let forecast = try #require(html.range(of: "<section id=\"forecast\">")).lowerBound
        let section = String(html[forecast...])
        #expect(section.contains("<h2>Before training</h2>"))  // no forecasts in this result: only the Jacobian
        #expect(section.contains("<h3 id=\"jacobian-at-init\">"))
        #expect(section.contains("<td class=\"num\">1.5</td><td class=\"num\">4</td><td class=\"num\">8</td>"))
        #expect(section.contains("every direction of the error signal is passed back"))
        #expect(section.contains("<figure id=\"jacobian\">"))
        let chart = try #require(ReportFigures().jacobianChart(for: result))
        #expect(chart.yScale == .log10)
        #expect(chart.series.count == 3 && chart.series[0].x == [1, 2, 3, 4] && chart.series[0].y == [4, 2, 1, 0.5])
    }

    @Test func noJacobianNoForecastNoSection() throws {
        let html = try render(seededResult())
        #expect(!html.contains("<section id=\"forecast\">"))
        #expect(!html.contains("jacobian-at-init"))
    }
}
