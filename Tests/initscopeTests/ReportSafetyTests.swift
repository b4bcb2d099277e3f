import Testing
import Foundation
import TestSupport

/// A hostile experiment end to end: every string a user or a data file controls — the
/// experiment's name and description, the data folder's and files' names, CSV headers and
/// class names — is made of markup, quotes and `javascript:`; report.html and compare.html must
/// escape all of it, keep a Content-Security-Policy that forbids scripts and network loads, and
/// still render.
@Suite(.serialized) struct ReportSafetyTests {
    static let script = "<script>alert(1)</script>"
    static let attributeBreak = "\"onmouseover=\"x"
    static let javascriptURL = "javascript:alert(1)"
    static let long = String(repeating: "Ж", count: 10_000)

    /// Runs the hostile experiment once and compares its result with itself; returns the folder.
    static let outcome = Result { () throws -> URL in
        let base = try FixturePaths.temporaryDirectory("hostile")
        // A data folder named with markup, quotes and a javascript: URL (no '/': it is one name).
        let data = base.appendingPathComponent("<img src=x onerror=alert(2)>\(attributeBreak) \(javascriptURL)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        // Class names and a header made of the same, quoted as CSV needs.
        let classes = [script, attributeBreak, javascriptURL]
        func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func yamlText(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var rows = ["\(csvField(script)),\(csvField(attributeBreak)),label"]
        for i in 0..<60 { rows.append("\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(csvField(classes[i % 3]))") }
        let csv = rows.joined(separator: "\n") + "\n"
        try Data(csv.utf8).write(to: data.appendingPathComponent("train \(script).csv".replacingOccurrences(of: "/", with: "_")))
        try Data(csv.utf8).write(to: data.appendingPathComponent("test.csv"))
        let config = data.appendingPathComponent("exp.yaml")
        try Data("""
            name: \(yamlText(script + attributeBreak + long))
            description: \(yamlText(javascriptURL + " " + long))
            data:
              source: csv
              train: \(yamlText("train \(script).csv".replacingOccurrences(of: "/", with: "_")))
              test: test.csv
              label_column: label
            network:
              hidden_sizes: [4]
            training:
              epochs: 1
              batch_size: 16
            initializers: [zeros, he_normal]
            probes:
              every: 2

            """.utf8).write(to: config)
        let output = base.appendingPathComponent("out")
        let run = try CommandLineTool.run(["run", config.path, "--jobs", "1", "--output", output.path])
        guard run.status == 0 else { throw RunFailed(message: run.standardError) }
        let metrics = output.appendingPathComponent("metrics.json").path
        let compare = try CommandLineTool.run(["compare", metrics, metrics, "--output", output.path])
        guard compare.status == 0 else { throw RunFailed(message: compare.standardError) }
        return output
    }

    struct RunFailed: Error, CustomStringConvertible { let message: String; var description: String { message } }

    static func page(_ name: String) throws -> String {
        try String(contentsOf: try outcome.get().appendingPathComponent(name), encoding: .utf8)
    }

    /// (attribute, value) for every double-quoted attribute in the page's tags.
    static func attributes(in html: String) -> [(name: String, value: String)] {
        let pattern = #/<[a-zA-Z][^>]*>/#
        let attribute = #/\s([a-zA-Z:-]+)\s*=\s*"([^"]*)"/#
        return html.matches(of: pattern).flatMap { tag in
            String(tag.output).matches(of: attribute).map { (String($0.output.1).lowercased(), String($0.output.2)) }
        }
    }

    @Test(arguments: ["report.html", "compare.html"])
    func hostileStringsAreEscapedAndNothingRuns(_ name: String) throws {
        let html = try Self.page(name)
        #expect(html.hasSuffix("</html>\n") || html.hasSuffix("</html>"), "page cut short")
        #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(html.range(of: "<img src=x", options: .caseInsensitive) == nil)
        #expect(!html.contains(Self.attributeBreak), "an attribute could be broken out of")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile name should be shown, escaped")
        for (attribute, value) in Self.attributes(in: html) {
            #expect(!attribute.hasPrefix("on"), "event handler attribute \(attribute)")
            if ["href", "src", "action", "formaction", "xlink:href"].contains(attribute) {
                let target = value.trimmingCharacters(in: .whitespaces).lowercased()
                #expect(target.hasPrefix("#") || target.hasPrefix("data:image/png;base64,")
                        || target.hasPrefix("data:application/gzip;base64,"), "\(attribute)=\(value.prefix(80))")
            }
        }
    }

    @Test(arguments: ["report.html", "compare.html"])
    func contentSecurityPolicyForbidsScriptsAndTheNetwork(_ name: String) throws {
        let html = try Self.page(name)
        let policies = Self.attributes(in: html).filter { $0.name == "content" && $0.value.contains("default-src") }
        #expect(policies.count == 1)
        let policy = policies.first?.value ?? ""
        #expect(policy.contains("default-src 'none'"))
        for loosening in ["script-src", "connect-src", "unsafe-eval", "http:", "https:", "*"] {
            #expect(!policy.contains(loosening), "CSP allows \(loosening): \(policy)")
        }
        // The policy comes before anything it governs.
        let meta = try #require(html.range(of: "http-equiv=\"Content-Security-Policy\""))
        #expect(html.range(of: "<body")?.lowerBound ?? html.endIndex > meta.lowerBound)
    }

    /// The experiment's name is 10 000 characters; the title carries it whole.
    @Test func theLongNameIsShownWholeAndTheURLAsText() throws {
        let html = try Self.page("report.html")
        #expect(html.contains("&lt;/script&gt;&quot;onmouseover=&quot;x" + Self.long + "</h1>")
                || html.contains("&lt;/script&gt;&quot;onmouseover=&quot;x" + Self.long + "</title>"))
        #expect(html.contains(Self.javascriptURL + "</dd>"), "the data folder's javascript: is text in the facts")
    }

    @Test(.enabled(if: Chromium.executable != nil, "chromium not installed; make test installs it"))
    func thePageRendersOfflineInABrowser() throws {
        let folder = try Self.outcome.get()
        let visit = try Chromium.visit(folder.appendingPathComponent("report.html"),
                                       screenshot: folder.appendingPathComponent("shot.png"), windowHeight: 900)
        #expect(visit.status == 0)
        #expect(visit.outsideRequests.isEmpty, "\(visit.outsideRequests)")
        let size = try #require(try Chromium.pngSize(visit.screenshot))
        #expect(size.width == 1280 && size.height == 900)
    }
}
