import Foundation
import Synchronization
import Tensor

/// Work begun on the test split while the training split is still being read: given the test
/// split and a test that turns true once the training split is read (or has failed).
public typealias TestSplitWork = @Sendable (_ test: Dataset, _ trainingSplitRead: () -> Bool) -> Void

/// Reads the IDX format of MNIST and its family (Fashion-MNIST, KMNIST, …): a big-endian
/// header `00 00 <type> <ndims>`, one UInt32 per dimension, then the elements. Only unsigned
/// byte elements (type 0x08) are read; images become Float in [0, 1] (pixel / 255).
public enum IDXReader {
    /// `00 00 08 03`: unsigned bytes, three dimensions (count, rows, cols).
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// `00 00 08 01`: unsigned bytes, one dimension (count).
    public static let labelsMagic: UInt32 = 0x0000_0801
    /// Payloads beyond this many bytes (2 GiB) are refused as a corrupt header.
    public static let payloadLimit = 1 << 31

    /// Reads an MNIST-family folder: train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],
    /// t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] (plain or gzip; `.gz` preferred),
    /// also spelled `train-images.idx3-ubyte`. `name` defaults to `DatasetLocation.displayName(for:)`.
    ///
    /// `whileTrainingSplitLoads`, when given, is called on the test split's thread with the
    /// test split once it is read, and a test that turns true once the training split is
    /// (read or failed): the training split takes several times longer, so the caller can use
    /// that core meanwhile. It should ask the test often — this returns only after it does.
    public static func loadFolder(_ folder: URL, name: String? = nil, classCount: Int = 10,
                                  whileTrainingSplitLoads: TestSplitWork? = nil) throws(DatasetError) -> DatasetSplits {
        precondition(classCount >= 1, "classCount must be ≥ 1, got \(classCount)")
        let files = try IDXFolderFiles(folder: folder)
        let name = name ?? DatasetLocation.displayName(for: folder)
        // zlib inflates a stream on one core and the other core has nothing to do yet, so the
        // test split (a sixth of Fashion-MNIST's bytes) is read beside the training split.
        let loaded = Mutex<[Result<Dataset, DatasetError>?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { split in
            let result = Result { () throws(DatasetError) -> Dataset in
                split == 0
                    ? try loadSplit(name: name, images: files.trainImages, labels: files.trainLabels, classCount: classCount)
                    : try loadSplit(name: name, images: files.testImages, labels: files.testLabels, classCount: classCount)
            }
            loaded.withLock { $0[split] = result }
            if split == 1, let whileTrainingSplitLoads, case let .success(test) = result {
                whileTrainingSplitLoads(test) { loaded.withLock { $0[0] != nil } }
            }
        }
        let (trainResult, testResult) = loaded.withLock { ($0[0], $0[1]) }
        guard let trainResult, let testResult else { preconditionFailure("IDXReader: a split was not read") }
        let train = try trainResult.get()   // the training split's error first, as when read in turn
        let test = try testResult.get()
        if train.featureCount != test.featureCount {
            throw .featureMismatch(trainPath: files.trainImages.path, trainFeatures: train.featureCount,
                                   testPath: files.testImages.path, testFeatures: test.featureCount)
        }
        return DatasetSplits(train: train, test: test)
    }

    /// Reads an IDX image file (plain or gzip) as an (n, rows·cols) matrix scaled by 1/255.
    public static func readImages(_ file: URL) throws(DatasetError) -> Matrix {
        try parseImageValues(readDecoded(file), path: file.path).matrix
    }

    /// Reads an IDX image file (plain or gzip) as (n, rows·cols) values pixel / 255, kept as
    /// bytes (see `FeatureValues`).
    public static func readImageValues(_ file: URL) throws(DatasetError) -> FeatureValues {
        try parseImageValues(readDecoded(file), path: file.path)
    }

    /// Reads an IDX label file (plain or gzip); every label must lie in `0..<classCount`.
    public static func readLabels(_ file: URL, classCount: Int) throws(DatasetError) -> [Int32] {
        try parseLabels(readDecoded(file), path: file.path, classCount: classCount)
    }

    /// Decodes the bytes of an uncompressed IDX image file; `path` only names them in errors.
    public static func parseImages(_ bytes: [UInt8], path: String) throws(DatasetError) -> Matrix {
        try parseImageValues(bytes, path: path).matrix
    }

    /// Decodes the bytes of an uncompressed IDX image file into pixel / 255 values kept as
    /// bytes; `path` only names them in errors.
    public static func parseImageValues(_ bytes: [UInt8], path: String) throws(DatasetError) -> FeatureValues {
        let header = try IDXHeader(bytes, path: path, magic: imagesMagic)
        let featureCount = header.dimensions[1] * header.dimensions[2]   // checked by IDXHeader
        let payload = header.headerBytes..<(header.headerBytes + header.payloadBytes)
        return FeatureValues(bytes: HugePageCopy.copy(bytes[payload]), rows: header.dimensions[0], cols: featureCount,
                             divisor: 255)
    }

    /// Decodes the bytes of an uncompressed IDX label file; `path` only names them in errors.
    public static func parseLabels(_ bytes: [UInt8], path: String,
                                   classCount: Int) throws(DatasetError) -> [Int32] {
        let header = try IDXHeader(bytes, path: path, magic: labelsMagic)
        let count = header.dimensions[0]
        let offset = header.headerBytes
        var firstBad: Int?
        let labels = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            bytes.withUnsafeBufferPointer { all in
                let raw = UnsafeBufferPointer(rebasing: all[offset..<(offset + count)])
                for i in 0..<count {
                    out[i] = Int32(raw[i])
                    if firstBad == nil, Int(raw[i]) >= classCount { firstBad = i }
                }
            }
            initialized = count
        }
        if let index = firstBad {
            throw .labelOutOfRange(path: path, index: index, value: Int(labels[index]),
                                   classCount: classCount)
        }
        return labels
    }

    /// The file's bytes, inflated when it is gzip (by extension or by its 1F 8B signature).
    static func readDecoded(_ file: URL) throws(DatasetError) -> [UInt8] {
        try decode(BinaryFile.read(file), path: file.path)
    }

    /// A file's bytes as `parseImages`/`parseLabels` take them: inflated when `path` ends in
    /// `.gz` or the bytes start with gzip's 1F 8B signature, else as they are. `path` also
    /// names the bytes in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        if bytes.isEmpty { throw .emptyFile(path: path) }
        let gzipSignature = bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
        guard path.lowercased().hasSuffix(".gz") || gzipSignature else { return bytes }
        let inflated = try Gzip.inflate(bytes, path: path)
        if inflated.isEmpty { throw .emptyFile(path: path) }
        return inflated
    }

    /// One split: images and labels that must agree on the count.
    private static func loadSplit(name: String, images: URL, labels: URL,
                                  classCount: Int) throws(DatasetError) -> Dataset {
        let features = try readImageValues(images)
        let labelValues = try readLabels(labels, classCount: classCount)
        guard features.rows == labelValues.count else {
            throw .countMismatch(imagesPath: images.path, imageCount: features.rows,
                                 labelsPath: labels.path, labelCount: labelValues.count)
        }
        return Dataset(name: name, source: "\(images.path), \(labels.path)", values: features,
                       labels: labelValues, classCount: classCount)
    }

    /// A readable name for an IDX element type byte.
    static func typeName(_ type: UInt8) -> String {
        switch type {
        case 0x08: return "unsigned byte"
        case 0x09: return "signed byte"
        case 0x0B: return "short"
        case 0x0C: return "int"
        case 0x0D: return "float"
        case 0x0E: return "double"
        default: return "unknown type"
        }
    }
}

/// A validated IDX header: the magic matched, the dimensions multiply without overflow (all of
/// them, and those of one item alone), the payload is within `IDXReader.payloadLimit`, and the
/// byte count is exactly header + payload.
struct IDXHeader {
    let dimensions: [Int]
    let headerBytes: Int
    let payloadBytes: Int

    init(_ bytes: [UInt8], path: String, magic: UInt32) throws(DatasetError) {
        let rank = Int(magic & 0xFF)
        headerBytes = 4 + 4 * rank
        if bytes.isEmpty { throw .emptyFile(path: path) }
        guard bytes.count >= 4 else {
            throw .truncatedHeader(path: path, expectedBytes: headerBytes, actualBytes: bytes.count)
        }
        let found = Self.bigEndianUInt32(bytes, at: 0)
        if found != magic {
            // Right layout, wrong element type: say so rather than "wrong magic".
            if bytes[0] == 0, bytes[1] == 0, UInt32(bytes[3]) == magic & 0xFF, bytes[2] != 0x08 {
                throw .unsupportedDataType(path: path, found: bytes[2])
            }
            throw .badMagic(path: path, found: found, expected: magic)
        }
        guard bytes.count >= headerBytes else {
            throw .truncatedHeader(path: path, expectedBytes: headerBytes, actualBytes: bytes.count)
        }
        let raw = (0..<rank).map { Self.bigEndianUInt32(bytes, at: 4 + 4 * $0) }
        dimensions = raw.map { Int($0) }
        // One item (an image: rows × cols) first, then × count: a count of 0 must not hide
        // item dimensions whose product overflows (readers multiply them on their own).
        var itemBytes = 1
        for dimension in dimensions.dropFirst() {
            let (next, overflow) = itemBytes.multipliedReportingOverflow(by: dimension)
            if overflow { throw .sizeOverflow(path: path, dimensions: raw) }
            itemBytes = next
        }
        if itemBytes > IDXReader.payloadLimit {
            throw .tooLarge(path: path, bytes: itemBytes, limit: IDXReader.payloadLimit)
        }
        let (product, overflow) = itemBytes.multipliedReportingOverflow(by: dimensions[0])
        if overflow { throw .sizeOverflow(path: path, dimensions: raw) }
        if product > IDXReader.payloadLimit {
            throw .tooLarge(path: path, bytes: product, limit: IDXReader.payloadLimit)
        }
        payloadBytes = product
        let expected = headerBytes + payloadBytes
        if bytes.count < expected {
            throw .truncatedPayload(path: path, expectedBytes: expected, actualBytes: bytes.count)
        }
        if bytes.count > expected {
            throw .trailingBytes(path: path, expectedBytes: expected, actualBytes: bytes.count)
        }
    }

    static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
