/// Everything that can go wrong finding, reading or decoding a dataset.
///
/// Each case carries the offending path and the numbers that show the problem; `description`
/// is one line: the path, what is wrong, and how to fix it.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The folder does not exist.
    case folderMissing(path: String)
    /// The path exists but is a file, not a folder.
    case notAFolder(path: String)
    /// Some of the four IDX files are absent; `missing` names them (without `.gz`).
    case missingFiles(folder: String, missing: [String])
    /// A single file asked for by path does not exist.
    case fileMissing(path: String)
    /// A folder sits where a file was expected.
    case isDirectory(path: String)
    /// The operating system refused to open or read the file; `reason` is its message.
    case unreadable(path: String, reason: String)
    /// The file (or its decompressed content) holds zero bytes.
    case emptyFile(path: String)
    /// The first four bytes are not the expected IDX magic number.
    case badMagic(path: String, found: UInt32, expected: UInt32)
    /// The IDX header declares an element type other than unsigned byte (0x08).
    case unsupportedDataType(path: String, found: UInt8)
    /// The file ends inside the IDX header.
    case truncatedHeader(path: String, expectedBytes: Int, actualBytes: Int)
    /// The file ends before the payload the header declares.
    case truncatedPayload(path: String, expectedBytes: Int, actualBytes: Int)
    /// Bytes follow the payload the header declares.
    case trailingBytes(path: String, expectedBytes: Int, actualBytes: Int)
    /// The product of the header's dimensions does not fit in an `Int`.
    case sizeOverflow(path: String, dimensions: [UInt32])
    /// The header declares a payload beyond `limit` bytes.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The image and label files of one split disagree on the number of examples.
    case countMismatch(imagesPath: String, imageCount: Int, labelsPath: String, labelCount: Int)
    /// The training and test images have different sizes.
    case featureMismatch(trainPath: String, trainFeatures: Int, testPath: String, testFeatures: Int)
    /// A label is not in `0..<classCount`.
    case labelOutOfRange(path: String, index: Int, value: Int, classCount: Int)
    /// zlib rejected the compressed data; `message` is zlib's explanation.
    case corruptGzip(path: String, message: String)
    /// Neither the Debian folder nor the committed fixture subset (searched upwards from each of
    /// `searchStarts`) could be found.
    case noDataFound(debianFolder: String, searchStarts: [String])

    // MARK: CSV files (`line` is 1-based and counts every line of the file; `column` is 1-based)

    /// A CSV file named in the config does not exist; `key` is the config key naming it.
    case csvFileMissing(path: String, key: String)
    /// The CSV file holds no rows (nothing but blank lines or a byte-order mark).
    case csvEmpty(path: String)
    /// The CSV file holds a header row and no data rows.
    case csvHeaderOnly(path: String)
    /// A row has `fields` fields where the first row has `expected`.
    case csvRaggedRow(path: String, line: Int, fields: Int, expected: Int)
    /// A feature cell is not a decimal number (`text` is the cell, cut to 40 characters).
    case csvNotANumber(path: String, line: Int, column: Int, text: String)
    /// A feature cell is NaN or ±Inf, or beyond Float's range.
    case csvNotFinite(path: String, line: Int, column: Int, text: String)
    /// A quoted field never ends, or text follows its closing quote.
    case csvBadQuote(path: String, line: Int, column: Int)
    /// The label column index lies outside the row (`columns` fields; negative indices count from the end).
    case csvLabelColumnOutOfRange(path: String, index: Int, columns: Int)
    /// No header column has this name (`header` lists them, cut to 12).
    case csvUnknownLabelName(path: String, name: String, header: [String])
    /// The label column is given by name but the file has no header row (`data.csv.header: false`).
    case csvLabelNameNeedsHeader(path: String, name: String)
    /// Only the label column: nothing to learn from.
    case csvNoFeatures(path: String)
    /// A label is not a whole number in 0…`CSVReader.maxLabel` (numeric labels), or is empty.
    case csvBadLabel(path: String, line: Int, column: Int, text: String)
    /// Every label is the same class: nothing to classify.
    case csvSingleClass(path: String)
    /// The test file has a different number of columns than the training file.
    case csvColumnMismatch(trainPath: String, trainColumns: Int, testPath: String, testColumns: Int)
    /// Both files have headers and they differ at `column` (1-based).
    case csvHeaderMismatch(trainPath: String, testPath: String, column: Int, trainName: String, testName: String)
    /// The training file labels by number and the test file by name (or the other way round).
    case csvLabelKindMismatch(trainPath: String, testPath: String, line: Int, column: Int, text: String)

    // MARK: Data settings

    /// A `data:` setting has a value it cannot take; `key` is the config key
    /// (e.g. `data.validation_split`), `expected` says what it must be and how to fix it.
    case invalidSetting(key: String, value: String, expected: String)

    /// The hint that ends most messages.
    static let dataHint =
        "Pass --data DIR with MNIST-family IDX files, or reinstall dataset-fashion-mnist."

    public var description: String {
        switch self {
        case .folderMissing(let path):
            return "\(path): no such folder. Pass --data DIR with train-images-idx3-ubyte(.gz) "
                + "and the other three IDX files, or apt-get install dataset-fashion-mnist."
        case .notAFolder(let path):
            return "\(path): is a file, not a folder. Pass --data DIR naming the folder that "
                + "holds the four IDX files, not one of them."
        case .missingFiles(let folder, let missing):
            let names = missing.map { "\($0)(.gz)" }.joined(separator: ", ")
            return "\(folder): missing \(names). Pass --data DIR with all four MNIST-family IDX "
                + "files, or apt-get install dataset-fashion-mnist."
        case .fileMissing(let path):
            return "\(path): no such file. Pass --data DIR with MNIST-family IDX files, "
                + "or apt-get install dataset-fashion-mnist."
        case .isDirectory(let path):
            return "\(path): is a folder where an IDX file was expected. Remove or rename it, "
                + "or pass --data DIR with the real files."
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)). Check the file's permissions, "
                + "or pass --data DIR with a readable copy."
        case .emptyFile(let path):
            return "\(path): file is empty. \(Self.dataHint)"
        case .badMagic(let path, let found, let expected):
            let wanted = expected == IDXReader.imagesMagic ? "an IDX image file" : "an IDX label file"
            var seen = ""
            if found == IDXReader.imagesMagic { seen = "; this is an IDX image file" }
            if found == IDXReader.labelsMagic { seen = "; this is an IDX label file" }
            return "\(path): wrong magic \(hex(found)) (expected \(hex(expected)) for \(wanted)"
                + "\(seen)). \(Self.dataHint)"
        case .unsupportedDataType(let path, let found):
            let digits = String(found, radix: 16, uppercase: true)
            return "\(path): IDX element type 0x\(digits.count < 2 ? "0" + digits : digits) "
                + "(\(IDXReader.typeName(found))) is not supported (expected 0x08, unsigned byte). "
                + Self.dataHint
        case .truncatedHeader(let path, let expected, let actual):
            return "\(path): truncated IDX header (expected \(expected) bytes, found \(actual)). "
                + "Re-download the file. \(Self.dataHint)"
        case .truncatedPayload(let path, let expected, let actual):
            return "\(path): truncated data (header declares \(expected) bytes in all, file has "
                + "\(actual)). Re-download the file. \(Self.dataHint)"
        case .trailingBytes(let path, let expected, let actual):
            return "\(path): \(actual - expected) unexpected bytes after the data (header declares "
                + "\(expected) bytes in all, file has \(actual)). \(Self.dataHint)"
        case .sizeOverflow(let path, let dimensions):
            let dims = dimensions.map(String.init).joined(separator: " × ")
            return "\(path): header dimensions \(dims) overflow. The header is corrupt. "
                + Self.dataHint
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): header declares \(bytes) bytes of data, over the \(limit)-byte limit. "
                + "The header is probably corrupt. \(Self.dataHint)"
        case .countMismatch(let imagesPath, let imageCount, let labelsPath, let labelCount):
            return "\(imagesPath) holds \(imageCount) images but \(labelsPath) holds \(labelCount) "
                + "labels. Use image and label files from the same split. \(Self.dataHint)"
        case .featureMismatch(let trainPath, let trainFeatures, let testPath, let testFeatures):
            return "\(trainPath) has \(trainFeatures) pixels per image but \(testPath) has "
                + "\(testFeatures). Use train and test files of the same dataset. \(Self.dataHint)"
        case .labelOutOfRange(let path, let index, let value, let classCount):
            return "\(path): label \(value) at index \(index) is outside 0..<\(classCount). "
                + "Pass the right class count, or \(Self.dataHint.prefix(1).lowercased())"
                + "\(Self.dataHint.dropFirst())"
        case .corruptGzip(let path, let message):
            return "\(path): corrupt gzip data (\(message)). Re-download the file. \(Self.dataHint)"
        case .noDataFound(let debianFolder, let searchStarts):
            return "\(debianFolder): Fashion-MNIST not found, nor \(DatasetLocation.fixtureSubsetRelativePath) "
                + "above \(searchStarts.joined(separator: " or ")). Pass --data DIR with MNIST-family IDX "
                + "files, or apt-get install dataset-fashion-mnist."

        // CSV cells are named `<path>:<line>:<column>:` like a compiler's diagnostics.
        case .csvFileMissing(let path, let key):
            return "\(path): no such file (\(key)). Fix the path in the config; a relative path is "
                + "read from the config file's folder."
        case .csvEmpty(let path):
            return "\(path): CSV file has no rows. Fix the file, or point data.csv at another one."
        case .csvHeaderOnly(let path):
            return "\(path): CSV file has a header row but no data rows. Add examples, or set "
                + "data.csv.header: false if the first row is data."
        case .csvRaggedRow(let path, let line, let fields, let expected):
            return "\(path):\(line): row has \(fields) fields, expected \(expected) like the first row. "
                + "Quote fields that contain commas, or fix the row."
        case .csvNotANumber(let path, let line, let column, let text):
            return "\(path):\(line):\(column): '\(text)' is not a number. Feature cells must be decimal "
                + "numbers (1, -0.5, 3e-2); only the label column may hold names."
        case .csvNotFinite(let path, let line, let column, let text):
            return "\(path):\(line):\(column): '\(text)' is not a finite Float. Replace missing or "
                + "infinite values (impute or drop the row) before training."
        case .csvBadQuote(let path, let line, let column):
            return "\(path):\(line):\(column): unbalanced double quote (a quoted field must end with \" "
                + "followed by a comma or the line end). Double a quote inside a quoted field (\"\")."
        case .csvLabelColumnOutOfRange(let path, let index, let columns):
            return "\(path): label column \(index) is outside the \(columns) columns. Set "
                + "data.csv.label_column to 0…\(columns - 1), -1 for the last, or a header name."
        case .csvUnknownLabelName(let path, let name, let header):
            return "\(path): no column named '\(name)' in the header (\(header.joined(separator: ", "))). "
                + "Set data.csv.label_column to one of these names or to a column index."
        case .csvLabelNameNeedsHeader(let path, let name):
            return "\(path): label column '\(name)' is a name but data.csv.header is false. Set "
                + "data.csv.label_column to an index, or let the header be read (header: true)."
        case .csvNoFeatures(let path):
            return "\(path): only the label column, no feature columns. Fix the file, or point data.csv at another one."
        case .csvBadLabel(let path, let line, let column, let text):
            return "\(path):\(line):\(column): label '\(text)' is not a whole number in "
                + "0…\(CSVReader.maxLabel). Use class numbers 0, 1, … in every row, or class names in every "
                + "row (the first data row decides which), or set data.csv.label_column."
        case .csvSingleClass(let path):
            return "\(path): every label is the same class; a classifier needs at least 2. Check "
                + "data.csv.label_column."
        case .csvColumnMismatch(let trainPath, let trainColumns, let testPath, let testColumns):
            return "\(testPath) has \(testColumns) columns but \(trainPath) has \(trainColumns). "
                + "Use train and test files with the same columns."
        case .csvHeaderMismatch(let trainPath, let testPath, let column, let trainName, let testName):
            return "\(testPath): header column \(column) is '\(testName)' but \(trainPath) has "
                + "'\(trainName)'. Use train and test files with the same columns in the same order."
        case .csvLabelKindMismatch(let trainPath, let testPath, let line, let column, let text):
            return "\(testPath):\(line):\(column): label '\(text)' is not the kind \(trainPath) uses "
                + "(class numbers in one file, names in the other). Label both files the same way."
        case .invalidSetting(let key, let value, let expected):
            return "\(key) is \(value); expected \(expected)."
        }
    }
}

/// `0x00000803`: eight upper-case hex digits.
private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
