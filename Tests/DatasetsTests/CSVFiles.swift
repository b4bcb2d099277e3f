import Datasets
import Foundation
import Testing
import TestSupport

/// Writing small CSV files for the reader's tests.
enum CSVFiles {
    /// Writes `text` (UTF-8, byte for byte) as `name` in a fresh temporary folder.
    static func write(_ text: String, name: String = "data.csv") throws -> URL {
        try write(Array(text.utf8), name: name)
    }

    static func write(_ bytes: [UInt8], name: String = "data.csv") throws -> URL {
        let url = try FixturePaths.temporaryDirectory("csv").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}

/// A CSV or settings error message: one line, naming `location` (e.g. "/tmp/x.csv:3:2"), ending
/// with a sentence that says what to do.
func expectCSVMessage(_ error: DatasetError, mentions location: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    let text = error.description
    #expect(text.contains(location), "message should name \(location): \(text)", sourceLocation: sourceLocation)
    #expect(!text.contains("\n"), "message should be one line: \(text)", sourceLocation: sourceLocation)
    #expect(text.hasSuffix("."), "message should end with a sentence: \(text)", sourceLocation: sourceLocation)
    let sentences = text.split(separator: ". ")
    #expect(sentences.count >= 2 || text.contains("expected"), "message should say the fix: \(text)",
            sourceLocation: sourceLocation)
}
