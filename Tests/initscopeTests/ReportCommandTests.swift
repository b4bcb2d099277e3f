import Testing
import Foundation
import TestSupport

@Suite struct ReportCommandTests {
    func smallRun() throws -> URL {
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "zeros,he_normal", "--epochs", "1",
            "--chart-scale", "1", "--output", output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("report.html"))
        return output
    }

    @Test func runWritesTheReportAndReportRebuildsItElsewhere() throws {
        let first = try smallRun()
        #expect(FileManager.default.fileExists(atPath: first.appendingPathComponent("report.html").path))
        let elsewhere = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run(["report", first.appendingPathComponent("metrics.json").path,
                                               "--output", elsewhere.path, "--chart-scale", "1"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOf: elsewhere.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("He normal") && html.contains("Leaderboard"))
        // Probes: the layer section is there and zero init's hidden units are all identical.
        #expect(html.contains("Inside the layers"))
        #expect(html.contains("<td class=\"num\">256/256, 128/128</td>"))
        #expect(html.contains("<td class=\"num\">0/256, 0/128</td>"))
        // Diagnostics and the static forecast: zeros' symmetry finding, the forecast table,
        // and each run's layer table with spectra from start to end.
        #expect(html.contains("<section id=\"findings\">") && html.contains("<code>symmetry</code>"))
        #expect(html.contains("<section id=\"forecast\">") && html.contains("signal vanishes, gradient vanishes"))
        #expect(html.contains("<table class=\"layers\">") && html.contains("layer 1 (784→256)"))
    }

    @Test func badTemplatesAreRefusedBeforeTraining() throws {
        let templates = try FixturePaths.temporaryDirectory()
        try Data("{{> nowhere}}".utf8).write(to: templates.appendingPathComponent("report.mustache"))
        let output = try FixturePaths.temporaryDirectory()
        let outcome = try CommandLineTool.run(["run", "--data", FixtureData.subsetFolder.path, "--templates", templates.path,
                                               "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("nowhere"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func foreignMetricsFileExitsTwo() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let file = folder.appendingPathComponent("metrics.json")
        try Data("[1, 2]".utf8).write(to: file)
        let outcome = try CommandLineTool.run(["report", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(file.path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }
}
