import Foundation
import Experiments
import Compression
import Diagnostics

extension ReportModel {
    /// Builds the view model of `result`. `figures` are drawn charts in page order;
    /// `colors` maps run ids to their chart colour; `metricsJSON` is embedded for download.
    public init(result: ExperimentResult, figures: [Figure], colors: [String: String],
                metricsJSON: Data, css: String, probeFigures: [Figure] = [], overview: [OverviewRow] = [],
                details: [DetailSection] = [], unitHealthHeader: String = "") {
        let config = result.config
        let findings = result.allFindings
        self.findings = Self.findingRows(findings, result: result)
        self.findingsHeadline = Self.findingsHeadline(findings)
        self.hasFindings = !findings.isEmpty
        self.forecastRows = Self.forecastRows(result, findings: findings)
        self.hasForecasts = !forecastRows.isEmpty
        let chance = 1 / Double(max(result.dataset.classes, 1))
        let sizes = result.runs.first?.layerSizes
            ?? config.layerSizes(inputs: result.dataset.features, classes: result.dataset.classes)
        let network = sizes.map(String.init).joined(separator: "-") + " MLP, \(config.hiddenActivation.name) hidden, biases \(config.biasInit)"

        self.generator = "\(result.tool.name) \(result.tool.version)"
        self.title = "Weight initialization report — \(config.name)"
        self.subtitle = "\(result.runs.count) initializers · \(result.dataset.name) · \(network) · \(Format.date(result.createdAt))"
        self.createdAt = Format.date(result.createdAt)
        self.css = css
        let machine = result.machine
        self.facts = [
            Fact(name: "Dataset", value: "\(result.dataset.name): \(result.dataset.trainExamples) train / \(result.dataset.testExamples) test, \(result.dataset.features) features, \(result.dataset.classes) classes"),
            Fact(name: "Data from", value: Format.folder(of: result.dataset.source)),
            Fact(name: "Network", value: network),
            Fact(name: "Optimizer", value: config.optimizer.summary),
            Fact(name: "Training", value: "\(config.epochs) epoch(s), batch \(config.batchSize), same data order for every run"),
            Fact(name: "Seed", value: "\(config.seed)"),
            Fact(name: "Machine", value: "\(machine.cpu), \(machine.logicalCores) cores, \(machine.operatingSystem)"),
            Fact(name: "BLAS", value: "OpenBLAS kernel \(machine.blasCore), \(machine.blasThreadsPerRun) thread per run, \(machine.jobs) runs at a time"),
            Fact(name: "Total time", value: "\(Format.seconds(result.wallSeconds)) wall (\(Format.seconds(result.sumOfRunSeconds)) of run time)"),
            Fact(name: "Commit", value: result.gitCommit ?? "not a git checkout"),
        ]
        self.notes = result.runs.compactMap { run in
            run.history.divergedAtStep.map { "\(run.label) diverged at step \($0): its loss became NaN or infinite and the run stopped there." }
        }
        self.chance = Format.percent(chance)

        let ranked = result.runs.sorted { ($0.history.finalTestAccuracy ?? -1) > ($1.history.finalTestAccuracy ?? -1) }
        self.rows = ranked.enumerated().map { index, run in
            let accuracy = run.history.finalTestAccuracy
            let failed = run.history.divergedAtStep != nil || (accuracy ?? 0) < chance * 1.5
            let mine = findings.filter { $0.runID == run.id }
            let badges = Severity.allCases.reversed().compactMap { s -> String? in
                let n = mine.filter { $0.severity == s }.count
                return n == 0 ? nil : "\(s.symbol) \(n)"
            }.joined(separator: " ")
            return LeaderboardRow(
                findings: badges,
                rank: index + 1, name: run.initializer, label: run.label, formula: run.formula,
                accuracy: accuracy.map(Format.percent) ?? "—",
                barPercent: String(format: "%.1f", max(0, min(1, accuracy ?? 0)) * 100),
                loss: run.history.finalTestLoss.map(Format.loss) ?? "—",
                seconds: Format.seconds(run.history.trainSeconds),
                status: run.history.divergedAtStep.map { "diverged at step \($0)" }
                    ?? (failed ? "near chance" : "trained"),
                rowClass: failed ? "failed" : "",
                color: colors[run.id] ?? "#888888")
        }
        self.figures = figures
        self.hasProbes = !overview.isEmpty
        self.probeEvery = config.probeEvery
        self.probeFigures = probeFigures
        self.overview = overview
        self.unitHealthHeader = unitHealthHeader
        self.details = details
        let epochCount = result.runs.map(\.history.epochs.count).max() ?? 0
        self.epochHeaders = (0..<epochCount).map { "Epoch \($0 + 1)" }
        self.epochRows = result.runs.map { run in
            EpochRow(label: run.label, cells: (0..<epochCount).map { e in
                guard e < run.history.epochs.count else { return EpochCell(accuracy: "—", loss: "—") }
                let epoch = run.history.epochs[e]
                return EpochCell(accuracy: Format.percent(epoch.testAccuracy), loss: Format.loss(epoch.testLoss))
            })
        }
        self.command = result.command.isEmpty ? "initscope run --preset \(config.name) --seed \(config.seed)" : result.command
        // Gzipped: with probes the JSON is megabytes and compresses several times over.
        let compressed = Zlib.gzip([UInt8](metricsJSON), level: 6)  // level 9: 2× the time for 1% fewer bytes
        self.metricsDataURI = DataURI.make(mediaType: "application/gzip", bytes: compressed)
        self.metricsSize = "\(Format.bytes(compressed.count)) gzipped, \(Format.bytes(metricsJSON.count)) unpacked"
        self.schemaVersion = result.schemaVersion
    }
}

/// How numbers read in the report (and, for file sizes, on the command line).
public enum Format {
    static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f%%", value * 100) : "—"
    }

    static func loss(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+∞" : "−∞") }
        return abs(value) >= 1000 ? String(format: "%.4g", value) : String(format: "%.4f", value)
    }

    static func seconds(_ value: Double) -> String {
        value >= 60 ? String(format: "%d min %02.0f s", Int(value) / 60, value.truncatingRemainder(dividingBy: 60))
            : String(format: "%.1f s", value)
    }

    /// "1.2 MB" / "340 KB".
    public static func bytes(_ count: Int) -> String {
        count >= 1 << 20 ? String(format: "%.1f MB", Double(count) / 1_048_576)
            : String(format: "%.0f KB", (Double(count) / 1024).rounded(.up))
    }

    /// The folder of a dataset source ("/d/a.gz, /d/b.gz" → "/d").
    static func folder(of source: String) -> String {
        let first = source.components(separatedBy: ", ").first ?? source
        let folder = (first as NSString).deletingLastPathComponent
        return folder.isEmpty ? source : folder
    }

    /// "2026-11-23T16:20:00Z" → "2026-11-23 16:20 UTC".
    static func date(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        let chars = Array(iso)
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + " UTC"
    }
}
