import Foundation
import Diagnostics
import Probes

extension ResultComparison {
    /// Compares `head` against `base`, run by run.
    ///
    /// Refuses (unless `options.force`) when both files carry a config hash or a dataset
    /// fingerprint and these differ: the numbers would then differ for reasons other than
    /// the code. Files without them (older initscope) compare with a note. Always refuses
    /// when no run id is on both sides. A partial side (an interrupted run) is refused
    /// unless `options.force`: its missing runs would read as removed.
    public static func compare(base: ExperimentResult, head: ExperimentResult, basePath: String = "base",
                               headPath: String = "head",
                               options: ComparisonOptions = ComparisonOptions()) throws(ComparisonError) -> ResultComparison {
        var notes: [String] = []
        var warnings: [String] = []
        for (side, path, result) in [("base", basePath, base), ("head", headPath, head)] {
            guard let summary = result.partialSummary else { continue }
            guard options.force else { throw .partial(side: side, path: path, summary: summary) }
            warnings.append("The \(side) is a partial result (\(summary)): compared anyway (--force); its missing runs are listed as \(side == "head" ? "removed" : "added").")
        }
        switch (base.configHash, head.configHash) {
        case let (b?, h?) where b != h:
            let keys = base.config.differingKeys(from: head.config)
            guard options.force else { throw .configDiffers(base: b, head: h, keys: keys) }
            notes.append("The configs differ (hash \(b) vs \(h)\(keys.isEmpty ? "" : ", in " + keys.joined(separator: ", "))): compared anyway (--force).")
        case (nil, nil):
            notes.append("Neither file records a config hash (written by an older initscope): it cannot be checked that both ran the same experiment.")
        case (nil, _), (_, nil):
            notes.append("\(base.configHash == nil ? "Base" : "Head") records no config hash (written by an older initscope): it cannot be checked that both ran the same experiment.")
        default:
            break
        }
        switch (base.dataset.fingerprint, head.dataset.fingerprint) {
        case let (b?, h?) where b != h:
            guard options.force else {
                throw .datasetDiffers(base: b, head: h, baseName: Self.describe(base.dataset), headName: Self.describe(head.dataset))
            }
            notes.append("The datasets differ (fingerprint \(b) vs \(h)): compared anyway (--force).")
        case (nil, nil):
            notes.append("Neither file records a dataset fingerprint (written by an older initscope): it cannot be checked that both trained on the same data.")
        case (nil, _), (_, nil):
            notes.append("\(base.dataset.fingerprint == nil ? "Base" : "Head") records no dataset fingerprint (written by an older initscope): it cannot be checked that both trained on the same data.")
        default:
            break
        }

        let baseRuns = Dictionary(base.runs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let headIDs = Set(head.runs.map(\.id))
        let matched = head.runs.filter { baseRuns[$0.id] != nil }
        guard !matched.isEmpty else {
            throw .noRunInCommon(base: base.runs.map(\.id), head: head.runs.map(\.id))
        }

        let baseFindings = Dictionary(grouping: base.allFindings, by: \.runID)
        let headFindings = Dictionary(grouping: head.allFindings, by: \.runID)
        let runs = matched.compactMap { run -> RunComparison? in
            guard let old = baseRuns[run.id] else { return nil }
            return RunComparison(base: old, head: run, baseFindings: baseFindings[run.id] ?? [],
                                 headFindings: headFindings[run.id] ?? [],
                                 expectsFailure: head.config.expectsFailure(run.initializer), options: options)
        }

        if base.machine.blasCore != head.machine.blasCore {
            warnings.append("BLAS kernels differ (base \(base.machine.blasCore), head \(head.machine.blasCore)): numbers differ in the last bits even for identical code.")
        }
        if base.machine.blasThreadsPerRun != head.machine.blasThreadsPerRun {
            warnings.append("BLAS threads per run differ (base \(base.machine.blasThreadsPerRun), head \(head.machine.blasThreadsPerRun)): numbers differ in the last bits even for identical code.")
        }

        var seen = Set<String>()
        return ResultComparison(
            base: ComparisonSide(base, path: basePath), head: ComparisonSide(head, path: headPath), options: options,
            runs: runs,
            added: head.runs.filter { baseRuns[$0.id] == nil && seen.insert("+" + $0.id).inserted }.map(RunIdentity.init),
            removed: base.runs.filter { !headIDs.contains($0.id) && seen.insert("-" + $0.id).inserted }.map(RunIdentity.init),
            notes: notes, warnings: warnings, experimentName: head.config.name)
    }

    /// "Fashion-MNIST, 2000 train / 500 test".
    static func describe(_ dataset: DatasetInfo) -> String {
        "\(dataset.name), \(dataset.trainExamples) train / \(dataset.testExamples) test"
    }
}

extension RunComparison {
    init(base: RunResult, head: RunResult, baseFindings: [Finding], headFindings: [Finding], expectsFailure: Bool,
         options: ComparisonOptions) {
        run = RunIdentity(head)
        self.expectsFailure = expectsFailure
        self.base = RunOutcome(base)
        self.head = RunOutcome(head)
        newFindings = Self.unmatched(headFindings, in: baseFindings)
        resolvedFindings = Self.unmatched(baseFindings, in: headFindings)
        gradientShifts = Self.shifts(base: base.probes, head: head.probes, factor: options.gradientShiftFactor)

        var regressions: [Regression] = []
        if let b = self.base.accuracy, b.isFinite {
            if let h = self.head.accuracy, h.isFinite {
                // A hair of slack: accuracies are counts over the split, so "exactly one point"
                // must not fail on the last bit of a subtraction.
                if b - h > options.maxAccuracyDrop + 1e-9 {
                    regressions.append(.accuracyDrop(from: b, to: h, tolerance: options.maxAccuracyDrop))
                }
            } else {
                regressions.append(.accuracyLost(from: b))
            }
        }
        if let step = self.head.divergedAtStep, self.base.divergedAtStep == nil {
            regressions.append(.diverged(atStep: step))
        }
        for finding in newFindings where finding.severity == .error {
            regressions.append(.newError(rule: finding.rule, place: finding.place))
        }
        self.regressions = regressions
    }

    /// Findings of `findings` whose (rule, layer, severity) is not among `others`, one per key.
    static func unmatched(_ findings: [Finding], in others: [Finding]) -> [Finding] {
        let known = Set(others.map(FindingKey.init))
        var seen = Set<FindingKey>()
        return findings.filter { finding in
            let key = FindingKey(finding)
            return !known.contains(key) && seen.insert(key).inserted
        }
    }

    /// The final probe's weight-gradient L2 norm of every layer both sides probed.
    static func shifts(base: RunProbes?, head: RunProbes?, factor: Double) -> [GradientShift] {
        guard let base, let head else { return [] }
        return zip(base.layers, head.layers).compactMap { b, h in
            guard let before = b.snapshots.last, let after = h.snapshots.last else { return nil }
            return GradientShift(layer: h.index + 1, name: h.name, base: before.weightGradient.l2,
                                 head: after.weightGradient.l2, factor: factor)
        }
    }
}

/// What makes two findings "the same" across commits: the rule, where, and how bad. The
/// evidence numbers may move; the finding is still the same finding.
struct FindingKey: Hashable {
    let rule: String
    let layer: Int?
    let severity: Severity

    init(_ finding: Finding) { rule = finding.rule; layer = finding.layer; severity = finding.severity }
}

extension ExperimentConfig {
    /// The top-level config keys whose values differ from `other`'s, in the config's key
    /// order: what a refused comparison names ("epochs, initializers").
    public func differingKeys(from other: ExperimentConfig) -> [String] {
        func fields(_ config: ExperimentConfig) -> [String: Data] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            guard let data = try? encoder.encode(config),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
            var out: [String: Data] = [:]
            for (key, value) in object {
                out[key] = (try? JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys])) ?? Data()
            }
            return out
        }
        let mine = fields(self), theirs = fields(other)
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }
}
