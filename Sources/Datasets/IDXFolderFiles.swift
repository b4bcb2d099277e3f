import Foundation

/// The four files of an MNIST-family folder, found on disk.
///
/// Each is looked up as `<stem>.gz`, `<stem>`, then the dotted spelling some mirrors use
/// (`train-images.idx3-ubyte[.gz]`), in that order of preference.
public struct IDXFolderFiles: Sendable, Equatable {
    /// The canonical names, without `.gz`: train images, train labels, test images, test labels.
    public static let stems = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                               "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    public let folder: URL
    public let trainImages: URL
    public let trainLabels: URL
    public let testImages: URL
    public let testLabels: URL

    /// Locates the four files; throws when the folder is missing, is a file, lacks some of
    /// them (all missing ones are named), or holds a folder where a file belongs.
    public init(folder: URL) throws(DatasetError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw .folderMissing(path: folder.path)
        }
        guard isDirectory.boolValue else { throw .notAFolder(path: folder.path) }

        var found: [URL] = []
        var missing: [String] = []
        var misplacedFolder: String?
        for stem in Self.stems {
            switch Self.locate(stem, in: folder) {
            case .file(let url): found.append(url)
            case .directory(let path):
                misplacedFolder = misplacedFolder ?? path
                missing.append(stem)
            case .absent: missing.append(stem)
            }
        }
        if let path = misplacedFolder { throw .isDirectory(path: path) }
        guard missing.isEmpty, found.count == 4 else {
            throw .missingFiles(folder: folder.path, missing: missing)
        }
        self.folder = folder
        trainImages = found[0]
        trainLabels = found[1]
        testImages = found[2]
        testLabels = found[3]
    }

    /// Whether `folder` holds all four files (no error detail).
    public static func isComplete(_ folder: URL) -> Bool {
        (try? IDXFolderFiles(folder: folder)) != nil
    }

    /// File names tried for one stem, most preferred first.
    static func candidates(for stem: String) -> [String] {
        let dotted = stem.replacingOccurrences(of: "-idx", with: ".idx")
        return [stem + ".gz", stem, dotted + ".gz", dotted]
    }

    private enum Lookup { case file(URL), directory(String), absent }

    private static func locate(_ stem: String, in folder: URL) -> Lookup {
        var directory: String?
        for name in candidates(for: stem) {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { return .file(url) }
            directory = directory ?? url.path
        }
        return directory.map { .directory($0) } ?? .absent
    }
}
