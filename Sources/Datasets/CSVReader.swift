import Foundation
import Tensor

/// Reads labelled examples from comma-separated values: one example per row, one column of
/// class labels, every other column a feature.
///
/// - **Dialect:** RFC 4180, leniently (see `CSVScanner`): optional double quotes, LF / CRLF /
///   CR line ends, a missing final line end, a UTF-8 byte-order mark and empty lines are all
///   fine.
/// - **Header:** `header: true` takes the first row as column names, `false` as data; `nil`
///   (auto) takes it as a header when a cell outside the label column is not a number, or when
///   the label column is given by name. (Numeric column names such as pandas' `0,1,2,…` need
///   `header: true`.)
/// - **Features** are decimal numbers, kept as written (no scaling to [0, 1]); NaN, ±Inf and
///   values beyond Float's range are errors.
/// - **Labels** are either class numbers or class names, decided by the training file's first
///   data row. Numbers must be whole (`3` or `3.0`) in 0…`maxLabel`; the class count is the
///   largest label in the training and test files + 1 (so a class may have no examples).
///   Names (any other text) are sorted, numbered 0, 1, … in that order, and kept in
///   `Dataset.classNames`. The test file must label the same way; the training file needs at
///   least two classes.
///
/// Every error names the file and, where there is one, the 1-based line and column.
public enum CSVReader {
    /// The largest class number accepted (a guard against a feature column taken for labels).
    public static let maxLabel = 65_535

    /// Reads `train` and, if given, `test` (same columns; headers, when both have one, must
    /// match). `name` defaults to the training file's name without its extension.
    public static func load(train: URL, test: URL? = nil, labelColumn: CSVSource.LabelColumn = .index(0),
                            header: Bool? = nil, name: String? = nil) throws(DatasetError) -> (train: Dataset, test: Dataset?) {
        let trainTable = try parse(readFile(train, key: "data.csv.train"), path: train.path,
                                   labelColumn: labelColumn, header: header)
        var testTable: Table?
        if let test {
            let table = try parse(readFile(test, key: "data.csv.test"), path: test.path,
                                  labelColumn: .index(trainTable.labelIndex), header: header)
            try check(table, matches: trainTable)
            testTable = table
        }

        let classes = try classes(train: trainTable, test: testTable)
        let name = name ?? train.deletingPathExtension().lastPathComponent
        return (dataset(trainTable, classes, name: name), testTable.map { dataset($0, classes, name: name) })
    }

    /// Reads one CSV file already in memory, by the same rules as `load` without a test file.
    /// `path` only names the bytes in errors and in `Dataset.source`.
    public static func read(_ bytes: [UInt8], path: String, labelColumn: CSVSource.LabelColumn = .index(0),
                            header: Bool? = nil, name: String) throws(DatasetError) -> Dataset {
        let table = try parse(bytes, path: path, labelColumn: labelColumn, header: header)
        return dataset(table, try classes(train: table, test: nil), name: name)
    }

    private static func dataset(_ table: Table, _ classes: Classes, name: String) -> Dataset {
        Dataset(name: name, source: table.path,
                features: Matrix(rows: table.rowCount, cols: table.columnCount - 1, storage: table.features),
                labels: classes.labels(table), classCount: classes.count, classNames: classes.names)
    }

    // MARK: One file

    /// Labels as read from one file.
    enum Labels {
        case numbers([Int32])
        case names([String])
    }

    /// One parsed file.
    struct Table {
        let path: String
        let header: [String]?
        let columnCount: Int
        /// 0-based, resolved from a negative index or a name.
        let labelIndex: Int
        let rowCount: Int
        /// `rowCount × (columnCount − 1)`, row-major, label column left out.
        let features: [Float]
        let labels: Labels
        /// Where the first data row's label is, and what it says (for kind mismatches).
        let firstLabel: (line: Int, text: String)
    }

    /// Parses a whole CSV file held in `bytes`; `path` names it in errors.
    static func parse(_ bytes: [UInt8], path: String, labelColumn: CSVSource.LabelColumn,
                      header: Bool?) throws(DatasetError) -> Table {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(DatasetError) -> Table in
                try parse(buffer, path: path, labelColumn: labelColumn, header: header)
            }
        }
        return try result.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, path: String,
                              labelColumn: CSVSource.LabelColumn, header: Bool?) throws(DatasetError) -> Table {
        var scanner = CSVScanner(buffer)
        var fields: [CSVScanner.Field] = []
        guard let firstLine = try nextRecord(&scanner, &fields, path) else { throw .csvEmpty(path: path) }
        let columnCount = fields.count
        let labelIndex: Int
        var hasHeader: Bool
        switch labelColumn {
        case .index(let index):
            labelIndex = index < 0 ? columnCount + index : index
            guard labelIndex >= 0 && labelIndex < columnCount else {
                throw .csvLabelColumnOutOfRange(path: path, index: index, columns: columnCount)
            }
            hasHeader = header ?? fields.indices.contains { column in
                column != labelIndex && scanner.number(fields[column]) == .notANumber
            }
        case .name(let name):
            if header == false { throw .csvLabelNameNeedsHeader(path: path, name: name) }
            let names = fields.map(scanner.text)
            guard let found = names.firstIndex(of: name) else {
                throw .csvUnknownLabelName(path: path, name: name, header: Array(names.prefix(12)))
            }
            labelIndex = found
            hasHeader = true
        }
        if columnCount < 2 { throw .csvNoFeatures(path: path) }
        let headerNames = hasHeader ? fields.map(scanner.text) : nil

        var line = firstLine
        if hasHeader {
            guard let dataLine = try nextRecord(&scanner, &fields, path) else { throw .csvHeaderOnly(path: path) }
            line = dataLine
        }
        // The first data row decides the label kind and the reservation below: whole rows only.
        guard fields.count == columnCount else {
            throw .csvRaggedRow(path: path, line: line, fields: fields.count, expected: columnCount)
        }
        let labelField = fields[labelIndex]
        let firstLabel = (line: line, text: scanner.excerpt(labelField))
        let numericLabels = scanner.number(labelField) != .notANumber

        // Room for as many rows as the rest of the file holds if they are like this one, but
        // never more numbers than the bytes can spell (each takes a digit and a separator).
        let rowBytes = max(1, scanner.position - (fields.first?.start ?? 0))
        var features: [Float] = []
        features.reserveCapacity(min((buffer.count / rowBytes + 16) * (columnCount - 1), buffer.count / 2 + 1))
        var numbers: [Int32] = []
        var names: [String] = []
        var rowCount = 0
        repeat {
            guard fields.count == columnCount else {
                throw .csvRaggedRow(path: path, line: line, fields: fields.count, expected: columnCount)
            }
            for column in 0..<columnCount {
                let field = fields[column]
                if column == labelIndex {
                    if numericLabels {
                        guard case .value(let value) = scanner.number(field), value >= 0,
                              value <= Float(maxLabel), value.rounded() == value else {
                            throw .csvBadLabel(path: path, line: line, column: column + 1, text: scanner.excerpt(field))
                        }
                        numbers.append(Int32(value))
                    } else {
                        let name = scanner.text(field)
                        if name.isEmpty { throw .csvBadLabel(path: path, line: line, column: column + 1, text: "") }
                        names.append(name)
                    }
                    continue
                }
                switch scanner.number(field) {
                case .value(let value): features.append(value)
                case .notANumber:
                    throw .csvNotANumber(path: path, line: line, column: column + 1, text: scanner.excerpt(field))
                case .notFinite:
                    throw .csvNotFinite(path: path, line: line, column: column + 1, text: scanner.excerpt(field))
                }
            }
            rowCount += 1
            guard let nextLine = try nextRecord(&scanner, &fields, path) else { break }
            line = nextLine
        } while true

        return Table(path: path, header: headerNames, columnCount: columnCount, labelIndex: labelIndex,
                     rowCount: rowCount, features: features,
                     labels: numericLabels ? .numbers(numbers) : .names(names), firstLabel: firstLabel)
    }

    /// `scanner.nextRecord` with a quote error named by `path`.
    private static func nextRecord(_ scanner: inout CSVScanner, _ fields: inout [CSVScanner.Field],
                                   _ path: String) throws(DatasetError) -> Int? {
        do { return try scanner.nextRecord(into: &fields) } catch {
            throw .csvBadQuote(path: path, line: error.line, column: error.column)
        }
    }

    // MARK: Train and test together

    /// The test file against the training file: same column count, same header (when both have one).
    private static func check(_ test: Table, matches train: Table) throws(DatasetError) {
        guard test.columnCount == train.columnCount else {
            throw .csvColumnMismatch(trainPath: train.path, trainColumns: train.columnCount,
                                     testPath: test.path, testColumns: test.columnCount)
        }
        if let trainHeader = train.header, let testHeader = test.header,
           let column = trainHeader.indices.first(where: { trainHeader[$0] != testHeader[$0] }) {
            throw .csvHeaderMismatch(trainPath: train.path, testPath: test.path, column: column + 1,
                                     trainName: trainHeader[column], testName: testHeader[column])
        }
    }

    /// The classes both files share: a count, names when labels are names, and each file's
    /// labels as class numbers.
    private struct Classes {
        let count: Int
        let names: [String]?
        let numbering: [String: Int32]

        func labels(_ table: Table) -> [Int32] {
            switch table.labels {
            case .numbers(let numbers): return numbers
            case .names(let names): return names.map { numbering[$0] ?? 0 }   // every name is numbered
            }
        }
    }

    private static func classes(train: Table, test: Table?) throws(DatasetError) -> Classes {
        switch train.labels {
        case .numbers(let trainLabels):
            var largest = trainLabels.max() ?? 0
            if let test {
                guard case .numbers(let testLabels) = test.labels else { throw kindMismatch(train, test) }
                largest = max(largest, testLabels.max() ?? 0)
            }
            if Set(trainLabels).count < 2 { throw .csvSingleClass(path: train.path) }
            return Classes(count: Int(largest) + 1, names: nil, numbering: [:])
        case .names(let trainNames):
            var all = Set(trainNames)
            if all.count < 2 { throw .csvSingleClass(path: train.path) }
            if let test {
                guard case .names(let testNames) = test.labels else { throw kindMismatch(train, test) }
                all.formUnion(testNames)
            }
            let sorted = all.sorted()
            let numbering = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
            return Classes(count: sorted.count, names: sorted, numbering: numbering)
        }
    }

    private static func kindMismatch(_ train: Table, _ test: Table) -> DatasetError {
        .csvLabelKindMismatch(trainPath: train.path, testPath: test.path, line: test.firstLabel.line,
                              column: test.labelIndex + 1, text: test.firstLabel.text)
    }

    /// The file's bytes; a missing file is named with the config key that points at it.
    private static func readFile(_ url: URL, key: String) throws(DatasetError) -> [UInt8] {
        do {
            return try BinaryFile.read(url)
        } catch .fileMissing(let path) {
            throw .csvFileMissing(path: path, key: key)
        }
    }
}
