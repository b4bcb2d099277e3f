import Testing
import Foundation
import Experiments
import Report
import Training

/// A diverged run names its step and layer; an interrupted suite says first which runs
/// are missing and why — in report.html and in summary.md.
@Suite struct RunsThatGoWrongReportTests {
    func render(_ result: ExperimentResult) throws -> String {
        try HTMLReport.render(result, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
    }

    /// The sample's zeros run stopped at step 7 in layer 2's activations.
    func diverged() -> ExperimentResult {
        var result = sampleResult()
        result.runs[1].history.record(Divergence(step: 7, layer: 2, what: .activations))
        result.runs[1].history.epochs = []
        return result
    }

    /// The sample with two more planned runs missing, one abandoned part-way.
    func partial() -> ExperimentResult {
        var result = sampleResult()
        result.partial = true
        result.missingRuns = [
            MissingRun(id: "xavier_uniform#seed0", reason: "interrupted (SIGINT)", stepsTrained: 120, totalSteps: 938),
            MissingRun(id: "lecun_normal#seed0", reason: "interrupted (SIGINT)", stepsTrained: 0, totalSteps: 938),
        ]
        return result
    }

    @Test func aDivergedRunNamesItsStepAndLayerInTheReportAndSummary() throws {
        let html = try render(diverged())
        #expect(html.contains("zeros diverged at step 7 (layer 2&#39;s activations non-finite): the run stopped there.")
            || html.contains("zeros diverged at step 7 (layer 2&#x27;s activations non-finite): the run stopped there."))
        let summary = SummaryMarkdown.render(diverged())
        #expect(summary.contains("| diverged at step 7 (layer 2's activations non-finite) |"))
    }

    @Test func aPartialResultSaysFirstWhichRunsAreMissingAndWhy() throws {
        let html = try render(partial())
        let banner = try #require(html.range(of: "<section id=\"missing-runs\" class=\"partial-result\">"))
        let findings = try #require(html.range(of: "<section id=\"findings\">"))
        #expect(banner.lowerBound < findings.lowerBound)
        #expect(html.contains("<h2>Partial result: 2 of 4 runs missing — interrupted (SIGINT)</h2>"))
        #expect(html.contains("<li><code>xavier_uniform#seed0</code> — interrupted (SIGINT), stopped at step 120 of 938</li>"))
        #expect(html.contains("<li><code>lecun_normal#seed0</code> — interrupted (SIGINT), not started</li>"))
        #expect(html.contains("<title>Weight initialization report — udacity (partial)</title>"))

        let summary = SummaryMarkdown.render(partial())
        #expect(summary.contains("**Partial result: 2 of 4 runs missing — interrupted (SIGINT).** The runs below finished; these did not and are left out: `xavier_uniform#seed0` (stopped at step 120 of 938), `lecun_normal#seed0` (not started)."))
    }

    @Test func aCompleteResultHasNoBanner() throws {
        let html = try render(sampleResult())
        #expect(!html.contains("missing-runs\"") && !html.contains("(partial)"))
        #expect(!SummaryMarkdown.render(sampleResult()).contains("Partial result"))
    }

    @Test func aResultWithNoFinishedRunStillRenders() throws {
        var result = partial()
        result.runs = []
        let html = try render(result)
        #expect(html.contains("Partial result: 2 of 2 runs missing"))
    }
}
