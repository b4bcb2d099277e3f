import ArgumentParser
import Foundation
import Experiments
import Report

/// `initscope report METRICS.json`: rebuild the HTML report without retraining.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild report.html from a metrics.json, without retraining.",
        discussion: """
            Reads a metrics.json written by `initscope run` and writes report.html (charts,
            leaderboard, per-epoch table, the metrics embedded for download) into --output,
            by default the folder the metrics file is in.

            Example:
              initscope report Output/metrics.json --templates my-templates/

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("metrics.json written by `initscope run`.", valueName: "metrics.json"))
    var metrics: String

    @Option(help: ArgumentHelp("Folder for report.html (default: the folder of metrics.json).", valueName: "dir"))
    var output: String?

    @OptionGroup var report: ReportOptions

    func run() throws {
        let file = URL(fileURLWithPath: metrics)
        let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? file.deletingLastPathComponent()
        if let problem = OutputFolder.problem(folder) { throw failWithBadInput(problem) }
        do {
            let templates = try report.loadTemplates()
            let result = try ResultsStore.read(file)
            let html = try HTMLReport.render(result, templates: templates, figures: report.figures)
            let written = try HTMLReport.write(html, toFolder: folder)
            print("Wrote \(written.path) (\(Console.size(of: written)))")
        } catch let error as ReportError {
            throw failWithBadInput(error.description)
        } catch let error as ResultsError {
            throw failWithBadInput(error.description)
        }
    }
}
