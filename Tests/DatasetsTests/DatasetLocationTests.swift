import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct DatasetLocationTests {
    @Test func missingDataFlagFolderNeverFallsBack() throws {
        let absent = try FixturePaths.temporaryDirectory().appendingPathComponent("no-such-data")
        let expected = DatasetError.folderMissing(path: absent.path)
        #expect(throws: expected) { try DatasetLocation.resolve(dataFlag: absent.path) }
        expectHelpfulMessage(expected, mentions: absent.path)
    }

    @Test func incompleteDataFlagFolderNeverFallsBack() throws {
        let empty = try FixturePaths.temporaryDirectory()
        #expect(throws: DatasetError.missingFiles(folder: empty.path, missing: IDXFolderFiles.stems)) {
            try DatasetLocation.resolve(dataFlag: empty.path)
        }
    }

    @Test func dataFlagFolderIsUsedAsGiven() throws {
        let subset = FixturePaths.url("fashion-mnist-subset")
        let resolved = try DatasetLocation.resolve(dataFlag: subset.path)
        #expect(resolved.folder.path == subset.standardizedFileURL.path)
        #expect(resolved.name == "Fashion-MNIST subset")
        #expect(resolved.note == nil)
    }

    @Test func withoutFlagSomeCompleteFolderIsFound() throws {
        let resolved = try DatasetLocation.resolve(dataFlag: nil)
        #expect(IDXFolderFiles.isComplete(resolved.folder))
        #expect(resolved.name.hasPrefix("Fashion-MNIST"))
        #expect((resolved.note == nil) == (resolved.folder.path == DatasetLocation.debianFashionMNIST))
    }

    @Test func fallbackToTheSubsetSaysSo() throws {
        let absentDebian = try FixturePaths.temporaryDirectory().appendingPathComponent("fashion-mnist")
        // Start deep inside the repository: the search walks up to <repo>/Fixtures/fashion-mnist-subset.
        let start = FixturePaths.root.deletingLastPathComponent().appendingPathComponent("Tests/DatasetsTests")
        let resolved = try DatasetLocation.resolve(dataFlag: nil, debianFolder: absentDebian, searchStarts: [start])
        let subset = FixturePaths.url("fashion-mnist-subset").standardizedFileURL
        #expect(resolved.folder.path == subset.path)
        #expect(resolved.name == "Fashion-MNIST subset")
        #expect(resolved.note == "Fashion-MNIST not found in \(absentDebian.path) (apt-get install "
                + "dataset-fashion-mnist); using the 2,000/500 fixture subset at \(subset.path)")
    }

    @Test func nothingAnywhereIsAnError() throws {
        let nowhere = try FixturePaths.temporaryDirectory()
        let absentDebian = nowhere.appendingPathComponent("fashion-mnist")
        let error = #expect(throws: DatasetError.self) {
            try DatasetLocation.resolve(dataFlag: nil, debianFolder: absentDebian, searchStarts: [nowhere])
        }
        #expect(error == .noDataFound(debianFolder: absentDebian.path, searchStarts: [nowhere.path]))
        if let error {
            expectHelpfulMessage(error, mentions: absentDebian.path)
            #expect(error.description.contains("Fixtures/fashion-mnist-subset above \(nowhere.path)"))
        }
    }

    @Test func searchStartsIncludeTheCurrentDirectory() {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        #expect(DatasetLocation.defaultSearchStarts().first == current)
    }

    /// The test binary sits in <repo>/.build…/debug: walking up from it reaches the subset.
    @Test func subsetIsFoundFromTheExecutable() throws {
        let starts = Array(DatasetLocation.defaultSearchStarts().dropFirst())
        #expect(!starts.isEmpty)
        #expect(DatasetLocation.findFixtureSubset(from: starts) != nil)
    }
}
