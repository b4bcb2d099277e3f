import Foundation
import Experiments

/// Writes one of the report's text files (report.html, compare.html, summary.md,
/// compare.md) into a folder, creating it, through `StagedWrite` (a temporary file, then a
/// rename), so neither a failure nor a crash leaves half a file.
enum ReportFile {
    @discardableResult
    static func write(_ text: String, named name: String, toFolder folder: URL) throws(ReportError) -> URL {
        do { return try StagedWrite().write([OutputFile(name: name, text: text)], toFolder: folder)[0] } catch {
            throw .output(error)
        }
    }
}
