import Testing
import Foundation
import Experiments
import Report
import Compression
import TestSupport

/// The page a teammate opens from an email: self-contained, escaped, written atomically.
@Suite struct HTMLReportTests {
    let hostile = "<script>alert(1)</script>"

    func render(_ result: ExperimentResult) throws -> String {
        try HTMLReport.render(result, templates: try TemplateSet.builtIn(), figures: ReportFigures(scale: 1))
    }

    /// Every value of `attribute` in the page's tags.
    func attributeValues(_ attribute: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: " \(attribute)=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            values.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return values
    }

    @Test func everyImageIsAnEmbeddedPNGAndNothingPointsOutside() throws {
        let html = try render(sampleResult())
        let sources = attributeValues("src", in: html)
        #expect(sources.count == 3)
        #expect(sources.allSatisfy { $0.hasPrefix("data:image/png;base64,") })
        #expect(attributeValues("href", in: html).allSatisfy { $0.hasPrefix("data:") || $0.hasPrefix("#") })
        for forbidden in ["http://", "https://", "//cdn", "<link", "<script", "@import", "url("] {
            #expect(!html.contains(forbidden), "page contains \(forbidden)")
        }
    }

    @Test func pageCarriesAContentSecurityPolicyForbiddingNetworkAndScripts() throws {
        let html = try render(sampleResult())
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;"#))
    }

    @Test func userStringsAreEscapedEverywhere() throws {
        let result = sampleResult(labels: [hostile, "\"><img src=x onerror=alert(2)>"], source: "/tmp/<b>data</b>/x.gz")
        let html = try render(result)
        #expect(!html.contains(hostile))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>data</b>"))
        #expect(attributeValues("src", in: html).allSatisfy { $0.hasPrefix("data:image/png;base64,") })
    }

    /// A path that reached the result with bytes that were not UTF-8 arrives as U+FFFD (the
    /// CLI refuses such arguments; a metrics.json from elsewhere may still carry them).
    @Test func aSourcePathDecodedFromBadBytesStillRenders() throws {
        let source = String(decoding: Array("/data/".utf8) + [0xFF, 0xFE] + Array("<i>/x.gz".utf8), as: UTF8.self)
        let html = try render(sampleResult(source: source))
        #expect(html.contains("/data/\u{FFFD}\u{FFFD}&lt;i&gt;") && !html.contains("<i>/x.gz"))
        #expect(html.hasSuffix("</html>\n") || html.hasSuffix("</html>"))
    }

    @Test func leaderboardIsSortedByFinalAccuracyAndShowsTheFacts() throws {
        let page = try render(sampleResult(labels: ["zeros-first", "best"]).withRunsSwapped())
        let html = try #require(page.range(of: "<section id=\"leaderboard\">").map { String(page[$0.lowerBound...]) })
        let best = try #require(html.range(of: "best"))
        let zeros = try #require(html.range(of: "zeros-first"))
        #expect(best.lowerBound < zeros.lowerBound)
        for fact in ["Haswell", "1 thread per run", "abc123", "Adam (lr 0.001", "Seed", "initscope run --preset udacity", "Download metrics.json.gz"] {
            #expect(page.contains(fact), "missing \(fact)")
        }
    }

    @Test func embeddedMetricsDecodeBackToTheResult() throws {
        let result = sampleResult()
        let html = try render(result)
        let uri = try #require(attributeValues("href", in: html).first { $0.hasPrefix("data:application/gzip;base64,") })
        let gzipped = try #require(Data(base64Encoded: String(uri.dropFirst("data:application/gzip;base64,".count))))
        let data = Data(try Zlib.inflate([UInt8](gzipped), outputLimit: 1 << 30))
        let folder = try FixturePaths.temporaryDirectory()
        try data.write(to: folder.appendingPathComponent("metrics.json"))
        #expect(try ResultsStore.read(folder.appendingPathComponent("metrics.json")) == result)
    }

    @Test func writeIsAtomicAndLeavesOnlyTheReport() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let file = try HTMLReport.write("<html></html>", toFolder: folder)
        #expect(file.lastPathComponent == "report.html")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }

    @Test func unwritableFolderIsATypedError() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        #expect(throws: ReportError.self) { try HTMLReport.write("x", toFolder: blocker) }
    }
}

extension ExperimentResult {
    /// The same result with its first two runs' histories exchanged (the second becomes best).
    func withRunsSwapped() -> ExperimentResult {
        var copy = self
        let first = copy.runs[0].history
        copy.runs[0].history = copy.runs[1].history
        copy.runs[1].history = first
        return copy
    }
}
