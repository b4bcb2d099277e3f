import Foundation
import Experiments

/// The plain-text results table printed at the end of `initscope run`.
enum ResultsTable {
    static func render(_ result: ExperimentResult) -> String {
        // One run per initializer: its name; with seeds or variants: the run id (he_normal@bn#seed1).
        let repeated = Set(result.runs.map(\.initializer)).count < result.runs.count
        func name(_ run: RunResult) -> String { repeated ? run.id : run.initializer }
        let evaluation = result.config.data.validationSplit > 0 ? "val" : "test"
        let nameWidth = max(24, result.runs.map { name($0).count }.max() ?? 0) + 2
        func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        func left(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var lines = [pad(repeated ? "run" : "initializer", nameWidth) + left("\(evaluation) acc", 9) + left("\(evaluation) loss", 12) + left("train s", 9) + "  status"]
        for run in result.runs {
            let accuracy = run.history.finalTestAccuracy.map { String(format: "%.2f%%", $0 * 100) } ?? "—"
            let loss = run.history.finalTestLoss.map(formatLoss) ?? "—"
            let status = run.history.divergenceStatus ?? "ok"
            lines.append(pad(name(run), nameWidth) + left(accuracy, 9) + left(loss, 12)
                + left(String(format: "%.1f", run.history.trainSeconds), 9) + "  " + status)
        }
        lines.append("\(result.runs.count) runs in \(String(format: "%.1f", result.wallSeconds)) s wall "
            + "(\(String(format: "%.1f", result.sumOfRunSeconds)) s of run time, \(result.machine.jobs) at a time; "
            + "BLAS \(result.machine.blasCore), \(result.machine.blasThreadsPerRun) thread per run)")
        return lines.joined(separator: "\n")
    }

    static func formatLoss(_ loss: Double) -> String {
        guard loss.isFinite else { return loss.isNaN ? "NaN" : (loss > 0 ? "+Inf" : "-Inf") }
        return abs(loss) >= 1000 ? String(format: "%.4g", loss) : String(format: "%.4f", loss)
    }
}
