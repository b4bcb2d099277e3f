import Testing
import Foundation
import Experiments
import TestSupport

/// A sweep split over machines: `run CONFIG --shard K/N` in separate processes, then `merge`,
/// gives the single-machine metrics.json apart from timings, and a missing or doubled shard
/// is refused by id.
@Suite struct ShardMergeCommandTests {
    var config: String {
        """
        data:
          source: idx
          folder: \(FixtureData.subsetFolder.path)
          train_limit: 300
        network:
          hidden_sizes: [16]
        training:
          epochs: 1
          batch_size: 50
        seeds: [0, 1]
        initializers: [he_normal, zeros, "uniform(-1,1)"]
        variants:
          - name: narrow
          - name: deep
            hidden_sizes: [16, 16]
        probes:
          every: 2
        diagnostics:
          expect_failure: [zeros]
        """
    }

    /// Timings, dates, the machine's job count and the command (it names the output folder).
    func comparable(_ folder: URL) throws -> Data {
        var r = try ResultsStore.read(folder.appendingPathComponent("metrics.json"))
        r.createdAt = ""; r.wallSeconds = 0; r.sumOfRunSeconds = 0; r.machine.jobs = 0; r.command = ""
        for i in r.runs.indices {
            r.runs[i].seconds = 0
            r.runs[i].history.trainSeconds = 0
            r.runs[i].history.evaluationSeconds = 0
            for e in r.runs[i].history.epochs.indices { r.runs[i].history.epochs[e].trainSeconds = 0 }
        }
        return try ResultsStore.encode(r)
    }

    @Test func shardsInSeparateProcessesMergeIntoTheSingleMachineResult() throws {
        let folder = try FixturePaths.temporaryDirectory()
        let file = folder.appendingPathComponent("sweep.yaml")
        try Data(config.utf8).write(to: file)
        let single = folder.appendingPathComponent("single"), shards = folder.appendingPathComponent("runs")
        let merged = folder.appendingPathComponent("merged")
        let one = try CommandLineTool.run(["run", file.path, "--output", single.path])
        #expect(one.status == 0, "\(one.standardError)")
        for k in 1...3 {
            let shard = try CommandLineTool.run(["run", file.path, "--shard", "\(k)/3", "--output", shards.path, "--jobs", "1"])
            #expect(shard.status == 0, "\(shard.standardError)")
            #expect(FileManager.default.fileExists(atPath: shards.appendingPathComponent("shard-\(k).json").path))
            #expect(!FileManager.default.fileExists(atPath: shards.appendingPathComponent("report.html").path))
        }
        let plan = try CommandLineTool.run(["plan", file.path, "--shards", "3"])
        #expect(plan.status == 0 && plan.standardOutput.contains("uniform(-1,1)@deep#seed1"), "\(plan.standardOutput)")
        let files = (1...3).map { shards.appendingPathComponent("shard-\($0).json").path }
        let merge = try CommandLineTool.run(["merge"] + files.reversed() + ["--output", merged.path])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(try comparable(merged) == comparable(single))
        #expect(FileManager.default.fileExists(atPath: merged.appendingPathComponent("report.html").path))

        // Shard 2 missing: refused, naming the runs and the shard.
        let missing = try CommandLineTool.run(["merge", files[0], files[2], "--output", folder.appendingPathComponent("m2").path])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("Runs missing from the shards") && missing.standardError.contains("Missing shard 2/3"),
                "\(missing.standardError)")
        let twice = try CommandLineTool.run(["merge", files[0], files[0], files[1], files[2], "--output", folder.appendingPathComponent("m3").path])
        #expect(twice.status == 2 && twice.standardError.contains("Shard 1 appears twice"), "\(twice.standardError)")
        let notShard = try CommandLineTool.run(["merge", single.appendingPathComponent("metrics.json").path, "--output", folder.appendingPathComponent("m4").path])
        #expect(notShard.status == 2 && notShard.standardError.contains("is not a shard file"))
    }

    @Test(arguments: ["0/2", "3/2", "x", "1/0"])
    func badShardSpecsExitTwo(_ spec: String) throws {
        let outcome = try CommandLineTool.run(["run", "--shard", spec, "--output", try FixturePaths.temporaryDirectory().path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--shard"), "\(outcome.standardError)")
    }
}
