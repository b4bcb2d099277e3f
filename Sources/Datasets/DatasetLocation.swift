import Foundation

/// Where `initscope run` finds its data, and what to call it.
public enum DatasetLocation {
    /// Debian's `dataset-fashion-mnist` package installs the four files here.
    public static let debianFashionMNIST = "/usr/share/datasets/fashion-mnist"
    /// Where the committed subset (first 2,000 train / 500 test) lives in the repository.
    public static let fixtureSubsetRelativePath = "Fixtures/fashion-mnist-subset"
    /// The display name of the committed subset.
    public static let fixtureSubsetName = "Fashion-MNIST subset"

    /// Resolves what `initscope run` trains on: if `dataFlag` is given, that folder (errors if
    /// unusable, never falls back); else the Debian folder if it holds the four files; else the
    /// fixture subset, searched from the current directory and from the executable's folder
    /// upwards (`.build/release/initscope` → repository root). `note` says in one line when the
    /// fallback was used.
    public static func resolve(dataFlag: String?) throws(DatasetError) -> (folder: URL, name: String, note: String?) {
        try resolve(dataFlag: dataFlag, debianFolder: URL(fileURLWithPath: debianFashionMNIST),
                    searchStarts: defaultSearchStarts())
    }

    /// `resolve(dataFlag:)` with the Debian folder and the subset search starts spelled out
    /// (tests, and callers that know better).
    public static func resolve(dataFlag: String?, debianFolder: URL,
                               searchStarts: [URL]) throws(DatasetError) -> (folder: URL, name: String, note: String?) {
        if let dataFlag {
            let expanded = NSString(string: dataFlag).expandingTildeInPath
            let folder = URL(fileURLWithPath: expanded).standardizedFileURL
            _ = try IDXFolderFiles(folder: folder)
            return (folder, displayName(for: folder), nil)
        }
        if IDXFolderFiles.isComplete(debianFolder) {
            return (debianFolder, displayName(for: debianFolder), nil)
        }
        if let subset = findFixtureSubset(from: searchStarts) {
            let note = "Fashion-MNIST not found in \(debianFolder.path) (apt-get install dataset-fashion-mnist); "
                + "using the 2,000/500 fixture subset at \(subset.path)"
            return (subset, fixtureSubsetName, note)
        }
        throw .noDataFound(debianFolder: debianFolder.path, searchStarts: searchStarts.map(\.path))
    }

    /// The current directory, then the folder of the running executable
    /// (`Bundle.main.executableURL`, else `CommandLine.arguments[0]`), symlinks resolved.
    public static func defaultSearchStarts() -> [URL] {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var starts = [current]
        let executable = Bundle.main.executableURL
            ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0, relativeTo: current) }
        if let executable {
            starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        return starts.map(\.standardizedFileURL).reduce(into: []) { unique, url in
            if !unique.contains(url) { unique.append(url) }
        }
    }

    /// The first `<dir>/Fixtures/fashion-mnist-subset` holding all four files, walking from each
    /// start up to the file-system root.
    public static func findFixtureSubset(from starts: [URL]) -> URL? {
        for start in starts {
            var directory = start.standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent(fixtureSubsetRelativePath)
                if IDXFolderFiles.isComplete(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent().standardizedFileURL
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// "Fashion-MNIST subset" for the committed subset, "Fashion-MNIST" for a path containing
    /// "fashion", "MNIST" for a folder named like "mnist", else the folder's own name.
    public static func displayName(for folder: URL) -> String {
        let last = folder.standardizedFileURL.lastPathComponent
        if last == URL(fileURLWithPath: fixtureSubsetRelativePath).lastPathComponent { return fixtureSubsetName }
        if folder.path.lowercased().contains("fashion") { return "Fashion-MNIST" }
        if last.lowercased().contains("mnist") { return "MNIST" }
        return last.isEmpty ? folder.path : last
    }
}
