import Testing
import Foundation
import Experiments
import Charts
import Diagnostics
@testable import Report

/// Repeats (seeds) and variants: runs grouped into series, numbers as mean ± sample std,
/// curves as mean with a min–max band, details for one representative seed.
/// Expected numbers are worked out by hand from `seededResult()`'s recipe.
@Suite struct SeriesReportTests {
    func render(_ result: ExperimentResult, focusLayer: Int = 1) throws -> String {
        try HTMLReport.render(result, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1, focusLayer: focusLayer))
    }

    func section(_ id: String, of html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func runsGroupIntoSeriesByInitializerAndVariantInSeedOrder() {
        var result = seededResult()
        result.runs.swapAt(0, 2)  // seed 2 before seed 0: the config's order still wins
        let series = RunSeries.of(result)
        #expect(series.map(\.label) == ["He normal · shallow", "He normal · deep", "zeros · shallow", "zeros · deep"])
        #expect(series.allSatisfy { $0.seeds == [0, 1, 2] })
        #expect(series[0].representative.id == "he_normal@shallow#seed0")
        #expect(series[1].anchor == "run-he-normal--deep")
        #expect(series[0].label(of: series[0].runs[1]) == "He normal · shallow · seed 1")
    }

    @Test func seedStatisticsAreMeanAndSampleStandardDeviation() throws {
        let s = try #require(SeedStatistics([0.80, 0.82, 0.84]))
        #expect(abs(s.mean - 0.82) < 1e-12)
        #expect(abs((s.standardDeviation ?? 0) - 0.02) < 1e-12)  // √(2·0.02² / (3 − 1))
        #expect(s.min == 0.80 && s.max == 0.84)
        #expect(s.percent() == "82.00 ± 2.00%")
        let partial = try #require(SeedStatistics([0.5, 0.6, .nan]))
        #expect(partial.loss() == "0.5500 ± 0.0707 (2 of 3 seeds)")  // std √(2·0.05²/1)
        #expect(SeedStatistics([0.86])?.percent() == "86.00%")  // one seed: no ±
        #expect(SeedStatistics([.nan]) == nil)
    }

    @Test func envelopeIsMinMeanMaxOfTheFiniteSeedsAtEachIndex() {
        let e = SeedEnvelope([[1, 2, 3], [3, 4, .nan], [2, 9]])
        #expect(e.mean == [2, 5, 3])
        #expect(e.min == [1, 2, 3])
        #expect(e.max == [3, 9, 3])
        let none = SeedEnvelope([[.nan], [.infinity]])
        #expect(none.mean[0].isNaN && none.min[0].isNaN && none.max[0].isNaN)
    }

    @Test func leaderboardShowsMeanPlusMinusSampleStdAndSaysSo() throws {
        let html = try section("leaderboard", of: try render(seededResult()))
        #expect(html.contains("mean ± sample standard deviation"))
        // Ranked by mean accuracy; zeros' two variants tie at 12% and keep config order.
        let order = ["He normal · shallow", "He normal · deep", "zeros · shallow", "zeros · deep"].map { html.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        for cell in ["82.00 ± 2.00%", "0.6000 ± 0.1000", "72.00 ± 2.00%", "0.5500 ± 0.0707 (2 of 3 seeds)", "12.00 ± 2.00%",
                     "diverged in 1 of 3 seeds (seed 2 at step 50)", "<code>he_normal@deep</code>", "3.0 s"] {
            #expect(html.contains(cell), "leaderboard lacks \(cell)")
        }
    }

    @Test func lossChartsAreMeanCurvesWithMinMaxBands() throws {
        let charts = ReportFigures(scale: 1).charts(for: seededResult())
        let early = try #require(charts.first { $0.id == "loss-early" }?.chart as? LineChart)
        #expect(early.series.map(\.label).contains("He normal · deep (diverged: seed 2 at step 50)"))
        #expect(early.bandLegend == "shade: min–max over 3 seeds")
        let shallow = early.series[0]
        let band = try #require(shallow.band)
        // Step 1: the seeds' losses are 2.29, 2.39 and 2.49.
        #expect(abs(shallow.y[0] - 2.39) < 1e-5 && abs(band.lower[0] - 2.29) < 1e-5 && abs(band.upper[0] - 2.49) < 1e-5)
        // Step 50 of the deep network: seed 2 diverged, so only 1.8 and 1.9 count.
        let deep = early.series[1]
        #expect(abs(deep.y[49] - 1.85) < 1e-5 && abs((deep.band?.lower[49] ?? 0) - 1.8) < 1e-5 && abs((deep.band?.upper[49] ?? 0) - 1.9) < 1e-5)
        let accuracy = try #require(charts.first { $0.id == "accuracy" }?.chart as? BarChart)
        let best = accuracy.categories[0]
        #expect(best.label == "He normal · shallow")
        let range = try #require(best.ranges[1])
        #expect(abs(best.values[1] - 0.82) < 1e-12 && abs(range.lowerBound - 0.80) < 1e-12 && abs(range.upperBound - 0.84) < 1e-12)
        #expect(abs(best.values[0] - 0.77) < 1e-12)
    }

    @Test func singleSeedChartsHaveNoBands() throws {
        let charts = ReportFigures(scale: 1).charts(for: sampleResult())
        let early = try #require(charts.first?.chart as? LineChart)
        #expect(early.series.allSatisfy { $0.band == nil } && early.bandLegend == nil)
        let accuracy = try #require(charts.last?.chart as? BarChart)
        #expect(accuracy.categories.allSatisfy { $0.ranges.allSatisfy { $0 == nil } })
    }

    @Test func networksOfDifferentDepthsRenderAndCompareOnlyLayersTheyHave() throws {
        let result = seededResult()
        let html = try render(result, focusLayer: 5)  // only the deep network has a layer 5
        #expect(html.contains("2 networks without a layer 5 are left out."))
        #expect(html.contains("784-32-16-10 MLP, relu hidden, biases zeros"))
        #expect(html.contains("784-16-16-16-16-10 MLP, relu hidden, biases zeros"))
        #expect(throws: ReportError.focusLayerOutOfRange(layer: 6, layers: 5)) { try render(result, focusLayer: 6) }
        // One detail section per series, showing seed 0 with a table of every seed.
        #expect(html.components(separatedBy: "<details id=").count - 1 == 4)
        #expect(html.contains("<details id=\"run-zeros--deep\""))
        #expect(html.contains("the first of 3 seeds"))
        #expect(html.components(separatedBy: "<table class=\"seeds\">").count - 1 == 4)
    }

    @Test func factsListEveryNetworkSeedsAndTheValidationSplit() throws {
        var result = seededResult(withProbes: false)
        result.config.data.validationSplit = 0.1
        result.config.data.standardize = true
        result.config.optimizer.weightDecay = 1e-4
        result.config.variants[1].batchNorm = true
        result.runs = result.runs.map { run in
            var run = run
            if run.variant == "deep" { run.network?.batchNorm = true; run.network?.dropout = 0.2 }
            return run
        }
        let html = try render(result)
        for text in ["<dt>Network · shallow</dt>", "<dt>Network · deep</dt>", "BatchNorm before each hidden activation",
                     "dropout 0.2", "<dt>Seeds</dt><dd>0, 1, 2", "weight decay 0.0001", "10% of the training examples held out",
                     "standardized", "Validation accuracy", "Validation loss", "60000 train / 10000 validation",
                     "2 initializers × 2 networks × 3 seeds"] {
            #expect(html.contains(text), "page lacks \(text)")
        }
        #expect(!html.contains("Test accuracy"))
        #expect(SummaryMarkdown.render(result).contains("| # | initializer | validation accuracy | validation loss |"))
    }

    @Test func hostileVariantNamesAreEscapedEverywhere() throws {
        let hostile = "<script>alert(3)</script>"
        let result = seededResult(variants: ["shallow", hostile])
        let html = try render(result)
        #expect(!html.contains("<script>alert(3)"))
        #expect(html.contains("He normal · &lt;script&gt;alert(3)&lt;/script&gt;"))
        #expect(!html.contains("id=\"run-he-normal--<"))
        let markdown = SummaryMarkdown.render(result)
        #expect(markdown.contains("| He normal · <script>alert(3)</script> |"))  // Markdown: text, pipes escaped
    }

    @Test func lsuvIterationsAppearInTheRunDetails() throws {
        let html = try render(seededResult(lsuv: true))
        #expect(html.contains("LSUV iterations per layer to reach unit output variance (seed 0): 3, 2, 1"))
        #expect(html.contains("<td>3, 2, 3</td>"))  // seed 2's row
    }

    @Test func summaryMarkdownGivesMeanPlusMinusSpread() {
        let markdown = SummaryMarkdown.render(seededResult(withProbes: false))
        #expect(markdown.contains("2 initializers · Fashion-MNIST · 2 networks · 3 seeds (0, 1, 2)"))
        #expect(markdown.contains("mean ± sample standard deviation"))
        #expect(markdown.contains("| 1 | He normal · shallow | 82.00 ± 2.00% | 0.6 ± 0.1 | completed |"))
        #expect(markdown.contains("| 2 | He normal · deep | 72.00 ± 2.00% | 0.55 ± 0.071 (2 of 3 seeds) | diverged in 1 of 3 seeds (seed 2 at step 50) |"))
    }

    @Test func singleSeedPageKeepsItsStructure() throws {
        let html = try render(sampleResult())
        #expect(!html.contains("±") && !html.contains("table class=\"seeds\"") && !html.contains("<dt>Seeds</dt>"))
        #expect(html.contains("<dt>Seed</dt><dd>0</dd>"))
        #expect(html.contains("Runs sorted by final test accuracy. Chance is 10.00%.</p>"))
        #expect(html.contains("<td class=\"num accuracy\">86.00%"))
        #expect(html.contains("2 initializers · Fashion-MNIST · 784-256-128-10 MLP, relu hidden, biases zeros ·"))
        #expect(html.contains("<h2>Test accuracy and loss per epoch</h2>"))
    }
}

@Suite struct SeriesFindingsTests {
    @Test func aFindingInEverySeedIsOneRowNamingTheSeeds() throws {
        let result = seededResult(withProbes: false)
        func flat(_ run: RunResult) -> Finding {
            Finding(rule: "flat-loss", severity: .error, runID: run.id, initializer: run.initializer,
                    evidence: [Evidence("loss at the end", 2.3)], threshold: Threshold(key: "flat-loss.epsilon", value: 0.01),
                    explanation: "flat")
        }
        var withFindings = result
        let zeros = result.runs.filter { $0.initializer == "zeros" && $0.variant == "shallow" }
        let deep = result.runs.first { $0.id == "he_normal@deep#seed2" }
        // Twice per zeros run (like forecast's forward and backward): still one row per occurrence.
        withFindings.findings = zeros.map(flat) + zeros.map(flat) + [deep].compactMap { $0 }.map(flat)
        let html = try HTMLReport.render(withFindings, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
        let start = try #require(html.range(of: "<section id=\"findings\">"))
        let end = try #require(html.range(of: "<section id=\"facts\">"))
        let findings = String(html[start.lowerBound..<end.lowerBound])
        #expect(findings.components(separatedBy: "<tr class=\"finding").count - 1 == 3)
        #expect(!findings.contains("seeds 0, 0"))
        #expect(findings.contains("zeros · shallow · all 3 seeds"))
        #expect(findings.contains("He normal · deep · seed 2 of 3"))
        #expect(findings.contains("7 errors; 7 in runs not expected to fail. Counted per run"))
    }
}

@Suite struct EmbeddedMetricsTests {
    @Test func downloadKeepsEveryRunButOnlyTheDrawnSeedsProbesAndRebuildsTheSamePage() throws {
        let result = seededResult()
        let copy = EmbeddedMetrics.copy(of: result)
        #expect(copy.runs.count == 12)
        #expect(copy.runs.filter { $0.probes != nil }.map(\.id)
                == ["he_normal@shallow#seed0", "he_normal@deep#seed0", "zeros@shallow#seed0", "zeros@deep#seed0"])
        #expect(copy.findings == result.allFindings)
        #expect(copy.runs.map(\.history) == result.runs.map(\.history))
        let render = { (r: ExperimentResult) in
            try HTMLReport.render(r, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
        }
        let page = try render(result)
        #expect(page.contains("the probes of the seeds drawn here"))
        #expect(try render(copy) == page)  // `initscope report` on the download rebuilds this page
        #expect(EmbeddedMetrics.copy(of: sampleResult()) == sampleResult())  // one seed: the result itself
    }
}

/// The overview's identical-units column stays narrow for deep nets.
@Suite struct IdenticalUnitsTextTests {
    @Test func shallowNetsListEveryLayerDeepNetsOnlyTheFlaggedOnes() {
        #expect(ProbeFigures.identicalUnitsText([(0, 256), (3, 128)]) == "0/256, 3/128")
        #expect(ProbeFigures.identicalUnitsText(Array(repeating: (0, 128), count: 32)) == "none in 32 layers")
        let constant = Array(repeating: (256, 256), count: 5) + [(0, 256), (2, 256)]
        #expect(ProbeFigures.identicalUnitsText(constant) == "layers 1–5: 256/256, layer 7: 2/256 of 7 layers")
    }
}
