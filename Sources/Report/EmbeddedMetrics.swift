import Foundation
import Experiments
import Compression

/// The metrics.json the page embeds for download. With one seed per series it is the result
/// itself. With several, the probes of the seeds not drawn in detail are left out (they are
/// two thirds of the file with three seeds and would push a 12-initializer report toward
/// 4 MB); every loss, epoch and finding stays, so `initscope report` on the download
/// rebuilds the same page. The complete file is the metrics.json written beside the report.
enum EmbeddedMetrics {
    static func copy(of result: ExperimentResult) -> ExperimentResult {
        trimmed(result) ?? result
    }

    /// The download when it differs from `result`; nil when the result is embedded as it
    /// is — then its metrics.json bytes are the download's bytes, and one encode serves both.
    static func trimmed(_ result: ExperimentResult) -> ExperimentResult? {
        let shown = Set(RunSeries.of(result).map(\.representative.id))
        guard result.runs.contains(where: { !shown.contains($0.id) && $0.probes != nil }) else { return nil }
        var copy = result
        copy.findings = result.allFindings  // the findings of the dropped probes are kept as found
        copy.runs = result.runs.map { run in
            var run = run
            if !shown.contains(run.id) { run.probes = nil }
            return run
        }
        return copy
    }

    /// Whether the download holds the probes of the drawn seeds only: some series has
    /// several seeds and probes were taken. True for the download itself too, so the page
    /// rebuilt from it says the same.
    static func isTrimmed(_ result: ExperimentResult) -> Bool {
        let series = RunSeries.of(result)
        return RunSeries.hasRepeats(series) && series.contains { $0.representative.probes != nil }
    }
}

/// The embedded metrics as the page links them: gzipped into a `data:` URI, with its sizes.
public struct MetricsDownload: Sendable {
    public let dataURI: String
    /// "512 KB gzipped, 2.2 MB unpacked".
    public let size: String

    public init(json: Data) {
        // Gzipped: with probes the JSON is megabytes and compresses several times over.
        let compressed = Zlib.gzip([UInt8](json), level: 6)  // level 9: 2× the time for 1% fewer bytes
        dataURI = DataURI.make(mediaType: "application/gzip", bytes: compressed)
        size = "\(Format.bytes(compressed.count)) gzipped, \(Format.bytes(json.count)) unpacked"
    }
}
