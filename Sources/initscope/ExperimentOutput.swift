import Foundation
import Experiments
import Report

/// What `run` and `merge` leave in the output folder: metrics.json, report.html, summary.md
/// and the effective config.yaml, whose path `result.command` names so the experiment reruns.
/// `run --no-report` leaves out report.html (no charts are drawn).
enum ExperimentOutput {
    /// The config file written next to the report in `folder`.
    static func configFile(in folder: URL) -> URL { folder.appendingPathComponent("config.yaml") }

    /// Renders all the files first, then writes them together through `StagedWrite`: a
    /// failure (disk full, read-only folder) leaves the folder as it was — the previous
    /// report and metrics intact, nothing half-written. Errors are one line for
    /// `failWithBadInput`. `htmlReport: false` (`run --no-report`) draws no charts and writes
    /// no report.html.
    ///
    /// `fingerprint`: the dataset fingerprint when `result` comes without it, still being
    /// hashed (`PendingFingerprint`): the charts are drawn meanwhile, and metrics.json waits
    /// for it (summary.md and config.yaml do not show it). `drawnEarly`: figures drawn while
    /// the last runs trained, taken instead of drawn again.
    static func write(_ result: ExperimentResult, fingerprint: (@Sendable () -> String)? = nil, to folder: URL,
                      templates: TemplateSet, figures: ReportFigures, drawnEarly: EarlyFigures? = nil,
                      htmlReport: Bool = true, writer: StagedWrite = StagedWrite()) throws(ExperimentOutputError) {
        var files: [OutputFile]
        var renderSeconds = 0.0
        do {
            if htmlReport {
                // One batch encodes metrics.json (once, also for the page's download) while
                // the charts are drawn.
                let renderStart = ContinuousClock.now
                let page = try HTMLReport.renderWithMetricsJSON(result, templates: templates, figures: figures,
                                                                fingerprint: fingerprint, drawnEarly: drawnEarly)
                renderSeconds = renderStart.duration(to: .now) / .seconds(1)
                files = [OutputFile(name: "metrics.json", data: page.metricsJSON),
                         OutputFile(name: HTMLReport.fileName, text: page.html)]
            } else {
                var complete = result
                if let fingerprint { complete.dataset.fingerprint = fingerprint() }
                files = [OutputFile(name: "metrics.json", data: try ResultsStore.encode(complete))]
            }
            files += [
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
        for file in written {
            switch file.lastPathComponent {
            case HTMLReport.fileName:
                let reused = drawnEarly?.reusedCount ?? 0
                let early = reused == 0 ? "" : "\(reused) chart\(reused == 1 ? "" : "s") drawn while the last runs trained, "
                print("Wrote \(file.path) (\(Console.size(of: file)), \(early)charts and HTML built in "
                    + "\(String(format: "%.2f", renderSeconds)) s)")
            case configFile(in: folder).lastPathComponent:
                print("Wrote \(file.path) (the effective config: `\(result.command)` reruns it)")
            default:
                print("Wrote \(file.path)")
            }
        }
    }
}

struct ExperimentOutputError: Error, CustomStringConvertible {
    let description: String
}
