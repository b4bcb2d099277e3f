import Foundation
import Experiments
import Diagnostics

extension ReportModel {
    /// One row per series, best mean final accuracy first. With one seed the numbers are the
    /// run's own; with several, mean ± sample standard deviation (`SeedStatistics`).
    static func leaderboardRows(_ series: [RunSeries], chance: Double, findings: [Finding],
                                colors: [String: String]) -> [LeaderboardRow] {
        ReportFigures.ranked(series).enumerated().map { index, s in
            let accuracy = SeedStatistics(s.runs.map { $0.history.finalTestAccuracy ?? .nan })
            let loss = SeedStatistics(s.runs.map { $0.history.finalTestLoss ?? .nan })
            let seconds = s.runs.map(\.history.trainSeconds).reduce(0, +) / Double(s.runs.count)
            let diverged = s.runs.filter { $0.history.divergedAtStep != nil }
            let failed = !diverged.isEmpty || (accuracy?.mean ?? 0) < chance * 1.5
            let ids = Set(s.runs.map(\.id))
            let mine = findings.filter { ids.contains($0.runID) }
            let badges = Severity.allCases.reversed().compactMap { severity -> String? in
                let n = mine.filter { $0.severity == severity }.count
                return n == 0 ? nil : "\(severity.symbol) \(n)"
            }.joined(separator: " ")
            return LeaderboardRow(
                findings: badges,
                rank: index + 1, name: s.initializer + (s.variant.map { "@\($0)" } ?? ""), label: s.label,
                formula: s.representative.formula,
                accuracy: accuracy?.percent() ?? "—",
                barPercent: String(format: "%.1f", max(0, min(1, accuracy?.mean ?? 0)) * 100),
                loss: loss?.loss() ?? s.representative.history.finalTestLoss.map(Format.loss) ?? "—",
                seconds: Format.seconds(seconds),
                status: status(s, diverged: diverged, failed: failed),
                rowClass: failed ? "failed" : "",
                color: colors[s.representative.id] ?? "#888888")
        }
    }

    /// "trained", "near chance", "diverged at step 40", or "diverged in 1 of 3 seeds (seed 1 at step 40)".
    static func status(_ s: RunSeries, diverged: [RunResult], failed: Bool) -> String {
        if s.runs.count == 1, let status = s.representative.history.divergenceStatus { return status }
        if !diverged.isEmpty {
            let which = diverged.compactMap { run in run.history.divergedAtStep.map { "seed \(run.seed) at step \($0)" } }
            return "diverged in \(diverged.count) of \(s.runs.count) seeds (\(which.joined(separator: ", ")))"
        }
        return failed ? "near chance" : "trained"
    }

    /// Accuracy and loss after each epoch, per series, in config order.
    static func epochRows(_ series: [RunSeries], epochs: Int) -> [EpochRow] {
        series.map { s in
            EpochRow(label: s.label, cells: (0..<epochs).map { e in
                let records = s.runs.compactMap { e < $0.history.epochs.count ? $0.history.epochs[e] : nil }
                guard let first = records.first else { return EpochCell(accuracy: "—", loss: "—") }
                // Where no seed has a finite number, the first one is shown as it is (NaN, +∞).
                let accuracy = SeedStatistics(records.map(\.testAccuracy))?.percent() ?? Format.percent(first.testAccuracy)
                let loss = SeedStatistics(records.map(\.testLoss))?.loss() ?? Format.loss(first.testLoss)
                return EpochCell(accuracy: accuracy, loss: loss)
            })
        }
    }

    /// Every seed of a series with its own final numbers, for its detail section.
    static func seedRows(_ s: RunSeries, findings: [Finding], chance: Double) -> [SeedRow] {
        s.runs.map { run in
            let mine = findings.filter { $0.runID == run.id }
            let badges = Severity.allCases.reversed().compactMap { severity -> String? in
                let n = mine.filter { $0.severity == severity }.count
                return n == 0 ? nil : "\(severity.symbol) \(n)"
            }.joined(separator: " ")
            let accuracy = run.history.finalTestAccuracy
            let status = run.history.divergenceStatus
                ?? ((accuracy ?? 0) < chance * 1.5 ? "near chance" : "trained")
            return SeedRow(seed: "\(run.seed)", accuracy: accuracy.map(Format.percent) ?? "—",
                           loss: run.history.finalTestLoss.map(Format.loss) ?? "—", status: status,
                           findings: badges.isEmpty ? "none" : badges,
                           calibration: run.calibrationIterations.map { $0.map(String.init).joined(separator: ", ") } ?? "—")
        }
    }
}
