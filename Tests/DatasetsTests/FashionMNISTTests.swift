import Datasets
import Foundation
import Tensor
import Testing
import TestSupport

/// The real data: the committed subset always, Debian's full set when installed.
@Suite struct FashionMNISTTests {
    static let subset = FixturePaths.url("fashion-mnist-subset")
    static let debian = URL(fileURLWithPath: DatasetLocation.debianFashionMNIST)

    @Test func subsetShapesAndName() throws {
        let splits = try IDXReader.loadFolder(Self.subset)
        #expect(splits.train.count == 2000 && splits.train.featureCount == 784)
        #expect(splits.test.count == 500 && splits.test.featureCount == 784)
        #expect(splits.train.features.rows == 2000 && splits.train.features.cols == 784)
        #expect(splits.train.name == "Fashion-MNIST subset" && splits.test.name == "Fashion-MNIST subset")
        #expect(splits.train.classCount == 10)
        #expect(splits.train.source.contains("fashion-mnist-subset/train-images-idx3-ubyte.gz"))
        #expect(splits.test.source.contains("fashion-mnist-subset/t10k-labels-idx1-ubyte.gz"))
    }

    @Test func subsetPixelsAreScaledBytes() throws {
        let splits = try IDXReader.loadFolder(Self.subset)
        for split in [splits.train, splits.test] {
            let pixels = split.features.storage
            #expect(pixels.min() == 0 && pixels.max() == 1)
            // Every value is k/255 for an integer k.
            #expect(pixels.allSatisfy { ($0 * 255).rounded() / 255 == $0 })
        }
    }

    /// Spot checks against Fashion-MNIST itself (values read with Python's gzip module).
    @Test func subsetMatchesKnownValues() throws {
        let splits = try IDXReader.loadFolder(Self.subset)
        let train = splits.train, test = splits.test
        // 9 = ankle boot: the first training example of Fashion-MNIST.
        #expect(Array(train.labels.prefix(10)) == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
        #expect(Array(test.labels.prefix(10)) == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7])
        #expect(train.features[0, 99] == Float(13) / 255 && train.features[0, 100] == Float(73) / 255)
        #expect(train.features[0, 14 * 28 + 14] == Float(217) / 255)
        #expect(test.features[0, 14 * 28 + 14] == Float(110) / 255)
        #expect(rowByteSum(train.features, 0) == 76_247)
        #expect(rowByteSum(train.features, 1999) == 49_119)
        #expect(rowByteSum(test.features, 0) == 33_456)
    }

    @Test func subsetHoldsEveryClass() throws {
        let splits = try IDXReader.loadFolder(Self.subset)
        #expect(classCounts(splits.train) == [194, 216, 202, 195, 186, 200, 194, 215, 198, 200])
        #expect(classCounts(splits.test) == [55, 52, 65, 46, 57, 39, 47, 47, 44, 48])
    }

    @Test(.enabled(if: IDXFolderFiles.isComplete(debian),
                   "Debian's dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist)"))
    func fullDebianSetLoads() throws {
        let splits = try IDXReader.loadFolder(Self.debian)
        #expect(splits.train.count == 60_000 && splits.test.count == 10_000)
        #expect(splits.train.featureCount == 784 && splits.test.featureCount == 784)
        #expect(splits.train.name == "Fashion-MNIST")
        #expect(classCounts(splits.train) == Array(repeating: 6000, count: 10))
        #expect(classCounts(splits.test) == Array(repeating: 1000, count: 10))
        // The committed subset is exactly the first rows of the full set.
        let subset = try IDXReader.loadFolder(Self.subset)
        #expect(Array(splits.train.features.storage.prefix(2000 * 784)) == subset.train.features.storage)
        #expect(Array(splits.train.labels.prefix(2000)) == subset.train.labels)
        #expect(Array(splits.test.features.storage.prefix(500 * 784)) == subset.test.features.storage)
        #expect(Array(splits.test.labels.prefix(500)) == subset.test.labels)
    }

    private func rowByteSum(_ m: Matrix, _ row: Int) -> Int {
        m.row(row).reduce(0) { $0 + Int(($1 * 255).rounded()) }
    }

    private func classCounts(_ data: Dataset) -> [Int] {
        var counts = [Int](repeating: 0, count: data.classCount)
        for label in data.labels { counts[Int(label)] += 1 }
        return counts
    }
}
