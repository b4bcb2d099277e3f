import Training

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
    /// Wall time of the whole suite (runs in parallel), and the sum of per-run times.
    public var wallSeconds: Double
    public var sumOfRunSeconds: Double
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
}

/// One initializer trained once.
public struct RunResult: Sendable, Codable, Equatable {
    /// Stable id: initializer name and seed, e.g. "he_normal#seed0".
    public var id: String
    public var initializer: String
    public var label: String
    public var formula: String
    public var seed: UInt64
    public var layerSizes: [Int]
    public var history: TrainingHistory
    /// Wall time of this run: initialization, training and evaluation.
    public var seconds: Double

    public var status: String { history.divergedAtStep == nil ? "completed" : "diverged" }
}
