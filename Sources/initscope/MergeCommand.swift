import ArgumentParser
import Foundation
import Experiments
import Report
import Diagnostics

/// `initscope merge runs/shard-*.json --output DIR`: one metrics.json and report from shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard files of `run CONFIG --shard K/N` into one metrics.json and report.",
        discussion: """
            Checks that the files are shards of one experiment (same config, data fingerprint \
            and histogram ranges) and that every planned run is there exactly once; a missing \
            or duplicated shard or run is named by id. A partial shard (interrupted by Ctrl-C) \
            is refused: rerun that shard. The result equals a single-machine run \
            of the same config apart from timings: runs in plan order, findings diagnosed \
            again, wall time the slowest shard's.

            Examples:
              initscope merge runs/shard-*.json --output Output
              initscope merge /shared/sweep/shard-*.json --output report --fail-on error

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("Shard files written by `initscope run CONFIG --shard K/N`.", valueName: "shard.json"))
    var shardFiles: [String]

    @Option(help: ArgumentHelp("Folder for metrics.json, report.html, summary.md and config.yaml.", valueName: "dir"))
    var output: String = "Output"

    @OptionGroup var report: ReportOptions

    @Option(help: "Exit with status 1 for findings at this level in runs not expected to fail: error, warning or never (default never).")
    var failOn: FailOn = .never

    func run() throws {
        let outputFolder = URL(fileURLWithPath: output, isDirectory: true)
        if let problem = OutputFolder.problem(outputFolder) { throw failWithBadInput(problem) }
        let templates: TemplateSet
        do { templates = try report.loadTemplates() } catch { throw failWithBadInput(error.description) }
        var inputs: [ShardMerge.Input] = []
        for path in shardFiles {
            do { inputs.append(ShardMerge.Input(path: path, result: try ResultsStore.read(URL(fileURLWithPath: path)))) } catch {
                throw failWithBadInput(error.description)
            }
        }
        var result: ExperimentResult
        do { result = try ShardMerge.merge(inputs) } catch { throw failWithBadInput(error.description) }
        result.command = "initscope run " + shellQuoted(ExperimentOutput.configFile(in: outputFolder).path)
        print("Merged \(inputs.count) shard file(s): \(result.runs.count) run(s) of \(result.config.name).")
        print(ResultsTable.render(result))
        let findings = result.allFindings
        if !findings.isEmpty { print(FindingsList.render(findings)) }
        do { try ExperimentOutput.write(result, to: outputFolder, templates: templates, figures: report.figures) } catch {
            throw failWithBadInput(error.description)
        }
        let failing = failOn.failing(findings)
        if !failing.isEmpty {
            Console.note(FailOn.verdict(failing, level: failOn))
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}
