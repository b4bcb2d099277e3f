import Testing
import Foundation
import Experiments
import Diagnostics
@testable import Report

@Suite struct CompareReportTests {
    static let hostile = "evil|<script>alert(1)</script>`x`"

    /// sampleResult on both sides, head's first run 3 points worse and with a new error finding.
    func regressed(labels: [String] = ["He normal", "zeros"]) throws -> (ExperimentResult, ExperimentResult, ResultComparison) {
        var base = sampleResult(labels: labels)
        base.findings = []
        var head = base
        head.runs[0].history.epochs[1].testAccuracy -= 0.03
        head.findings = [Finding(rule: "symmetry", severity: .error, runID: head.runs[0].id, initializer: head.runs[0].initializer,
                                 layer: 1, firstStep: 0, lastStep: 10, evidence: [Evidence("identical units", 256)],
                                 threshold: Threshold(key: "symmetry.identical", value: 2),
                                 explanation: "Units | are <b>identical</b>.")]
        return (base, head, try ResultComparison.compare(base: base, head: head, basePath: "base/metrics.json",
                                                         headPath: "head/metrics.json"))
    }

    /// Table rows of `markdown` split on unescaped pipes.
    func cells(_ row: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in row {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; current.append(character); continue }
            if character == "|" { cells.append(current); current = ""; continue }
            current.append(character)
        }
        cells.append(current)
        return cells
    }

    @Test func markdownLeadsWithTheVerdictThenTheTableThenTheFindings() throws {
        let (_, _, comparison) = try regressed()
        let markdown = CompareMarkdown.render(comparison)
        let lines = markdown.components(separatedBy: "\n")
        #expect(lines[0] == "## initscope compare — udacity")
        #expect(lines[2] == "**✖ 1 of 2 matched run(s) regressed (accuracy drop over 1.00 point(s), a new divergence or a new error finding).**")
        let order = ["| run | base accuracy", "| run0 | 86.00% | 83.00% | −3.00 |", "### New findings in head (1)",
                     "| ✖ error | `symmetry` | run0 |", "### Resolved in head (0)", "### Compared",
                     "- base: base/metrics.json — commit abc123 · initscope 0.1.0 · BLAS Haswell, 1 thread(s) per run"]
        let positions = order.map { markdown.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! })
        #expect(markdown.contains("✖ accuracy −3.00 points (tolerance 1.00); new error symmetry at layer 1"))
        #expect(markdown.contains("Note: Base records no dataset fingerprint") || markdown.contains("Note: Neither file records a dataset fingerprint"))
    }

    @Test func markdownEscapesHostileNamesInEveryCell() throws {
        var (base, head, _) = try regressed()
        for i in base.runs.indices {
            base.runs[i].id = Self.hostile + "#seed\(i)"
            head.runs[i].id = Self.hostile + "#seed\(i)"
        }
        head.findings = head.findings?.map { var f = $0; f.runID = head.runs[0].id; return f }
        head.gitCommit = "<img src=x onerror=alert(2)>"
        let comparison = try ResultComparison.compare(base: base, head: head, basePath: "a|b/<i>m</i>.json", headPath: "h.json")
        let markdown = CompareMarkdown.render(comparison)
        #expect(!markdown.contains("<script>") && !markdown.contains("<img") && !markdown.contains("<b>") && !markdown.contains("<i>"))
        #expect(markdown.contains("evil\\|&lt;script&gt;alert(1)&lt;/script&gt;\\`x\\`#seed0"))
        let rows = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("|") }
        // The run table (header, separator, two runs), then the new finding's table (header, separator, one).
        #expect(rows.count == 7, "\(rows)")
        #expect(rows.prefix(4).allSatisfy { cells($0).count == 11 }, "\(rows.prefix(4).map { cells($0).count })")
        #expect(rows.suffix(3).allSatisfy { cells($0).count == 9 }, "\(rows.suffix(3).map { cells($0).count })")
    }

    @Test func markdownTextEscapesBackslashesBeforePipes() {
        #expect(CompareMarkdown.text(#"a\|b"#) == #"a\\\|b"#)
        #expect(CompareMarkdown.text("x\ny & <z>") == "x y &amp; &lt;z&gt;")
    }

    @Test func htmlIsSelfContainedAndEscapesEverything() throws {
        var (base, head, _) = try regressed(labels: [Self.hostile, "\"><img src=x onerror=alert(2)>"])
        base.runs[0].id = Self.hostile + "#seed0"
        head.runs[0].id = Self.hostile + "#seed0"
        head.findings = head.findings?.map { var f = $0; f.runID = head.runs[0].id; return f }
        let comparison = try ResultComparison.compare(base: base, head: head, basePath: "/tmp/<b>base</b>.json", headPath: "h.json")
        let html = try CompareReport.render(comparison, base: base, head: head, figures: CompareFigures(scale: 1))
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;"#))
        let sources = HTMLReportTests().attributeValues("src", in: html)
        #expect(sources.count == 2 && sources.allSatisfy { $0.hasPrefix("data:image/png;base64,") })
        #expect(HTMLReportTests().attributeValues("href", in: html).allSatisfy { $0.hasPrefix("data:") || $0.hasPrefix("#") })
        for forbidden in ["http://", "https://", "<link", "<script", "@import", "url(", "<img src=x", "<b>"] {
            #expect(!html.contains(forbidden), "page contains \(forbidden)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains(#"<p class="verdict fail">✖ 1 of 2 matched run(s) regressed"#))
        #expect(html.contains("<code>symmetry</code>") && html.contains("Units | are &lt;b&gt;identical&lt;/b&gt;."))
    }

    @Test func oneChartPerSeriesBaseDashedHeadSolid() throws {
        let base = seededResult()
        var head = base
        head.gitCommit = "def456"
        let comparison = try ResultComparison.compare(base: base, head: head)
        let charts = CompareFigures().charts(comparison: comparison, base: base, head: head)
        #expect(charts.count == 4)  // he_normal and zeros × shallow and deep, three seeds each
        for item in charts {
            #expect(item.chart.series.count == 2)
            #expect(item.chart.series[0].dash == [6, 3] && item.chart.series[0].label == "base (abc123) (mean of 3 seeds)")
            #expect(item.chart.series[1].dash == [] && item.chart.series[1].label == "head (def456) (mean of 3 seeds)")
            #expect(item.chart.series.allSatisfy { $0.band != nil })
        }
        #expect(charts[0].chart.title == "He normal · shallow: training loss, base vs head")
    }

    @Test func flaggedGradientShiftsAreTabulated() throws {
        let base = seededResult()
        var head = base
        for l in head.runs[0].probes!.layers.indices {
            let last = head.runs[0].probes!.layers[l].snapshots.count - 1
            head.runs[0].probes!.layers[l].snapshots[last].weightGradient.l2 *= l == 0 ? 3 : 1
        }
        let comparison = try ResultComparison.compare(base: base, head: head)
        let model = CompareModel(comparison: comparison, figures: [], css: "", generator: "initscope test")
        #expect(model.hasShifts && model.shifts.count == 1)
        #expect(model.shifts[0].run == "he_normal@shallow#seed0" && model.shifts[0].layer == "layer 1 (784→32)")
        #expect(model.shifts[0].ratio == "×3.00")
        #expect(model.rows[0].shifts == "⚑ layer 1 ×3.00" && model.rows[1].shifts == "within ×2")
        #expect(model.verdictClass == "pass")
    }

    @Test func writeLeavesBothFilesInTheFolder() throws {
        let (base, head, comparison) = try regressed()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        try CompareMarkdown.write(CompareMarkdown.render(comparison), toFolder: folder)
        try CompareReport.write(try CompareReport.render(comparison, base: base, head: head, figures: CompareFigures(scale: 1)),
                                toFolder: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["compare.html", "compare.md"])
    }
}
