import Testing
import Foundation
import TestSupport

/// `initscope compare` as a CI job runs it: on a real metrics.json (one small run made once
/// per test process) and copies edited to simulate a regression or a different experiment.
@Suite struct CompareCommandTests {
    /// he_normal and zeros (expected to fail in the udacity preset), 784-16-10, one epoch.
    static let realRun = Result { () throws -> URL in
        let output = try FixturePaths.temporaryDirectory("initscope-compare-base")
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--inits", "he_normal,zeros", "--epochs", "1",
            "--hidden-sizes", "16", "--chart-scale", "1", "--output", output.path,
        ])
        guard outcome.status == 0 else { throw RunFailed(message: outcome.standardError) }
        return output.appendingPathComponent("metrics.json")
    }

    struct RunFailed: Error { let message: String }

    func metrics() throws -> URL { try Self.realRun.get() }

    /// A copy of the real metrics.json in a fresh folder, with `change` applied to its JSON.
    func edited(_ change: (inout [String: Any]) -> Void) throws -> URL {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: metrics())) as? [String: Any])
        change(&json)
        let file = try FixturePaths.temporaryDirectory("initscope-compare-head").appendingPathComponent("metrics.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        return file
    }

    /// Applies `change` to the run with `id` in a metrics.json object.
    func run(_ id: String, in json: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        guard var runs = json["runs"] as? [[String: Any]], let i = runs.firstIndex(where: { $0["id"] as? String == id }) else {
            Issue.record("no run \(id)")
            return
        }
        change(&runs[i])
        json["runs"] = runs
    }

    /// Lowers the run's final accuracy by `drop` (a fraction).
    func lowerAccuracy(of id: String, by drop: Double) -> (inout [String: Any]) -> Void {
        { json in
            self.run(id, in: &json) { run in
                var history = run["history"] as? [String: Any] ?? [:]
                var epochs = history["epochs"] as? [[String: Any]] ?? []
                let accuracy = epochs[epochs.count - 1]["testAccuracy"] as? Double ?? 0
                epochs[epochs.count - 1]["testAccuracy"] = accuracy - drop
                history["epochs"] = epochs
                run["history"] = history
            }
        }
    }

    @Test func sameResultTwiceExitsZeroWithTheMarkdownOnStandardOutput() throws {
        let output = try FixturePaths.temporaryDirectory()
        let file = try metrics()
        let outcome = try CommandLineTool.run(["compare", file.path, file.path, "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("## initscope compare — udacity\n\n**✔ No regression in 2 matched run(s)"))
        #expect(outcome.standardOutput.contains("| he_normal#seed0 |") && outcome.standardOutput.contains("| zeros#seed0 (expected to fail) |"))
        #expect(outcome.standardError.contains("base: commit ") && outcome.standardError.contains("BLAS "))
        #expect(!outcome.standardError.contains("warning:") && !outcome.standardError.contains("note:"))
        let markdown = try String(contentsOf: output.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(outcome.standardOutput == markdown + "\n")
        let html = try String(contentsOf: output.appendingPathComponent("compare.html"), encoding: .utf8)
        #expect(html.contains("Content-Security-Policy") && html.contains("He normal: training loss, base vs head"))
    }

    @Test func accuracyDropExitsOneAndWritesBesideHead() throws {
        let head = try edited(lowerAccuracy(of: "he_normal#seed0", by: 0.05))
        let outcome = try CommandLineTool.run(["compare", try metrics().path, head.path])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("**✖ 1 of 2 matched run(s) regressed"))
        #expect(outcome.standardOutput.contains("✖ accuracy −5.00 points (tolerance 1.00)"))
        let folder = head.deletingLastPathComponent()
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("compare.md").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("compare.html").path))

        let lenient = try CommandLineTool.run(["compare", try metrics().path, head.path, "--max-accuracy-drop", "0.1"])
        #expect(lenient.status == 0, "\(lenient.standardError)")
    }

    @Test func expectedFailureRegressingExitsZero() throws {
        let head = try edited(lowerAccuracy(of: "zeros#seed0", by: 0.05))
        let outcome = try CommandLineTool.run(["compare", try metrics().path, head.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("expected to fail: accuracy −5.00 points"))
    }

    @Test func differentConfigExitsTwoUnlessForced() throws {
        let head = try edited { json in json["configHash"] = "ffffffffffffffff" }
        let refused = try CommandLineTool.run(["compare", try metrics().path, head.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.hasPrefix("error: The configs differ: config hash ") && refused.standardError.contains("--force"))
        #expect(refused.standardOutput.isEmpty)
        let forced = try CommandLineTool.run(["compare", try metrics().path, head.path, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(forced.standardError.contains("note: The configs differ"))
    }

    @Test func differentDataExitsTwo() throws {
        let head = try edited { json in
            var dataset = json["dataset"] as? [String: Any] ?? [:]
            dataset["fingerprint"] = "0000000000000000"
            json["dataset"] = dataset
        }
        let refused = try CommandLineTool.run(["compare", try metrics().path, head.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("The datasets differ") && refused.standardError.contains("--force"))
    }

    @Test func olderFileWithoutHashesComparesWithANote() throws {
        let head = try edited { json in
            json["configHash"] = nil
            var dataset = json["dataset"] as? [String: Any] ?? [:]
            dataset["fingerprint"] = nil
            json["dataset"] = dataset
        }
        let outcome = try CommandLineTool.run(["compare", try metrics().path, head.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("note: Head records no config hash"))
    }

    @Test func differentBLASIsOnlyAWarning() throws {
        let head = try edited { json in
            var machine = json["machine"] as? [String: Any] ?? [:]
            machine["blasCore"] = "SomeOtherKernel"
            json["machine"] = machine
        }
        let outcome = try CommandLineTool.run(["compare", try metrics().path, head.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("warning: BLAS kernels differ"))
        #expect(outcome.standardOutput.contains("> ⚠ BLAS kernels differ"))
    }

    @Test func unusableInputExitsTwo() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let corrupt = folder.appendingPathComponent("metrics.json")
        try Data("{\"schemaVersion\": 1".utf8).write(to: corrupt)
        let base = try metrics().path
        let renamed = try edited { json in
            json["runs"] = (json["runs"] as? [[String: Any]] ?? []).map { run in
                var run = run
                run["id"] = "other-" + (run["id"] as? String ?? "")
                return run
            }
        }
        let cases: [([String], String)] = [
            (["compare", base, corrupt.path], "is not an initscope metrics file"),
            (["compare", base, folder.appendingPathComponent("missing.json").path], "Cannot read"),
            (["compare", base, renamed.path], "No run in common"),
            (["compare", base, base, "--max-accuracy-drop", "5"], "--max-accuracy-drop is a fraction"),
            (["compare", base], "Missing expected argument"),
        ]
        for (arguments, message) in cases {
            let outcome = try CommandLineTool.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
        }
    }

    @Test func helpTeachesMatchingExitStatusesAndCI() throws {
        let outcome = try CommandLineTool.run(["compare", "--help"])
        #expect(outcome.status == 0)
        for text in ["initializer, variant and seed", "Exit status: 0 no regression", "GITHUB_STEP_SUMMARY",
                     "--max-accuracy-drop", "--force", "folder of HEAD's metrics.json"] {
            #expect(outcome.standardOutput.contains(text), "help lacks \(text)")
        }
    }
}
