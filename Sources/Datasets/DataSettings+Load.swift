import Foundation

extension DataSettings {
    /// The config keys of the `data:` section, as error messages name them.
    public enum Key {
        public static let validationSplit = "data.validation_split"
        public static let trainLimit = "data.train_limit"
        public static let idxFolder = "data.idx"
        public static let csvTrain = "data.csv.train"
        public static let csvTest = "data.csv.test"
        public static let csvLabelColumn = "data.csv.label_column"
        public static let syntheticTrainExamples = "data.synthetic.train_examples"
        public static let syntheticTestExamples = "data.synthetic.test_examples"
        public static let syntheticClasses = "data.synthetic.classes"
        public static let syntheticFeatures = "data.synthetic.features"
        public static let syntheticNoise = "data.synthetic.noise"
    }

    /// Upper bounds that keep a typo from allocating gigabytes.
    static let maxSyntheticExamples = 10_000_000
    static let maxSyntheticFeatures = 100_000

    /// Loads the splits an experiment trains and evaluates on.
    ///
    /// 1. The source: `.standard` is Debian's Fashion-MNIST in `debianFolder`, else the
    ///    committed fixture subset found above `searchStarts` (then `note` says so in one line);
    ///    `.idx` reads an MNIST-family folder; `.csv` reads `CSVReader`'s format; `.synthetic`
    ///    generates points from `seed`. Paths may start with `~`; relative paths are resolved
    ///    against `relativeTo` (the config file's folder), or the current directory when nil.
    /// 2. `validationSplit > 0`: a seeded share of the training examples becomes the evaluation
    ///    split (`splits.evaluation == .validation`); the source's test split is read (so its
    ///    errors and classes count) but not used.
    /// 3. `standardize`: per-feature statistics of the (remaining) training split are applied
    ///    to both splits (`Standardization`).
    ///
    /// The same settings and seed give the same splits. Settings are checked first
    /// (`validate()`).
    ///
    /// `whileTrainingSplitLoads` is handed to `IDXReader.loadFolder` when the test split it
    /// reads is `splits.test` as returned — an IDX source with neither a validation split
    /// (the test split is then replaced) nor standardization (which rescales it) — and is
    /// not called otherwise.
    public func load(seed: UInt64, relativeTo base: URL? = nil,
                     debianFolder: URL = URL(fileURLWithPath: DatasetLocation.debianFashionMNIST),
                     searchStarts: [URL] = DatasetLocation.defaultSearchStarts(),
                     whileTrainingSplitLoads: TestSplitWork? = nil)
        throws(DatasetError) -> (splits: DatasetSplits, note: String?) {
        try validate()
        var note: String?
        var splits: DatasetSplits
        let testSplitWork = validationSplit == 0 && !standardize ? whileTrainingSplitLoads : nil
        switch source {
        case .standard:
            let location = try DatasetLocation.resolve(dataFlag: nil, debianFolder: debianFolder,
                                                       searchStarts: searchStarts)
            note = location.note
            splits = try IDXReader.loadFolder(location.folder, name: location.name, whileTrainingSplitLoads: testSplitWork)
        case .idx(let folder):
            splits = try IDXReader.loadFolder(Self.resolve(folder, relativeTo: base), whileTrainingSplitLoads: testSplitWork)
        case .csv(let csv):
            let files = try CSVReader.load(train: Self.resolve(csv.train, relativeTo: base),
                                           test: csv.test.map { Self.resolve($0, relativeTo: base) },
                                           labelColumn: csv.labelColumn, header: csv.header)
            guard let test = files.test, validationSplit == 0 else {
                // No test file: validate() made sure validationSplit > 0.
                splits = try DatasetSplits.holdingOutValidation(from: limited(files.train), share: validationSplit, seed: seed)
                return (standardize ? splits.standardized() : splits, note)
            }
            splits = DatasetSplits(train: files.train, test: test)
        case .synthetic(let synthetic):
            splits = SyntheticData.splits(synthetic, seed: seed)
        }
        if trainLimit != nil { splits = DatasetSplits(train: limited(splits.train), test: splits.test, evaluation: splits.evaluation) }
        if validationSplit > 0 {
            splits = try DatasetSplits.holdingOutValidation(from: splits.train, share: validationSplit, seed: seed)
        }
        return (standardize ? splits.standardized() : splits, note)
    }

    /// The first `trainLimit` examples of `train` (all of them without a limit).
    func limited(_ train: Dataset) -> Dataset {
        guard let trainLimit, trainLimit < train.count else { return train }
        return train.selecting(Array(0..<trainLimit))
    }

    /// A config path as a file URL: `~` expanded; a relative path joined to `base` (or the
    /// current directory).
    public static func resolve(_ path: String, relativeTo base: URL?) -> URL {
        let expanded = NSString(string: path).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        let folder = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return folder.appendingPathComponent(expanded).standardizedFileURL
    }

    /// Checks every value before anything is read; the error names the config key and the fix.
    public func validate() throws(DatasetError) {
        guard validationSplit >= 0 && validationSplit < 1 else {
            throw .invalidSetting(key: Key.validationSplit, value: "\(validationSplit)",
                                  expected: "a share in [0, 1), e.g. 0.1 (0 evaluates on the test split)")
        }
        if let trainLimit {
            guard trainLimit >= 1 else {
                throw .invalidSetting(key: Key.trainLimit, value: "\(trainLimit)", expected: "1 or more examples, e.g. 10000")
            }
            if case .synthetic = source {
                throw .invalidSetting(key: Key.trainLimit, value: "\(trainLimit)",
                                      expected: "no train_limit with a synthetic source; set train_examples instead")
            }
        }
        switch source {
        case .standard:
            break
        case .idx(let folder):
            if folder.isEmpty {
                throw .invalidSetting(key: Key.idxFolder, value: "empty",
                                      expected: "the path of a folder with MNIST-family IDX files")
            }
        case .csv(let csv):
            try csv.validate(validationSplit: validationSplit)
        case .synthetic(let synthetic):
            try synthetic.validate()
        }
    }
}

extension CSVSource {
    func validate(validationSplit: Double) throws(DatasetError) {
        typealias Key = DataSettings.Key
        if train.isEmpty {
            throw .invalidSetting(key: Key.csvTrain, value: "empty", expected: "the path of a CSV file")
        }
        if test?.isEmpty == true {
            throw .invalidSetting(key: Key.csvTest, value: "empty",
                                  expected: "the path of a CSV file, or no data.csv.test at all")
        }
        if case .name(let name) = labelColumn, name.isEmpty {
            throw .invalidSetting(key: Key.csvLabelColumn, value: "empty",
                                  expected: "a header name or a column index (0 first, -1 last)")
        }
        if test == nil && validationSplit == 0 {
            throw .invalidSetting(key: Key.validationSplit, value: "0",
                                  expected: "a share > 0 (e.g. 0.2) because data.csv has no test file to "
                                      + "evaluate on; or set data.csv.test")
        }
    }
}

extension SyntheticSource {
    func validate() throws(DatasetError) {
        typealias Key = DataSettings.Key
        let examples = 1...DataSettings.maxSyntheticExamples
        if !examples.contains(trainExamples) {
            throw .invalidSetting(key: Key.syntheticTrainExamples, value: "\(trainExamples)",
                                  expected: "a count in 1…\(examples.upperBound), e.g. 3000")
        }
        if !examples.contains(testExamples) {
            throw .invalidSetting(key: Key.syntheticTestExamples, value: "\(testExamples)",
                                  expected: "a count in 1…\(examples.upperBound), e.g. 1000")
        }
        if classes < 2 || classes > CSVReader.maxLabel + 1 {
            throw .invalidSetting(key: Key.syntheticClasses, value: "\(classes)",
                                  expected: "at least 2 classes, e.g. 3")
        }
        switch kind {
        case .spirals where features != 2:
            throw .invalidSetting(key: Key.syntheticFeatures, value: "\(features)",
                                  expected: "2 for spirals (they are 2-D); use kind: blobs for other sizes")
        case .blobs where features < 1 || features > DataSettings.maxSyntheticFeatures:
            throw .invalidSetting(key: Key.syntheticFeatures, value: "\(features)",
                                  expected: "a count in 1…\(DataSettings.maxSyntheticFeatures), e.g. 2")
        default:
            break
        }
        guard noise.isFinite && noise >= 0 else {
            throw .invalidSetting(key: Key.syntheticNoise, value: "\(noise)",
                                  expected: "a finite number ≥ 0, e.g. 0.2")
        }
    }
}
