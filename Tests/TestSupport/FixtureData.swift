import Foundation
import Datasets

/// The real Fashion-MNIST subset committed in Fixtures/ (2,000 train / 500 test), loaded
/// once per test process.
public enum FixtureData {
    public static let subsetFolder = FixturePaths.url("fashion-mnist-subset")

    private static let cache = Result { () throws(DatasetError) -> DatasetSplits in
        try IDXReader.loadFolder(subsetFolder, name: "Fashion-MNIST subset")
    }

    public static func fashionSubset() throws -> DatasetSplits {
        try cache.get()
    }
}
