import Datasets
import Foundation
import Testing
import TestSupport

/// Every way an IDX file itself can be wrong: each case becomes a typed error naming the file.
@Suite struct IDXReaderErrorTests {
    let folder: URL
    init() throws { folder = try FixturePaths.temporaryDirectory("idx-errors") }

    /// Writes `bytes` as an image file, expects `error(path)` from `readImages`.
    private func expectImagesError(_ bytes: [UInt8], name: String = "train-images-idx3-ubyte",
                                   _ error: (String) -> DatasetError,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = try IDXBytes.write(bytes, to: folder, name)
        let expected = error(file.path)
        #expect(throws: expected, sourceLocation: sourceLocation) { try IDXReader.readImages(file) }
        expectHelpfulMessage(expected, mentions: file.path, sourceLocation: sourceLocation)
    }

    @Test func wellFormedImagesParse() throws {
        let file = try IDXBytes.write(IDXBytes.images(count: 2, rows: 3, cols: 2), to: folder, "ok")
        let images = try IDXReader.readImages(file)
        #expect(images.rows == 2 && images.cols == 6)
        #expect(images.storage == (0..<12).map { Float($0) / 255 })
    }

    @Test func emptyFile() throws {
        try expectImagesError([]) { .emptyFile(path: $0) }
    }

    @Test func wrongMagic() throws {
        let bytes = IDXBytes.header(magic: 0, [1, 1, 1]) + [7]
        try expectImagesError(bytes) { .badMagic(path: $0, found: 0, expected: IDXReader.imagesMagic) }
        let text = DatasetError.badMagic(path: "/x", found: 0, expected: IDXReader.imagesMagic).description
        #expect(text == "/x: wrong magic 0x00000000 (expected 0x00000803 for an IDX image file). "
                + "Pass --data DIR with MNIST-family IDX files, or reinstall dataset-fashion-mnist.")
    }

    @Test func labelFileReadAsImages() throws {
        try expectImagesError(IDXBytes.labels([1, 2])) {
            .badMagic(path: $0, found: IDXReader.labelsMagic, expected: IDXReader.imagesMagic)
        }
        #expect(DatasetError.badMagic(path: "/x", found: IDXReader.labelsMagic, expected: IDXReader.imagesMagic)
            .description.contains("this is an IDX label file"))
    }

    @Test func imageFileReadAsLabels() throws {
        let file = try IDXBytes.write(IDXBytes.images(count: 1, rows: 1, cols: 1), to: folder, "labels")
        let expected = DatasetError.badMagic(path: file.path, found: IDXReader.imagesMagic,
                                             expected: IDXReader.labelsMagic)
        #expect(throws: expected) { try IDXReader.readLabels(file, classCount: 10) }
        expectHelpfulMessage(expected, mentions: file.path)
    }

    @Test func floatElementTypeIsNamed() throws {
        let bytes = IDXBytes.header(magic: 0x0000_0D03, [1, 1, 1]) + [0, 0, 0, 0]
        try expectImagesError(bytes) { .unsupportedDataType(path: $0, found: 0x0D) }
        #expect(DatasetError.unsupportedDataType(path: "/x", found: 0x0D).description.contains("0x0D (float)"))
    }

    @Test func headerShorterThanMagic() throws {
        try expectImagesError([0, 0, 8]) { .truncatedHeader(path: $0, expectedBytes: 16, actualBytes: 3) }
    }

    @Test func headerCutInsideDimensions() throws {
        let bytes = Array(IDXBytes.header(magic: IDXReader.imagesMagic, [1, 28, 28]).prefix(10))
        try expectImagesError(bytes) { .truncatedHeader(path: $0, expectedBytes: 16, actualBytes: 10) }
    }

    @Test func payloadShorterThanHeaderDeclares() throws {
        let bytes = IDXBytes.header(magic: IDXReader.imagesMagic, [2, 2, 2]) + [1, 2, 3, 4, 5]
        try expectImagesError(bytes) { .truncatedPayload(path: $0, expectedBytes: 24, actualBytes: 21) }
    }

    @Test func bytesAfterThePayload() throws {
        let bytes = IDXBytes.images(count: 2, rows: 2, cols: 2) + [9, 9, 9]
        try expectImagesError(bytes) { .trailingBytes(path: $0, expectedBytes: 24, actualBytes: 27) }
    }

    @Test func dimensionProductOverflows() throws {
        let dims: [UInt32] = [.max, .max, .max]
        try expectImagesError(IDXBytes.header(magic: IDXReader.imagesMagic, dims)) {
            .sizeOverflow(path: $0, dimensions: dims)
        }
    }

    /// Found by `make fuzz` (Fixtures/fuzz/regressions/idx): with a count of 0 the whole product
    /// is 0, and rows × cols overflowed later, in `parseImages`, as a trap.
    @Test func zeroImagesOfOverflowingSize() throws {
        let dims: [UInt32] = [0, .max, .max]
        try expectImagesError(IDXBytes.header(magic: IDXReader.imagesMagic, dims)) {
            .sizeOverflow(path: $0, dimensions: dims)
        }
    }

    @Test func zeroImagesOfAbsurdSize() throws {
        try expectImagesError(IDXBytes.header(magic: IDXReader.imagesMagic, [0, 100_000, 100_000])) {
            .tooLarge(path: $0, bytes: 10_000_000_000, limit: IDXReader.payloadLimit)
        }
    }

    @Test func absurdSizeIsRefusedBeforeReading() throws {
        let bytes = IDXBytes.header(magic: IDXReader.imagesMagic, [100_000, 100_000, 1])
        try expectImagesError(bytes) {
            .tooLarge(path: $0, bytes: 10_000_000_000, limit: IDXReader.payloadLimit)
        }
    }

    @Test func labelBeyondClassCount() throws {
        let file = try IDXBytes.write(IDXBytes.labels([1, 2, 12, 3, 200]), to: folder, "labels")
        let expected = DatasetError.labelOutOfRange(path: file.path, index: 2, value: 12, classCount: 10)
        #expect(throws: expected) { try IDXReader.readLabels(file, classCount: 10) }
        expectHelpfulMessage(expected, mentions: file.path)
        #expect(try IDXReader.readLabels(file, classCount: 201) == [1, 2, 12, 3, 200])
    }

    @Test func fileThatDoesNotExist() throws {
        let path = folder.appendingPathComponent("nope.gz").path
        #expect(throws: DatasetError.fileMissing(path: path)) {
            try IDXReader.readImages(URL(fileURLWithPath: path))
        }
        expectHelpfulMessage(.fileMissing(path: path), mentions: path)
    }

    @Test func folderWhereAFileBelongs() throws {
        let directory = folder.appendingPathComponent("train-images-idx3-ubyte.gz")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        #expect(throws: DatasetError.isDirectory(path: directory.path)) { try IDXReader.readImages(directory) }
        expectHelpfulMessage(.isDirectory(path: directory.path), mentions: directory.path)
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their mode"))
    func fileWithoutReadPermission() throws {
        let file = try IDXBytes.write(IDXBytes.images(count: 1, rows: 1, cols: 1), to: folder, "locked")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        #expect(throws: DatasetError.unreadable(path: file.path, reason: "Permission denied")) {
            try IDXReader.readImages(file)
        }
    }

    #if os(Linux)
    /// `/proc/self/mem` opens but fails to read at offset 0 (unmapped): a real I/O error.
    @Test func readErrorCarriesTheSystemReason() throws {
        let file = URL(fileURLWithPath: "/proc/self/mem")
        #expect(throws: DatasetError.unreadable(path: file.path, reason: "Input/output error")) {
            try IDXReader.readImages(file)
        }
        expectHelpfulMessage(.unreadable(path: file.path, reason: "Input/output error"), mentions: file.path)
    }
    #endif
}
