import Compression
import Datasets
import Foundation
import Testing
import TestSupport

/// zlib through `Gzip.inflate`: known-good streams decode, damaged ones become `.corruptGzip`.
@Suite struct GzipTests {
    /// `gzip.compress(b"hello, idx\n", mtime=0)` from Python 3.11.
    static let helloGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xD7,
        0x51, 0xC8, 0x4C, 0xA9, 0xE0, 0x02, 0x00, 0x31, 0xD9, 0xDF, 0x49, 0x0B, 0x00, 0x00, 0x00,
    ]
    /// `zlib.compress(b"hello, idx\n")`: the same text behind a zlib header.
    static let helloZlib: [UInt8] = [
        0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xD7, 0x51, 0xC8, 0x4C, 0xA9, 0xE0, 0x02, 0x00, 0x18,
        0x1C, 0x03, 0xB0,
    ]
    /// `gzip.compress(b"", mtime=0)`.
    static let emptyGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
    ]
    static let hello = Array("hello, idx\n".utf8)

    @Test func knownGzipDecodes() throws {
        #expect(try Gzip.inflate(Self.helloGzip, path: "hello.gz") == Self.hello)
    }

    @Test func zlibHeaderIsDetected() throws {
        #expect(try Gzip.inflate(Self.helloZlib, path: "hello.z") == Self.hello)
    }

    @Test func concatenatedMembersDecodeInOrder() throws {
        let twice = Self.helloGzip + Self.helloGzip
        #expect(try Gzip.inflate(twice, path: "twice.gz") == Self.hello + Self.hello)
    }

    /// The last member's size (11 bytes) is the first guess for the whole output: the buffer
    /// must grow from there to hold the fixture's 508 bytes and then the greeting.
    @Test func outputGrowsBeyondTheFirstGuess() throws {
        let labels = try [UInt8](Data(contentsOf: FixturePaths.url("fashion-mnist-subset/t10k-labels-idx1-ubyte.gz")))
        let decoded = try Gzip.inflate(labels, path: "labels.gz")
        #expect(decoded.count == 508)
        #expect(Array(decoded.prefix(8)) == IDXBytes.header(magic: IDXReader.labelsMagic, [500]))
        #expect(try Gzip.inflate(labels + Self.helloGzip, path: "both.gz") == decoded + Self.hello)
    }

    /// The fixture's .gz inflates to exactly the bytes an uncompressed copy holds, and the
    /// reader parses both to the same matrix.
    @Test func fixtureMatchesItsUncompressedCopy() throws {
        let gz = FixturePaths.url("fashion-mnist-subset/t10k-images-idx3-ubyte.gz")
        let inflated = try Gzip.inflate([UInt8](Data(contentsOf: gz)), path: gz.path)
        #expect(inflated.count == 16 + 500 * 784)
        let folder = try FixturePaths.temporaryDirectory("gzip")
        let plain = try IDXBytes.write(inflated, to: folder, "t10k-images-idx3-ubyte")
        #expect(try IDXReader.readImages(plain) == IDXReader.readImages(gz))
    }

    @Test func outputLimitIsEnforced() throws {
        #expect(throws: DatasetError.corruptGzip(path: "hello.gz", message: "decompressed data exceeds 4 bytes")) {
            try Gzip.inflate(Self.helloGzip, path: "hello.gz", outputLimit: 4)
        }
    }

    /// Found by `make fuzz` (Fixtures/fuzz/regressions/gzip): data of exactly `outputLimit`
    /// bytes was refused when zlib filled the buffer before reporting the stream's end, and
    /// an empty stream was refused under a limit of 0.
    @Test func outputOfExactlyTheLimitIsAccepted() throws {
        let hello = try Gzip.inflate(Self.helloGzip, path: "hello.gz")
        #expect(try Gzip.inflate(Self.helloGzip, path: "hello.gz", outputLimit: hello.count) == hello)
        #expect(throws: DatasetError.corruptGzip(path: "hello.gz", message: "decompressed data exceeds \(hello.count - 1) bytes")) {
            try Gzip.inflate(Self.helloGzip, path: "hello.gz", outputLimit: hello.count - 1)
        }
        #expect(try Gzip.inflate(Self.emptyGzip, path: "empty.gz", outputLimit: 0) == [])
        let zeros = [UInt8](repeating: 0, count: 100_000)   // grows past the first guess
        #expect(try Zlib.inflate(Zlib.deflate(zeros), outputLimit: zeros.count) == zeros)
        #expect(throws: ZlibError.self) { try Zlib.inflate(Zlib.deflate(zeros), outputLimit: zeros.count - 1) }
    }

    @Test func emptyStreamDecodesToNothing() throws {
        #expect(try Gzip.inflate(Self.emptyGzip, path: "empty.gz") == [])
    }

    @Test func emptyInputIsAnEmptyFile() throws {
        #expect(throws: DatasetError.emptyFile(path: "x.gz")) { try Gzip.inflate([], path: "x.gz") }
    }

    @Test func corruptDeflateDataCarriesZlibMessage() throws {
        var bad = Self.helloGzip
        bad[10] = 0xFF   // first deflate block header: reserved block type 3
        let error = #expect(throws: DatasetError.self) { try Gzip.inflate(bad, path: "bad.gz") }
        guard case .corruptGzip(let path, let message) = error else {
            Issue.record("expected .corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(path == "bad.gz")
        #expect(message == "invalid block type")
    }

    @Test func checksumMismatchIsCaught() throws {
        var bad = Self.helloGzip
        bad[bad.count - 8] ^= 0x01   // CRC-32 in the trailer
        #expect(throws: DatasetError.corruptGzip(path: "crc.gz", message: "incorrect data check")) {
            try Gzip.inflate(bad, path: "crc.gz")
        }
    }

    @Test func notCompressedAtAll() throws {
        #expect(throws: DatasetError.corruptGzip(path: "plain.gz", message: "incorrect header check")) {
            try Gzip.inflate(Self.hello, path: "plain.gz")
        }
    }

    @Test(arguments: [5, 12, 20, 27])
    func truncatedStreamIsAnError(keep: Int) throws {
        let cut = Array(Self.helloGzip.prefix(keep))
        let error = #expect(throws: DatasetError.self) { try Gzip.inflate(cut, path: "cut.gz") }
        guard case .corruptGzip(let path, let message) = error else {
            Issue.record("expected .corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(path == "cut.gz")
        #expect(message.contains("unexpected end"), "\(message)")
    }

    @Test func trailingGarbageAfterTheStream() throws {
        #expect(throws: DatasetError.corruptGzip(path: "tail.gz",
                                                 message: "3 bytes of trailing data after the compressed stream")) {
            try Gzip.inflate(Self.helloGzip + [1, 2, 3], path: "tail.gz")
        }
    }

    /// Through the reader: a truncated fixture names the file and the fix.
    @Test func truncatedFixtureFileThroughTheReader() throws {
        let source = FixturePaths.url("fashion-mnist-subset/t10k-images-idx3-ubyte.gz")
        let bytes = try [UInt8](Data(contentsOf: source))
        let folder = try FixturePaths.temporaryDirectory("gzip")
        let cut = try IDXBytes.write(Array(bytes.prefix(bytes.count / 2)), to: folder, "t10k-images-idx3-ubyte.gz")
        let error = #expect(throws: DatasetError.self) { try IDXReader.readImages(cut) }
        if let error { expectHelpfulMessage(error, mentions: cut.path) }
        guard case .corruptGzip = error else {
            Issue.record("expected .corruptGzip, got \(String(describing: error))")
            return
        }
    }

    @Test func gzipThatInflatesToNothingIsAnEmptyFile() throws {
        let folder = try FixturePaths.temporaryDirectory("gzip")
        let file = try IDXBytes.write(Self.emptyGzip, to: folder, "train-labels-idx1-ubyte.gz")
        #expect(throws: DatasetError.emptyFile(path: file.path)) { try IDXReader.readLabels(file, classCount: 10) }
    }
}
