import Foundation

/// Writes one of the report's text files (report.html, compare.html, summary.md,
/// compare.md) into a folder, creating it, through a temporary file and a rename, so a
/// crash never leaves half a file.
enum ReportFile {
    @discardableResult
    static func write(_ text: String, named name: String, toFolder folder: URL) throws(ReportError) -> URL {
        let file = folder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw .unwritable(path: file.path, reason: (error as NSError).localizedDescription)
        }
        return file
    }
}
