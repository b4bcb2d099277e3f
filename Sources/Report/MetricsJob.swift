import Foundation
import Experiments

/// Encoding the result: the longest single task of a report (Foundation's JSONEncoder takes
/// a few tenths of a second on a probed suite), so it runs in the page's batch beside the
/// charts — and once, when the page embeds the result itself: then the bytes of
/// metrics.json are the download's bytes.
struct MetricsJob: Sendable {
    let result: ExperimentResult
    /// Keep the JSON: it is the metrics.json written beside the report.
    let keepsJSON: Bool
    /// Gzip the JSON into the page's download.
    let embeds: Bool
    /// The dataset fingerprint, when `result` comes without it because it is still being
    /// hashed: waited for and filled in before encoding.
    var fingerprint: (@Sendable () -> String)?

    /// What encoding `result` takes: one job when the download is the result itself, else
    /// one for metrics.json (when `keepingJSON`) and one for the trimmed download.
    static func jobs(for result: ExperimentResult, keepingJSON: Bool,
                     fingerprint: (@Sendable () -> String)? = nil) -> [MetricsJob] {
        guard let download = EmbeddedMetrics.trimmed(result) else {
            return [MetricsJob(result: result, keepsJSON: keepingJSON, embeds: true, fingerprint: fingerprint)]
        }
        return (keepingJSON ? [MetricsJob(result: result, keepsJSON: true, embeds: false, fingerprint: fingerprint)] : [])
            + [MetricsJob(result: download, keepsJSON: false, embeds: true, fingerprint: fingerprint)]
    }

    func run() throws(ReportError) -> MetricsOutput {
        var result = result
        if let fingerprint { result.dataset.fingerprint = fingerprint() }
        let json: Data
        do { json = try ResultsStore.encode(result) } catch { throw .metricsEncoding(error) }
        return MetricsOutput(json: keepsJSON ? json : nil, download: embeds ? MetricsDownload(json: json) : nil)
    }
}

/// What a `MetricsJob` made.
struct MetricsOutput: Sendable {
    var json: Data?
    var download: MetricsDownload?
}
