import Datasets
import Foundation
import Synchronization
import Tensor
import Testing
import TestSupport

/// `DataSettings.load`: each source, the validation split, standardisation, and the checks
/// on every setting.
@Suite struct DataSettingsLoadTests {
    static let blobs = SyntheticSource(kind: .blobs, trainExamples: 200, testExamples: 50, classes: 3,
                                       features: 3, noise: 1)

    // MARK: Sources

    @Test func standardFallsBackToTheSubsetWithANote() throws {
        let absentDebian = try FixturePaths.temporaryDirectory().appendingPathComponent("fashion-mnist")
        let (splits, note) = try DataSettings.standard.load(seed: 0, debianFolder: absentDebian,
                                                            searchStarts: [FixturePaths.repositoryRoot])
        #expect(splits.train.count == 2000 && splits.test.count == 500 && splits.evaluation == .test)
        #expect(splits.train.name == "Fashion-MNIST subset")
        #expect(note?.contains(absentDebian.path) == true)
    }

    @Test func idxFolderIsReadRelativeToTheConfig() throws {
        let settings = DataSettings(source: .idx(folder: "fashion-mnist-subset"))
        let (splits, note) = try settings.load(seed: 0, relativeTo: FixturePaths.root)
        #expect(splits.train.count == 2000 && note == nil)
        #expect(throws: DatasetError.folderMissing(path: "/nonexistent/fashion-mnist-subset")) {
            try settings.load(seed: 0, relativeTo: URL(fileURLWithPath: "/nonexistent"))
        }
    }

    /// train_limit keeps the first N training examples, before a validation split; the test
    /// split is untouched; a synthetic source refuses it.
    @Test func trainLimitKeepsTheFirstExamples() throws {
        let full = try DataSettings(source: .idx(folder: "fashion-mnist-subset")).load(seed: 0, relativeTo: FixturePaths.root).splits
        let limited = try DataSettings(source: .idx(folder: "fashion-mnist-subset"), trainLimit: 300)
            .load(seed: 0, relativeTo: FixturePaths.root).splits
        #expect(limited.train.count == 300 && limited.test.count == 500)
        #expect(limited.train.labels == Array(full.train.labels[0..<300]))
        #expect(Array(limited.train.features.storage[0..<784]) == Array(full.train.features.storage[0..<784]))
        let split = try DataSettings(source: .idx(folder: "fashion-mnist-subset"), validationSplit: 0.1, trainLimit: 300)
            .load(seed: 0, relativeTo: FixturePaths.root).splits
        #expect(split.train.count == 270 && split.test.count == 30 && split.evaluation == .validation)
        #expect(throws: DatasetError.self) { try DataSettings(source: .synthetic(Self.blobs), trainLimit: 10).validate() }
        #expect(throws: DatasetError.self) { try DataSettings(trainLimit: 0).validate() }
    }

    /// Work on the test split while the training split loads sees the test split the load
    /// returns, and is told when the training split is read; not when the test split will be
    /// replaced (validation split) or rescaled (standardization).
    @Test func testSplitWorkSeesTheTestSplitTheRunsSee() throws {
        struct Seen: Sendable { var tests: [Dataset] = []; var toldTrainingWasRead = false }
        let seen = Mutex(Seen())
        let work: TestSplitWork = { test, trainingSplitRead in
            let deadline = Date().addingTimeInterval(30)
            while !trainingSplitRead() && Date() < deadline { usleep(1000) }
            seen.withLock { $0.tests.append(test); $0.toldTrainingWasRead = trainingSplitRead() }
        }
        let folder = DataSettings(source: .idx(folder: "fashion-mnist-subset"))
        let splits = try folder.load(seed: 0, relativeTo: FixturePaths.root, whileTrainingSplitLoads: work).splits
        let (tests, told) = seen.withLock { ($0.tests, $0.toldTrainingWasRead) }
        #expect(tests.count == 1 && told)
        #expect(tests.first?.labels == splits.test.labels)
        #expect(tests.first.map { Array($0.features.storage) } == Array(splits.test.features.storage))
        for settings in [DataSettings(source: .idx(folder: "fashion-mnist-subset"), validationSplit: 0.1),
                         DataSettings(source: .idx(folder: "fashion-mnist-subset"), standardize: true)] {
            _ = try settings.load(seed: 0, relativeTo: FixturePaths.root, whileTrainingSplitLoads: work)
        }
        #expect(seen.withLock { $0.tests.count } == 1)
    }

    @Test func pathsExpandTheHomeFolder() {
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        #expect(DataSettings.resolve("~/data/x.csv", relativeTo: URL(fileURLWithPath: "/etc")).path
                == home + "/data/x.csv")
        #expect(DataSettings.resolve("/abs/x.csv", relativeTo: URL(fileURLWithPath: "/etc")).path == "/abs/x.csv")
        #expect(DataSettings.resolve("../x.csv", relativeTo: URL(fileURLWithPath: "/etc/conf")).path == "/etc/x.csv")
    }

    @Test func csvWithTestFile() throws {
        let csv = CSVSource(train: "csv/fashion-mnist-train.csv", test: "csv/fashion-mnist-test.csv",
                            labelColumn: .name("label"))
        let (splits, _) = try DataSettings(source: .csv(csv)).load(seed: 0, relativeTo: FixturePaths.root)
        #expect(splits.train.count == 20 && splits.test.count == 10 && splits.evaluation == .test)
        #expect(splits.train.name == "fashion-mnist-train")
    }

    @Test func csvWithoutTestFileHoldsOutValidation() throws {
        let csv = CSVSource(train: "csv/fashion-mnist-train.csv")
        let settings = DataSettings(source: .csv(csv), validationSplit: 0.25)
        let (splits, _) = try settings.load(seed: 3, relativeTo: FixturePaths.root)
        #expect(splits.train.count == 15 && splits.test.count == 5 && splits.evaluation == .validation)
        #expect(splits.evaluationName == "validation")
    }

    @Test func syntheticComesFromTheSeed() throws {
        let settings = DataSettings(source: .synthetic(Self.blobs))
        let a = try settings.load(seed: 8).splits, b = try settings.load(seed: 8).splits
        #expect(a.train.features == b.train.features && a.test.labels == b.test.labels)
        #expect(a.train.features == SyntheticData.splits(Self.blobs, seed: 8).train.features)
    }

    // MARK: Validation split

    @Test(arguments: [(0.1, 20), (0.25, 50), (0.5, 100), (0.99, 198)])
    func validationSizes(_ share: Double, _ held: Int) throws {
        let settings = DataSettings(source: .synthetic(Self.blobs), validationSplit: share)
        let splits = try settings.load(seed: 1).splits
        #expect(splits.test.count == held)
        #expect(splits.train.count + splits.test.count == 200)
        #expect(splits.evaluation == .validation && splits.test.classCount == 3)
    }

    @Test func validationIsDeterministicAndDisjoint() throws {
        let source = SyntheticData.splits(Self.blobs, seed: 4).train
        let a = try DatasetSplits.holdingOutValidation(from: source, share: 0.3, seed: 4)
        let b = try DatasetSplits.holdingOutValidation(from: source, share: 0.3, seed: 4)
        let c = try DatasetSplits.holdingOutValidation(from: source, share: 0.3, seed: 5)
        #expect(a.train.features == b.train.features && a.test.features == b.test.features)
        #expect(a.test.features != c.test.features)
        // Every source row lands in exactly one part (blob rows are all distinct).
        let rows = { (d: Dataset) in (0..<d.count).map { Array(d.features.row($0)) } }
        let trainRows = Set(rows(a.train)), testRows = Set(rows(a.test))
        #expect(trainRows.isDisjoint(with: testRows))
        #expect(trainRows.union(testRows) == Set(rows(source)))
        #expect(trainRows.count + testRows.count == 200)
    }

    @Test func validationKeepsLabelsWithTheirRows() throws {
        let source = SyntheticData.splits(Self.blobs, seed: 4).train
        let labelOf = Dictionary(uniqueKeysWithValues: (0..<source.count).map {
            (Array(source.features.row($0)), source.labels[$0])
        })
        let splits = try DatasetSplits.holdingOutValidation(from: source, share: 0.5, seed: 2)
        for part in [splits.train, splits.test] {
            for i in 0..<part.count { #expect(labelOf[Array(part.features.row(i))] == part.labels[i]) }
        }
    }

    @Test func shareThatEmptiesAPartIsRefused() throws {
        let tiny = DataSettings(source: .synthetic(SyntheticSource(kind: .blobs, trainExamples: 4, classes: 2)),
                                validationSplit: 0.1)
        let error = #expect(throws: DatasetError.self) { try tiny.load(seed: 0) }
        guard case .invalidSetting(let key, _, _)? = error else {
            Issue.record("expected .invalidSetting, got \(String(describing: error))")
            return
        }
        #expect(key == "data.validation_split")
    }

    // MARK: Standardisation

    @Test func standardizedTrainHasZeroMeanUnitDeviation() throws {
        let settings = DataSettings(source: .synthetic(Self.blobs), standardize: true)
        let splits = try settings.load(seed: 2).splits
        let statistics = Standardization(fitting: splits.train)
        for c in 0..<splits.train.featureCount {
            #expect(abs(statistics.mean[c]) < 1e-5)
            #expect(abs(statistics.scale[c] - 1) < 1e-4)
        }
    }

    @Test func testIsScaledWithTheTrainingStatistics() throws {
        let raw = SyntheticData.splits(Self.blobs, seed: 2)
        let statistics = Standardization(fitting: raw.train)
        let scaled = try DataSettings(source: .synthetic(Self.blobs), standardize: true).load(seed: 2).splits
        for i in 0..<raw.test.count {
            for c in 0..<raw.test.featureCount {
                let expected = (raw.test.features[i, c] - statistics.mean[c]) / statistics.scale[c]
                #expect(scaled.test.features[i, c] == expected)
            }
        }
        // The test split's own statistics are not those of a standardised set.
        #expect(Standardization(fitting: scaled.test) != Standardization(fitting: scaled.train))
    }

    @Test func constantFeatureIsOnlyCentred() {
        let data = Dataset(name: "c", source: "memory", features: Matrix([[5, 1], [5, 2], [5, 3]]),
                           labels: [0, 1, 0], classCount: 2)
        let statistics = Standardization(fitting: data)
        #expect(statistics.mean == [5, 2] && statistics.scale[0] == 1)
        let scaled = statistics.apply(to: data)
        #expect(scaled.features.storage.enumerated().filter { $0.offset % 2 == 0 }.allSatisfy { $0.element == 0 })
        #expect(scaled.labels == data.labels && scaled.name == "c")
    }

    @Test func standardizationAfterTheValidationSplitUsesOnlyTheRemainingTrain() throws {
        let settings = DataSettings(source: .synthetic(Self.blobs), validationSplit: 0.2, standardize: true)
        let splits = try settings.load(seed: 6).splits
        let statistics = Standardization(fitting: splits.train)
        #expect(statistics.mean.allSatisfy { abs($0) < 1e-5 })
        #expect(splits.evaluation == .validation)
    }

    // MARK: Settings checks

    private func expectSetting(_ settings: DataSettings, key: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: DatasetError.self, sourceLocation: sourceLocation) { try settings.validate() }
        guard case .invalidSetting(let found, _, _)? = error, let error else {
            Issue.record("expected .invalidSetting, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(found == key, sourceLocation: sourceLocation)
        expectCSVMessage(error, mentions: key, sourceLocation: sourceLocation)
        // load checks first too: nothing is read.
        #expect(throws: error, sourceLocation: sourceLocation) { try settings.load(seed: 0) }
    }

    @Test(arguments: [-0.1, 1, 1.5, .nan, .infinity])
    func validationSplitOutOfRange(_ share: Double) {
        expectSetting(DataSettings(validationSplit: share), key: "data.validation_split")
    }

    @Test func csvWithoutTestNeedsAValidationSplit() {
        expectSetting(DataSettings(source: .csv(CSVSource(train: "x.csv"))), key: "data.validation_split")
        #expect(DatasetError.invalidSetting(key: "data.validation_split", value: "0", expected: "x").description
                == "data.validation_split is 0; expected x.")
    }

    @Test func emptyPaths() {
        expectSetting(DataSettings(source: .csv(CSVSource(train: "")), validationSplit: 0.1), key: "data.csv.train")
        expectSetting(DataSettings(source: .csv(CSVSource(train: "a.csv", test: ""))), key: "data.csv.test")
        expectSetting(DataSettings(source: .csv(CSVSource(train: "a.csv", test: "b.csv", labelColumn: .name("")))),
                      key: "data.csv.label_column")
        expectSetting(DataSettings(source: .idx(folder: "")), key: "data.idx")
    }

    @Test func syntheticCounts() {
        func synthetic(_ change: (inout SyntheticSource) -> Void) -> DataSettings {
            var source = SyntheticSource(kind: .blobs)
            change(&source)
            return DataSettings(source: .synthetic(source))
        }
        expectSetting(synthetic { $0.trainExamples = 0 }, key: "data.synthetic.train_examples")
        expectSetting(synthetic { $0.testExamples = -1 }, key: "data.synthetic.test_examples")
        expectSetting(synthetic { $0.classes = 1 }, key: "data.synthetic.classes")
        expectSetting(synthetic { $0.features = 0 }, key: "data.synthetic.features")
        expectSetting(synthetic { $0.kind = .spirals; $0.features = 3 }, key: "data.synthetic.features")
        expectSetting(synthetic { $0.noise = -0.1 }, key: "data.synthetic.noise")
        expectSetting(synthetic { $0.noise = .nan }, key: "data.synthetic.noise")
        #expect(throws: Never.self) { try synthetic { $0.kind = .spirals }.validate() }
    }
}
