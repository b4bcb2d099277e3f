import Datasets
import Foundation
import Testing
import TestSupport

/// Finding the four files of a folder, and the errors when the folder or its files are wrong.
@Suite struct IDXFolderTests {
    @Test func plainFolderLoads() throws {
        let folder = try IDXBytes.folder(trainCount: 3, testCount: 2, rows: 2, cols: 2)
        let splits = try IDXReader.loadFolder(folder, name: "tiny")
        #expect(splits.train.count == 3 && splits.train.featureCount == 4)
        #expect(splits.test.count == 2 && splits.test.featureCount == 4)
        #expect(splits.train.labels == [0, 1, 2] && splits.test.labels == [0, 1])
        #expect(splits.train.name == "tiny" && splits.train.classCount == 10)
        #expect(splits.train.source.contains(folder.appendingPathComponent("train-images-idx3-ubyte").path))
        #expect(splits.train.source.contains(folder.appendingPathComponent("train-labels-idx1-ubyte").path))
    }

    @Test func dottedNamesFromOtherMirrorsLoad() throws {
        let folder = try IDXBytes.folder()
        for stem in IDXFolderFiles.stems {
            let dotted = stem.replacingOccurrences(of: "-idx", with: ".idx")
            try FileManager.default.moveItem(at: folder.appendingPathComponent(stem),
                                              to: folder.appendingPathComponent(dotted))
        }
        let files = try IDXFolderFiles(folder: folder)
        #expect(files.trainImages.lastPathComponent == "train-images.idx3-ubyte")
        #expect(try IDXReader.loadFolder(folder).train.count == 3)
    }

    /// The plain file is garbage: loading succeeds only if the `.gz` beside it is chosen.
    @Test func gzipPreferredOverPlain() throws {
        let folder = try IDXBytes.folder()
        let labels = try Data(contentsOf: FixturePaths.url("fashion-mnist-subset/t10k-labels-idx1-ubyte.gz"))
        let images = try Data(contentsOf: FixturePaths.url("fashion-mnist-subset/t10k-images-idx3-ubyte.gz"))
        try labels.write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        try images.write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        try IDXBytes.write([1, 2, 3], to: folder, "t10k-labels-idx1-ubyte")
        let files = try IDXFolderFiles(folder: folder)
        #expect(files.testLabels.lastPathComponent == "t10k-labels-idx1-ubyte.gz")
        #expect(throws: DatasetError.featureMismatch(
            trainPath: files.trainImages.path, trainFeatures: 4, testPath: files.testImages.path, testFeatures: 784)) {
            try IDXReader.loadFolder(folder)
        }
        #expect(try IDXReader.readLabels(files.testLabels, classCount: 10).count == 500)
    }

    @Test func missingFolder() throws {
        let folder = try FixturePaths.temporaryDirectory().appendingPathComponent("absent")
        let expected = DatasetError.folderMissing(path: folder.path)
        #expect(throws: expected) { try IDXReader.loadFolder(folder) }
        expectHelpfulMessage(expected, mentions: folder.path)
        #expect(expected.description.contains("apt-get install dataset-fashion-mnist"))
    }

    @Test func fileGivenAsFolder() throws {
        let folder = try IDXBytes.folder()
        let file = folder.appendingPathComponent("train-images-idx3-ubyte")
        let expected = DatasetError.notAFolder(path: file.path)
        #expect(throws: expected) { try IDXReader.loadFolder(file) }
        expectHelpfulMessage(expected, mentions: file.path)
    }

    @Test func missingFilesAreAllNamed() throws {
        let folder = try IDXBytes.folder()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("train-labels-idx1-ubyte"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("t10k-images-idx3-ubyte"))
        let expected = DatasetError.missingFiles(folder: folder.path,
                                                 missing: ["train-labels-idx1-ubyte", "t10k-images-idx3-ubyte"])
        #expect(throws: expected) { try IDXReader.loadFolder(folder) }
        expectHelpfulMessage(expected, mentions: folder.path)
        #expect(expected.description.contains("train-labels-idx1-ubyte(.gz), t10k-images-idx3-ubyte(.gz)"))
        #expect(expected.description.contains("apt-get install dataset-fashion-mnist"))
    }

    @Test func emptyFolderMissesAllFour() throws {
        let folder = try FixturePaths.temporaryDirectory()
        #expect(throws: DatasetError.missingFiles(folder: folder.path, missing: IDXFolderFiles.stems)) {
            try IDXReader.loadFolder(folder)
        }
    }

    @Test func directoryNamedLikeAFile() throws {
        let folder = try IDXBytes.folder()
        let plain = folder.appendingPathComponent("train-images-idx3-ubyte")
        try FileManager.default.removeItem(at: plain)
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: false)
        let expected = DatasetError.isDirectory(path: plain.path)
        #expect(throws: expected) { try IDXReader.loadFolder(folder) }
        expectHelpfulMessage(expected, mentions: plain.path)
    }

    @Test func imageAndLabelCountsDisagree() throws {
        let folder = try IDXBytes.folder(trainCount: 3)
        let labels = try IDXBytes.write(IDXBytes.labels([1, 2]), to: folder, "train-labels-idx1-ubyte")
        let images = folder.appendingPathComponent("train-images-idx3-ubyte")
        let expected = DatasetError.countMismatch(imagesPath: images.path, imageCount: 3,
                                                  labelsPath: labels.path, labelCount: 2)
        #expect(throws: expected) { try IDXReader.loadFolder(folder) }
        expectHelpfulMessage(expected, mentions: images.path)
        #expect(expected.description.contains(labels.path))
    }

    @Test func trainAndTestImageSizesDisagree() throws {
        let folder = try IDXBytes.folder(testCount: 2, rows: 2, cols: 2)
        let test = try IDXBytes.write(IDXBytes.images(count: 2, rows: 3, cols: 3), to: folder, "t10k-images-idx3-ubyte")
        let train = folder.appendingPathComponent("train-images-idx3-ubyte")
        let expected = DatasetError.featureMismatch(trainPath: train.path, trainFeatures: 4,
                                                    testPath: test.path, testFeatures: 9)
        #expect(throws: expected) { try IDXReader.loadFolder(folder) }
        expectHelpfulMessage(expected, mentions: test.path)
    }

    /// The splits are read on two threads; when both are broken, the training split's error
    /// is the one reported, as when they were read one after the other.
    @Test func bothSplitsBrokenReportsTheTrainingSplit() throws {
        let folder = try IDXBytes.folder(trainCount: 3, testCount: 2)
        let trainLabels = try IDXBytes.write(IDXBytes.labels([0, 10, 1]), to: folder, "train-labels-idx1-ubyte")
        try IDXBytes.write(IDXBytes.labels([12, 0]), to: folder, "t10k-labels-idx1-ubyte")
        for _ in 0..<5 {
            #expect(throws: DatasetError.labelOutOfRange(path: trainLabels.path, index: 1, value: 10, classCount: 10)) {
                try IDXReader.loadFolder(folder)
            }
        }
    }

    @Test func labelOutOfRangeInAFolder() throws {
        let folder = try IDXBytes.folder(trainCount: 3)
        let labels = try IDXBytes.write(IDXBytes.labels([0, 10, 1]), to: folder, "train-labels-idx1-ubyte")
        #expect(throws: DatasetError.labelOutOfRange(path: labels.path, index: 1, value: 10, classCount: 10)) {
            try IDXReader.loadFolder(folder)
        }
        #expect(try IDXReader.loadFolder(folder, classCount: 11).train.classCount == 11)
    }

    @Test(arguments: [
        ("/usr/share/datasets/fashion-mnist", "Fashion-MNIST"),
        ("/data/FashionMNIST/raw", "Fashion-MNIST"),
        ("/repo/Fixtures/fashion-mnist-subset", "Fashion-MNIST subset"),
        ("/data/mnist", "MNIST"),
        ("/data/MNIST/raw/", "raw"),
        ("/data/kmnist", "MNIST"),
        ("/data/digits", "digits"),
    ])
    func displayName(path: String, expected: String) {
        #expect(DatasetLocation.displayName(for: URL(fileURLWithPath: path)) == expected)
    }
}
