import Testing
import Foundation
import TestSupport

/// The commands of docs/ci.md, run the way its workflows run them: a repository with a
/// commit on main (whose metrics.json becomes the baseline), then a change; the change's run
/// is compared with the baseline and the Markdown goes to the job summary.
@Suite struct CIWorkflowTests {
    func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.com"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func mainThenAChangeGivesASummaryAndAComparison() throws {
        let repo = try FixturePaths.temporaryDirectory()
        try git(["init", "-q", "-b", "main"], in: repo)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("ci"), withIntermediateDirectories: true)
        let config = """
            data: {source: idx, folder: \(FixtureData.subsetFolder.path), train_limit: 400}
            network: {hidden_sizes: [16]}
            training: {epochs: 1, batch_size: 50}
            initializers: [he_normal, zeros]
            probes: {every: 4}
            diagnostics: {expect_failure: [zeros]}
            """
        try Data(config.utf8).write(to: repo.appendingPathComponent("ci/initscope.yaml"))
        try git(["add", "."], in: repo)
        try git(["commit", "-q", "-m", "main"], in: repo)

        // On main: run, keep the baseline.
        let run = ["run", "ci/initscope.yaml", "--output", "Output", "--fail-on", "error"]
        let onMain = try CommandLineTool.run(run, in: repo)
        #expect(onMain.status == 0, "\(onMain.standardError)")
        let baseline = repo.appendingPathComponent("baseline")
        try FileManager.default.createDirectory(at: baseline, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Output/metrics.json"),
                                         to: baseline.appendingPathComponent("metrics.json"))

        // A change (not to the experiment): run again, compare with main's baseline.
        try Data("notes\n".utf8).write(to: repo.appendingPathComponent("NOTES.md"))
        try git(["add", "NOTES.md"], in: repo)
        try git(["commit", "-q", "-m", "change"], in: repo)
        let onChange = try CommandLineTool.run(run, in: repo)
        #expect(onChange.status == 0, "\(onChange.standardError)")
        let summary = try String(contentsOf: repo.appendingPathComponent("Output/summary.md"), encoding: .utf8)
        #expect(summary.contains("| he_normal") || summary.contains("He normal"))
        let compare = try CommandLineTool.run(["compare", "baseline/metrics.json", "Output/metrics.json", "--output", "Output"], in: repo)
        #expect(compare.status == 0, "\(compare.standardError)")
        #expect(compare.standardOutput.contains("he_normal"), "\(compare.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("Output/compare.html").path))
        // Each side names its own commit.
        let log = Process()
        log.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        log.arguments = ["git", "rev-parse", "--short=12", "HEAD~1", "HEAD"]
        log.currentDirectoryURL = repo
        let out = Pipe()
        log.standardOutput = out
        try log.run()
        let commits = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        log.waitUntilExit()
        let everything = compare.standardOutput + compare.standardError
        for commit in commits { #expect(everything.contains(commit), "no \(commit) in:\n\(everything)") }

        // The experiment itself changed: compare refuses (exit 2), as the workflow would report.
        try Data(config.replacingOccurrences(of: "hidden_sizes: [16]", with: "hidden_sizes: [8]").utf8)
            .write(to: repo.appendingPathComponent("ci/initscope.yaml"))
        let changedRun = try CommandLineTool.run(run + ["--output", "Changed"], in: repo)
        #expect(changedRun.status == 0, "\(changedRun.standardError)")
        let refused = try CommandLineTool.run(["compare", "baseline/metrics.json", "Changed/metrics.json"], in: repo)
        #expect(refused.status == 2 && refused.standardError.contains("--force"), "\(refused.standardError)")
    }
}
