import Training
import Probes
import Diagnostics

/// Everything one `initscope run` produced: written as metrics.json, read back by later
/// commands. `schemaVersion` changes whenever a field changes meaning.
public struct ExperimentResult: Sendable, Codable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ToolInfo
    /// ISO 8601, UTC.
    public var createdAt: String
    public var config: ExperimentConfig
    public var dataset: DatasetInfo
    public var machine: MachineInfo
    public var runs: [RunResult]
    /// Histogram bins shared by every run (nil when probes are off).
    public var histogramRanges: HistogramRanges?
    /// Wall time of the whole suite (runs in parallel), and the sum of per-run times.
    public var wallSeconds: Double
    public var sumOfRunSeconds: Double
    /// `git rev-parse` of the folder the run was started from, "+ local changes" when dirty.
    public var gitCommit: String?
    /// A command line that reproduces this run.
    public var command: String
    /// `ExperimentConfig.fingerprint` of `config` (nil in older files): equal hashes, same experiment.
    public var configHash: String?
    /// Set when this file holds one shard of the plan (`run --shard K/N`); `merge` combines them.
    public var shard: Shard?
    /// What the diagnostics rules found, most severe first (nil in files written before
    /// diagnostics existed: `diagnose()` computes them from the probes).
    public var findings: [Finding]?
    /// true when the suite stopped before every planned run (of its shard) finished — it
    /// was interrupted; absent in a complete result. `runs` then holds the finished runs only.
    public var partial: Bool?
    /// The planned runs not in `runs`, in plan order, with why (absent in a complete result).
    public var missingRuns: [MissingRun]?

    public init(schemaVersion: Int = ExperimentResult.currentSchemaVersion, tool: ToolInfo = .current, createdAt: String,
                config: ExperimentConfig, dataset: DatasetInfo, machine: MachineInfo, runs: [RunResult],
                histogramRanges: HistogramRanges? = nil,
                wallSeconds: Double, sumOfRunSeconds: Double, gitCommit: String? = nil, command: String = "") {
        self.schemaVersion = schemaVersion; self.tool = tool; self.createdAt = createdAt; self.config = config
        self.dataset = dataset; self.machine = machine; self.runs = runs
        self.histogramRanges = histogramRanges; self.wallSeconds = wallSeconds
        self.sumOfRunSeconds = sumOfRunSeconds; self.gitCommit = gitCommit; self.command = command
        self.configHash = config.fingerprint
    }
}

public struct ToolInfo: Sendable, Codable, Equatable {
    public var name: String
    public var version: String
    public static let current = ToolInfo(name: "initscope", version: "0.1.0")
}

public struct DatasetInfo: Sendable, Codable, Equatable {
    public var name: String
    public var source: String
    public var trainExamples: Int
    public var testExamples: Int
    public var features: Int
    public var classes: Int
    /// `DatasetSplits.fingerprint` of what was trained and evaluated on (nil in older files).
    public var fingerprint: String?

    public init(name: String, source: String, trainExamples: Int, testExamples: Int, features: Int, classes: Int,
                fingerprint: String? = nil) {
        self.name = name; self.source = source; self.trainExamples = trainExamples
        self.testExamples = testExamples; self.features = features; self.classes = classes
        self.fingerprint = fingerprint
    }
}

/// One initializer trained once.
public struct RunResult: Sendable, Codable, Equatable {
    /// Stable id: initializer name, variant and seed, e.g. "he_normal#seed0", "he_normal@bn#seed1".
    public var id: String
    public var initializer: String
    /// The config variant this run trained (nil: the base network).
    public var variant: String?
    /// The network as trained (nil in files written before variants: the config's base network).
    public var network: NetworkSettings?
    /// Data-dependent initializers (LSUV): iterations each layer took to reach unit output
    /// variance on the calibration batch. nil for every other scheme.
    public var calibrationIterations: [Int]?
    public var label: String
    public var formula: String
    public var seed: UInt64
    public var layerSizes: [Int]
    public var history: TrainingHistory
    /// Per-layer statistics while it learned (nil when probes are off).
    public var probes: RunProbes?
    /// Wall time of this run: initialization, training and evaluation.
    public var seconds: Double
    /// The static variance forecast for the weights as drawn (nil in files written before it).
    public var forecast: VarianceForecast?
    /// Singular values of ∂logits/∂x at init (nil for BatchNorm networks and older files).
    public var jacobian: JacobianSpectrum?

    public init(id: String, initializer: String, variant: String? = nil, network: NetworkSettings? = nil,
                calibrationIterations: [Int]? = nil, label: String, formula: String, seed: UInt64,
                layerSizes: [Int], history: TrainingHistory, probes: RunProbes? = nil, seconds: Double,
                forecast: VarianceForecast? = nil, jacobian: JacobianSpectrum? = nil) {
        self.id = id; self.initializer = initializer; self.variant = variant; self.network = network
        self.calibrationIterations = calibrationIterations; self.label = label; self.formula = formula
        self.seed = seed; self.layerSizes = layerSizes; self.history = history; self.probes = probes
        self.seconds = seconds; self.forecast = forecast; self.jacobian = jacobian
    }

    public var status: String { history.divergedAtStep == nil ? "completed" : "diverged" }
}
