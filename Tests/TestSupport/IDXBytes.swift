import Datasets
import Foundation

/// Builds small IDX files byte by byte, so every corrupt-input case is spelled out in its test.
public enum IDXBytes {
    public static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// A header with the given magic and dimensions (no payload).
    public static func header(magic: UInt32, _ dimensions: [UInt32]) -> [UInt8] {
        bigEndian(magic) + dimensions.flatMap(bigEndian)
    }

    /// An image file: `count` images of rows × cols, pixel `i` of the payload = `i % 256`.
    public static func images(count: Int, rows: Int, cols: Int) -> [UInt8] {
        header(magic: IDXReader.imagesMagic, [UInt32(count), UInt32(rows), UInt32(cols)])
            + (0..<(count * rows * cols)).map { UInt8($0 % 256) }
    }

    public static func labels(_ values: [UInt8]) -> [UInt8] {
        header(magic: IDXReader.labelsMagic, [UInt32(values.count)]) + values
    }

    /// Writes `bytes` to `folder/name` and returns its URL.
    @discardableResult
    public static func write(_ bytes: [UInt8], to folder: URL, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// A fresh folder with plain (uncompressed) train/test files; `count` examples per split,
    /// labels cycling through 0..<10. Individual files can be overwritten afterwards.
    public static func folder(trainCount: Int = 3, testCount: Int = 2, rows: Int = 2, cols: Int = 2) throws -> URL {
        let folder = try FixturePaths.temporaryDirectory("idx")
        try write(images(count: trainCount, rows: rows, cols: cols), to: folder, "train-images-idx3-ubyte")
        try write(labels((0..<trainCount).map { UInt8($0 % 10) }), to: folder, "train-labels-idx1-ubyte")
        try write(images(count: testCount, rows: rows, cols: cols), to: folder, "t10k-images-idx3-ubyte")
        try write(labels((0..<testCount).map { UInt8($0 % 10) }), to: folder, "t10k-labels-idx1-ubyte")
        return folder
    }
}
