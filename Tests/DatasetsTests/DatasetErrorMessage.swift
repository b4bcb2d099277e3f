import Datasets
import Testing

/// Checks the error's message: one line, names `path`, ends with a fix (mentions --data).
func expectHelpfulMessage(_ error: DatasetError, mentions path: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    let text = error.description
    #expect(text.contains(path), "message should name \(path): \(text)", sourceLocation: sourceLocation)
    #expect(!text.contains("\n"), "message should be one line: \(text)", sourceLocation: sourceLocation)
    #expect(text.contains("--data"), "message should end with a fix: \(text)", sourceLocation: sourceLocation)
    #expect(text.hasSuffix("."), "message should end with a sentence: \(text)", sourceLocation: sourceLocation)
}
