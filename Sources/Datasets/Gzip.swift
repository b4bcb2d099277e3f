import Compression

/// Gzip files of datasets: zlib's inflate (in `Compression`) with errors that name the file.
public enum Gzip {
    /// The most bytes `inflate` produces before it refuses (2 GiB): far above any MNIST-family
    /// file, and a guard against a corrupt size or a decompression bomb.
    public static let defaultOutputLimit = 1 << 31

    /// Inflates gzip or zlib data (auto-detect); handles concatenated gzip members.
    /// `path` only names the data in errors.
    public static func inflate(_ data: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        try inflate(data, path: path, outputLimit: defaultOutputLimit)
    }

    /// `inflate(_:path:)` with an explicit cap on the decompressed size.
    public static func inflate(_ data: [UInt8], path: String, outputLimit: Int) throws(DatasetError) -> [UInt8] {
        do {
            return try Zlib.inflate(data, outputLimit: outputLimit)
        } catch {
            switch error {
            case .empty: throw .emptyFile(path: path)
            case let .corrupt(message): throw .corruptGzip(path: path, message: message)
            }
        }
    }
}
