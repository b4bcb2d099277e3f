/// Where an experiment's examples come from and how they are prepared: the `data:` section
/// of a config, stored in metrics.json. `DataSettings.load(seed:)` turns it into splits.
public struct DataSettings: Sendable, Codable, Equatable {
    /// The examples' origin.
    public enum Source: Sendable, Codable, Equatable {
        /// Debian's Fashion-MNIST (/usr/share/datasets/fashion-mnist), else the fixture subset
        /// with a note saying so. The default.
        case standard
        /// Any MNIST-family IDX folder (train-images-idx3-ubyte[.gz], … t10k-labels-idx1-ubyte[.gz]).
        case idx(folder: String)
        /// Comma-separated values, one example per row.
        case csv(CSVSource)
        /// Generated from the experiment's seed, for quick demos.
        case synthetic(SyntheticSource)
    }

    public var source: Source
    /// Share of the training examples (after a seeded shuffle) held out as the evaluation
    /// split, in [0, 1). 0 evaluates on the source's test split; a CSV without a test file
    /// needs a split > 0.
    public var validationSplit: Double
    /// Rescale every feature to zero mean and unit variance, with mean and deviation
    /// measured on the training split only (then applied to both splits).
    public var standardize: Bool
    /// Train on only the first this many examples of a file source's training split (before
    /// any validation split), for quicker runs; nil = all. Synthetic sets say how many to
    /// generate instead.
    public var trainLimit: Int?

    public init(source: Source = .standard, validationSplit: Double = 0, standardize: Bool = false, trainLimit: Int? = nil) {
        self.source = source
        self.validationSplit = validationSplit
        self.standardize = standardize
        self.trainLimit = trainLimit
    }

    public static let standard = DataSettings()
}

/// A CSV dataset: `train` (and optionally `test`) files, one example per row, numbers only
/// apart from an optional header row.
public struct CSVSource: Sendable, Codable, Equatable {
    /// Which column holds the integer class label (0, 1, …); every other column is a feature.
    public enum LabelColumn: Sendable, Codable, Equatable {
        /// 0-based; negative counts from the end (-1 = last column).
        case index(Int)
        /// A header name (needs a header row).
        case name(String)
    }

    public var train: String
    public var test: String?
    public var labelColumn: LabelColumn
    /// true: the first row is a header; false: it is data; nil: a first row that is not all
    /// numbers is taken as a header.
    public var header: Bool?

    public init(train: String, test: String? = nil, labelColumn: LabelColumn = .index(0), header: Bool? = nil) {
        self.train = train
        self.test = test
        self.labelColumn = labelColumn
        self.header = header
    }
}

/// A labelled point cloud generated from the experiment's seed.
public struct SyntheticSource: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `classes` interleaved 2-D spiral arms (CS231n's toy set); always 2 features.
        case spirals
        /// `classes` isotropic Gaussian blobs in `features` dimensions.
        case blobs
    }

    public var kind: Kind
    public var trainExamples: Int
    public var testExamples: Int
    public var classes: Int
    /// Blobs only (spirals are 2-D).
    public var features: Int
    /// Spirals: angle jitter (radians); blobs: standard deviation around each centre.
    public var noise: Double

    public init(kind: Kind, trainExamples: Int = 3000, testExamples: Int = 1000, classes: Int = 3,
                features: Int = 2, noise: Double = 0.2) {
        self.kind = kind
        self.trainExamples = trainExamples
        self.testExamples = testExamples
        self.classes = classes
        self.features = features
        self.noise = noise
    }
}
