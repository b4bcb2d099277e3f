/// Combines the shard files of one experiment (`initscope run CONFIG --shard K/N` on N
/// machines) into the result a single machine would have written: runs in plan order, the
/// same histogram ranges, findings diagnosed again over all of them. Timing fields are the
/// only ones that differ: wall time is the slowest shard's, run time the sum.
public enum ShardMerge {
    /// One shard file as read.
    public struct Input: Sendable {
        public let path: String
        public let result: ExperimentResult
        public init(path: String, result: ExperimentResult) { self.path = path; self.result = result }
    }

    public static func merge(_ inputs: [Input]) throws(MergeError) -> ExperimentResult {
        guard let first = inputs.first else { throw .noInput }
        guard let count = first.result.shard?.count else { throw .notAShard(path: first.path) }
        var seenShards: [Int: String] = [:]
        for input in inputs {
            guard let shard = input.result.shard else { throw .notAShard(path: input.path) }
            guard !input.result.isPartial else {
                throw .partialShard(path: input.path, shard: shard, summary: input.result.partialSummary ?? "incomplete")
            }
            guard shard.count == count else {
                throw .mismatch(path: input.path, reference: first.path, what: "shard count (\(shard.count) vs \(count))")
            }
            if let other = seenShards[shard.index] { throw .duplicateShard(index: shard.index, paths: [other, input.path]) }
            seenShards[shard.index] = input.path
            guard input.result.config == first.result.config else {
                throw .mismatch(path: input.path, reference: first.path, what: "config (hash \(input.result.configHash ?? "none") vs \(first.result.configHash ?? "none"))")
            }
            guard input.result.dataset == first.result.dataset else {
                throw .mismatch(path: input.path, reference: first.path, what: "dataset (fingerprint \(input.result.dataset.fingerprint ?? "none") vs \(first.result.dataset.fingerprint ?? "none"))")
            }
            guard input.result.histogramRanges == first.result.histogramRanges else {
                throw .mismatch(path: input.path, reference: first.path, what: "histogram ranges (different tool versions?)")
            }
        }
        // Every planned run exactly once.
        let plan: ExperimentPlan
        do { plan = try ExperimentPlan(first.result.config) } catch { throw .badConfig(error.description) }
        var byID: [String: (run: RunResult, path: String)] = [:]
        for input in inputs {
            for run in input.result.runs {
                if let other = byID[run.id] { throw .duplicateRun(id: run.id, paths: [other.path, input.path]) }
                byID[run.id] = (run, input.path)
            }
        }
        let missingShards = (1...count).filter { seenShards[$0] == nil }
        let missingRuns = plan.runs.map(\.id).filter { byID[$0] == nil }
        guard missingRuns.isEmpty else { throw .missingRuns(ids: missingRuns, shards: missingShards, count: count) }
        let unplanned = Set(byID.keys).subtracting(plan.runs.map(\.id))
        guard unplanned.isEmpty else { throw .unplannedRuns(ids: unplanned.sorted()) }

        let results = inputs.map(\.result)
        let runs = plan.runs.compactMap { byID[$0.id]?.run }
        let commits = Set(results.compactMap(\.gitCommit))
        var merged = ExperimentResult(
            schemaVersion: first.result.schemaVersion, tool: first.result.tool,
            createdAt: results.map(\.createdAt).max() ?? first.result.createdAt,
            config: first.result.config, dataset: first.result.dataset, machine: first.result.machine, runs: runs,
            histogramRanges: first.result.histogramRanges,
            wallSeconds: results.map(\.wallSeconds).max() ?? 0,
            sumOfRunSeconds: results.reduce(0) { $0 + $1.sumOfRunSeconds },
            gitCommit: commits.count <= 1 ? commits.first : commits.sorted().joined(separator: " + "),
            command: first.result.command)
        merged.findings = merged.diagnose()
        return merged
    }
}

/// Shard files that cannot be merged into one experiment.
public enum MergeError: Error, CustomStringConvertible, Equatable {
    case noInput
    case notAShard(path: String)
    case mismatch(path: String, reference: String, what: String)
    case duplicateShard(index: Int, paths: [String])
    case duplicateRun(id: String, paths: [String])
    case missingRuns(ids: [String], shards: [Int], count: Int)
    case unplannedRuns(ids: [String])
    case badConfig(String)
    /// The shard was interrupted: some of its runs are missing.
    case partialShard(path: String, shard: Shard, summary: String)

    public var description: String {
        switch self {
        case .noInput:
            return "No shard files to merge. Pass the files `initscope run CONFIG --shard K/N` wrote, e.g. runs/shard-*.json."
        case let .notAShard(path):
            return "\(path) is not a shard file (no shard K/N in it). Merge only files written by `initscope run CONFIG --shard K/N`."
        case let .mismatch(path, reference, what):
            return "\(path) and \(reference) differ in \(what): they are not shards of one experiment. Rerun every shard from the same config, data and tool."
        case let .duplicateShard(index, paths):
            return "Shard \(index) appears twice: \(paths.joined(separator: " and ")). Pass each shard file once."
        case let .duplicateRun(id, paths):
            return "Run \(id) appears in both \(paths.joined(separator: " and ")). Pass each shard file once."
        case let .missingRuns(ids, shards, count):
            let which = shards.isEmpty ? "" : " Missing shard\(shards.count == 1 ? "" : "s") \(shards.map { "\($0)/\(count)" }.joined(separator: ", "))."
            let shown = ids.prefix(8).joined(separator: ", ") + (ids.count > 8 ? ", … (\(ids.count) in all)" : "")
            return "Runs missing from the shards: \(shown).\(which) Run them with `initscope run CONFIG --shard K/\(count)` and merge again."
        case let .unplannedRuns(ids):
            return "Runs not in the config's plan: \(ids.joined(separator: ", ")). Merge only shards of the same config."
        case let .badConfig(message):
            return "The shards' config cannot be planned: \(message)"
        case let .partialShard(path, shard, summary):
            return "\(path) is a partial shard (\(summary)). Rerun it with `initscope run CONFIG --shard \(shard.index)/\(shard.count)` and merge again."
        }
    }
}
