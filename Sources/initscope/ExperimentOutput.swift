import Foundation
import Experiments
import Report

/// What `run` and `merge` leave in the output folder: metrics.json, report.html, summary.md
/// and the effective config.yaml, whose path `result.command` names so the experiment reruns.
enum ExperimentOutput {
    /// The config file written next to the report in `folder`.
    static func configFile(in folder: URL) -> URL { folder.appendingPathComponent("config.yaml") }

    /// Renders all four files first, then writes them together through `StagedWrite`: a
    /// failure (disk full, read-only folder) leaves the folder as it was — the previous
    /// report and metrics intact, nothing half-written. Errors are one line for `failWithBadInput`.
    static func write(_ result: ExperimentResult, to folder: URL, templates: TemplateSet, figures: ReportFigures,
                      writer: StagedWrite = StagedWrite()) throws(ExperimentOutputError) {
        let files: [OutputFile]
        do {
            files = [
                OutputFile(name: "metrics.json", data: try ResultsStore.encode(result)),
                OutputFile(name: HTMLReport.fileName, text: try HTMLReport.render(result, templates: templates, figures: figures)),
                OutputFile(name: SummaryMarkdown.fileName, text: SummaryMarkdown.render(result)),
                OutputFile(name: configFile(in: folder).lastPathComponent, text: ConfigFile.render(result.config)),
            ]
        } catch let error as ReportError {
            throw ExperimentOutputError(description: error.description)
        } catch let error as ResultsError {
            throw ExperimentOutputError(description: error.description)
        } catch {
            throw ExperimentOutputError(description: "\(error)")
        }
        let written: [URL]
        do { written = try writer.write(files, toFolder: folder) } catch {
            throw ExperimentOutputError(description: error.description)
        }
        let (metricsFile, reportFile, summaryFile, configFile) = (written[0], written[1], written[2], written[3])
        print("Wrote \(metricsFile.path)")
        print("Wrote \(reportFile.path) (\(Console.size(of: reportFile)))")
        print("Wrote \(summaryFile.path)")
        print("Wrote \(configFile.path) (the effective config: `\(result.command)` reruns it)")
    }
}

struct ExperimentOutputError: Error, CustomStringConvertible {
    let description: String
}
