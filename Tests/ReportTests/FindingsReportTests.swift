import Testing
import Foundation
import Experiments
import Diagnostics
@testable import Report

/// The findings section of the page and summary.md.
@Suite struct FindingsReportTests {
    func render(_ result: ExperimentResult) throws -> String {
        try HTMLReport.render(result, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
    }

    @Test func findingsSectionComesFirstWithEvidenceAndTheExpectedTag() throws {
        let html = try render(sampleResult())
        let section = try #require(html.range(of: "<section id=\"findings\">"))
        let leaderboard = try #require(html.range(of: "<section id=\"leaderboard\">"))
        #expect(section.lowerBound < leaderboard.lowerBound)
        let findings = String(html[section.lowerBound..<leaderboard.lowerBound])
        #expect(findings.contains("<code>flat-loss</code>"))
        #expect(findings.contains("expected to fail"))
        #expect(findings.contains("threshold flat-loss.epsilon = 0.01"))
        #expect(findings.contains("1 error; 0 in runs not expected to fail."))
        #expect(findings.contains("href=\"#run-zeros\""))
    }

    /// One rule at the same step in layers 1–3 of one run is one row naming the span; a
    /// healthy run has no empty "expected" tag.
    @Test func consecutiveLayersOfOneRunAreOneRow() throws {
        var result = sampleResult()
        let runID = result.runs[1].id, initializer = result.runs[1].initializer
        func overflow(_ layer: Int) -> Finding {
            Finding(rule: "exploding-gradient", severity: .error, runID: runID, initializer: initializer, layer: layer,
                    firstStep: 3, lastStep: 3, evidence: [Evidence("non-finite ∂L/∂W values", Double(layer * 100))],
                    threshold: Threshold(key: "exploding-gradient.non_finite", value: 0), explanation: "Overflowed.")
        }
        result.findings = [overflow(1), overflow(2), overflow(3)]
        let rows = ReportModel.findingRows(result.findings ?? [], result: result)
        #expect(rows.count == 1)
        #expect(rows.first?.place == "layers 1–3")
        #expect(rows.first?.evidence == "layer 1: non-finite ∂L/∂W values = 100 (alike in layers 2–3)")
        let html = try render(result)
        #expect(html.contains("layers 1–3") && !html.contains("<small class=\"expected\"></small>"))
    }

    @Test func aHealthyExperimentSaysSo() throws {
        var result = sampleResult()
        result.config.initializers = ["he_normal"]
        result.runs = [result.runs[0]]
        result.findings = nil
        #expect(try render(result).contains("No rule fired"))
    }

    @Test func hostileLabelsAreEscapedInFindingsAndSummary() throws {
        let hostile = "<script>alert(1)</script>|x"
        let result = sampleResult(labels: ["He normal", hostile])
        let html = try render(result)
        #expect(!html.contains("<script>alert(1)"))
        let markdown = SummaryMarkdown.render(result)
        #expect(markdown.contains("<script>alert(1)</script>\\|x"))  // pipes cannot break the table
        #expect(markdown.contains("| ✖ error | `flat-loss` |"))
        #expect(markdown.contains("| 1 | He normal | 86.00% |"))
    }

    @Test func summaryIsWrittenAtomicallyNextToTheReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = try SummaryMarkdown.write(SummaryMarkdown.render(sampleResult()), toFolder: folder)
        #expect(file.lastPathComponent == "summary.md")
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("## initscope — udacity"))
        try? FileManager.default.removeItem(at: folder)
    }
}
