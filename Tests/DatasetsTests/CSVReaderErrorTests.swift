import Datasets
import Foundation
import Testing
import TestSupport

/// Every way a CSV file is refused: the exact error, and a one-line message that names the
/// file (with line and column where there is a cell) and the fix.
@Suite struct CSVReaderErrorTests {
    /// Loads `text` as the training file and expects `error(path)`; the message must name
    /// `location(path)` (default: the path).
    private func expectError(_ text: String, labelColumn: CSVSource.LabelColumn = .index(0), header: Bool? = nil,
                             _ error: (String) -> DatasetError, location: (String) -> String = { $0 },
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = try CSVFiles.write(text)
        let expected = error(file.path)
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try CSVReader.load(train: file, labelColumn: labelColumn, header: header)
        }
        expectCSVMessage(expected, mentions: location(file.path), sourceLocation: sourceLocation)
    }

    @Test func emptyFile() throws {
        try expectError("") { .csvEmpty(path: $0) }
        try expectError("\n\r\n\n") { .csvEmpty(path: $0) }
    }

    @Test func headerOnly() throws {
        try expectError("label,a,b\n") { .csvHeaderOnly(path: $0) }
    }

    @Test func raggedRow() throws {
        try expectError("0,1,2\n1,2\n") { .csvRaggedRow(path: $0, line: 2, fields: 2, expected: 3) }
            location: { "\($0):2" }
        try expectError("0,1\n\n1,2,3\n") { .csvRaggedRow(path: $0, line: 3, fields: 3, expected: 2) }
        // Found by `make fuzz`: a short first data row after a header trapped (index out of
        // range) when its label column was read before the row's width was checked.
        try expectError("a,b,label\n1,2\n", labelColumn: .index(-1)) {
            .csvRaggedRow(path: $0, line: 2, fields: 2, expected: 3)
        }
        try expectError("x,y,z\n0\n", header: true) { .csvRaggedRow(path: $0, line: 2, fields: 1, expected: 3) }
        #expect(DatasetError.csvRaggedRow(path: "/d.csv", line: 2, fields: 2, expected: 3).description
                == "/d.csv:2: row has 2 fields, expected 3 like the first row. "
                + "Quote fields that contain commas, or fix the row.")
    }

    @Test func nonNumericCell() throws {
        try expectError("y,a,b\n0,1,2\n1,3,oops\n") { .csvNotANumber(path: $0, line: 3, column: 3, text: "oops") }
            location: { "\($0):3:3" }
        try expectError("0,1,2\n1,1,\n") { .csvNotANumber(path: $0, line: 2, column: 3, text: "") }
        try expectError("0,1\n1,1.2.3\n") { .csvNotANumber(path: $0, line: 2, column: 2, text: "1.2.3") }
        try expectError("0,1\n1,0x10\n") { .csvNotANumber(path: $0, line: 2, column: 2, text: "0x10") }
        try expectError("0,1\n1,1e\n") { .csvNotANumber(path: $0, line: 2, column: 2, text: "1e") }
        try expectError("0,1\n1,-\n") { .csvNotANumber(path: $0, line: 2, column: 2, text: "-") }
        try expectError("x,y\n0,\"1\"\"\"\n") { .csvNotANumber(path: $0, line: 2, column: 2, text: "1\"") }
    }

    @Test func longCellIsCutInTheMessage() throws {
        let long = String(repeating: "z", count: 100)
        try expectError("0,1\n1,\(long)\n") {
            .csvNotANumber(path: $0, line: 2, column: 2, text: String(repeating: "z", count: 39) + "…")
        }
    }

    @Test(arguments: ["nan", "NaN", "-inf", "Infinity", "+INF", "1e39", "-3.5e38"])
    func nonFiniteCell(_ cell: String) throws {
        try expectError("a,b,c\n0,1,2\n1,\(cell),3\n") { .csvNotFinite(path: $0, line: 3, column: 2, text: cell) }
            location: { "\($0):3:2" }
    }

    @Test func unterminatedQuote() throws {
        try expectError("0,1\n1,\"2\n") { .csvBadQuote(path: $0, line: 2, column: 2) } location: { "\($0):2:2" }
    }

    @Test func textAfterClosingQuote() throws {
        try expectError("0,\"1\"2\n") { .csvBadQuote(path: $0, line: 1, column: 2) } location: { "\($0):1:2" }
    }

    @Test func labelColumnOutOfRange() throws {
        try expectError("0,1,2\n", labelColumn: .index(3)) { .csvLabelColumnOutOfRange(path: $0, index: 3, columns: 3) }
        try expectError("0,1,2\n", labelColumn: .index(-4)) { .csvLabelColumnOutOfRange(path: $0, index: -4, columns: 3) }
    }

    @Test func unknownLabelName() throws {
        try expectError("a,b,c\n0,1,2\n", labelColumn: .name("label")) {
            .csvUnknownLabelName(path: $0, name: "label", header: ["a", "b", "c"])
        }
        #expect(DatasetError.csvUnknownLabelName(path: "/d.csv", name: "label", header: ["a", "b"]).description
                .contains("no column named 'label' in the header (a, b)"))
    }

    @Test func labelNameWithoutHeader() throws {
        try expectError("0,1\n", labelColumn: .name("label"), header: false) {
            .csvLabelNameNeedsHeader(path: $0, name: "label")
        }
    }

    @Test func onlyTheLabelColumn() throws {
        try expectError("0\n1\n") { .csvNoFeatures(path: $0) }
    }

    @Test(arguments: ["-1", "2.5", "65536", "1e9"])
    func badNumericLabel(_ label: String) throws {
        try expectError("y,x\n0,1\n\(label),2\n") { .csvBadLabel(path: $0, line: 3, column: 1, text: label) }
            location: { "\($0):3:1" }
    }

    @Test func nameAmongNumericLabels() throws {
        try expectError("0,1\n1,2\ncat,3\n") { .csvBadLabel(path: $0, line: 3, column: 1, text: "cat") }
    }

    @Test func emptyNameLabel() throws {
        try expectError("x,y\n1,cat\n2,\"\"\n", labelColumn: .index(1)) {
            .csvBadLabel(path: $0, line: 3, column: 2, text: "")
        }
    }

    @Test func singleClass() throws {
        try expectError("3,1\n3,2\n") { .csvSingleClass(path: $0) }
        try expectError("x,y\n1,cat\n2,cat\n", labelColumn: .index(-1)) { .csvSingleClass(path: $0) }
    }

    @Test func missingFileNamesTheConfigKey() throws {
        let folder = try FixturePaths.temporaryDirectory("csv")
        let train = folder.appendingPathComponent("nope.csv")
        #expect(throws: DatasetError.csvFileMissing(path: train.path, key: "data.csv.train")) {
            try CSVReader.load(train: train)
        }
        let present = try CSVFiles.write("0,1\n1,2\n")
        #expect(throws: DatasetError.csvFileMissing(path: train.path, key: "data.csv.test")) {
            try CSVReader.load(train: present, test: train)
        }
        expectCSVMessage(.csvFileMissing(path: train.path, key: "data.csv.test"), mentions: train.path)
    }

    @Test func testFileWithOtherColumns() throws {
        let train = try CSVFiles.write("0,1,2\n1,2,3\n")
        let test = try CSVFiles.write("0,1\n", name: "test.csv")
        let expected = DatasetError.csvColumnMismatch(trainPath: train.path, trainColumns: 3,
                                                      testPath: test.path, testColumns: 2)
        #expect(throws: expected) { try CSVReader.load(train: train, test: test) }
        expectCSVMessage(expected, mentions: test.path)
    }

    @Test func testFileWithAnotherHeader() throws {
        let train = try CSVFiles.write("label,a,b\n0,1,2\n1,2,3\n")
        let test = try CSVFiles.write("label,a,c\n0,1,2\n", name: "test.csv")
        let expected = DatasetError.csvHeaderMismatch(trainPath: train.path, testPath: test.path, column: 3,
                                                      trainName: "b", testName: "c")
        #expect(throws: expected) { try CSVReader.load(train: train, test: test) }
        expectCSVMessage(expected, mentions: test.path)
    }

    @Test func testFileLabelledTheOtherWay() throws {
        let train = try CSVFiles.write("0,1\n1,2\n")
        let test = try CSVFiles.write("x,y\ncat,1\n", name: "test.csv")
        let expected = DatasetError.csvLabelKindMismatch(trainPath: train.path, testPath: test.path,
                                                         line: 2, column: 1, text: "cat")
        #expect(throws: expected) { try CSVReader.load(train: train, test: test) }
        expectCSVMessage(expected, mentions: "\(test.path):2:1")
    }

    @Test func errorsInTheTestFileNameIt() throws {
        let train = try CSVFiles.write("0,1\n1,2\n")
        let test = try CSVFiles.write("0,1\n1,x\n", name: "test.csv")
        #expect(throws: DatasetError.csvNotANumber(path: test.path, line: 2, column: 2, text: "x")) {
            try CSVReader.load(train: train, test: test)
        }
    }
}
