import Foundation
import Experiments
import Report

/// What `run` and `merge` leave in the output folder: metrics.json, report.html, summary.md
/// and the effective config.yaml, whose path `result.command` names so the experiment reruns.
/// `run --no-report` leaves out report.html (no charts are drawn).
enum ExperimentOutput {
    /// The config file written next to the report in `folder`.
    static func configFile(in folder: URL) -> URL { folder.appendingPathComponent("config.yaml") }

    /// Renders first, then writes each file atomically: a failure leaves no half report.
    /// Errors are one line for `failWithBadInput`. `htmlReport: false` skips the charts and
    /// report.html.
    static func write(_ result: ExperimentResult, to folder: URL, templates: TemplateSet,
                      figures: ReportFigures, htmlReport: Bool = true) throws(ExperimentOutputError) {
        let configFile = configFile(in: folder)
        do {
            let renderStart = ContinuousClock.now
            let html = htmlReport ? try HTMLReport.render(result, templates: templates, figures: figures) : nil
            let renderSeconds = renderStart.duration(to: .now) / .seconds(1)
            let metricsFile = try ResultsStore.write(result, toFolder: folder)
            let reportFile = try html.map { html throws(ReportError) in try HTMLReport.write(html, toFolder: folder) }
            let summaryFile = try SummaryMarkdown.write(SummaryMarkdown.render(result), toFolder: folder)
            do { try Data(ConfigFile.render(result.config).utf8).write(to: configFile, options: .atomic) } catch {
                throw ReportError.unwritable(path: configFile.path, reason: error.localizedDescription)
            }
            print("Wrote \(metricsFile.path)")
            if let reportFile {
                print("Wrote \(reportFile.path) (\(Console.size(of: reportFile)), charts and HTML built in "
                    + "\(String(format: "%.2f", renderSeconds)) s)")
            }
            print("Wrote \(summaryFile.path)")
            print("Wrote \(configFile.path) (the effective config: `\(result.command)` reruns it)")
        } catch let error as ReportError {
            throw ExperimentOutputError(description: error.description)
        } catch let error as ResultsError {
            throw ExperimentOutputError(description: error.description)
        } catch {
            throw ExperimentOutputError(description: "\(error)")
        }
    }
}

struct ExperimentOutputError: Error, CustomStringConvertible {
    let description: String
}
