import Foundation
import Experiments
import Diagnostics

extension ReportModel {
    /// Builds the view model of `result`. `figures` are drawn charts in page order;
    /// `colors` maps run ids to their chart colour; `metricsJSON` is embedded for download.
    public init(result: ExperimentResult, figures: [Figure], colors: [String: String],
                metricsJSON: Data, css: String, probeFigures: [Figure] = [], overview: [OverviewRow] = [],
                details: [DetailSection] = [], unitHealthHeader: String = "",
                jacobianFigures: [Figure] = [], variantFigures: [Figure] = []) {
        self.init(result: result, figures: figures, colors: colors, metrics: MetricsDownload(json: metricsJSON), css: css,
                  probeFigures: probeFigures, overview: overview, details: details, unitHealthHeader: unitHealthHeader,
                  jacobianFigures: jacobianFigures, variantFigures: variantFigures)
    }

    /// The same, with the embedded metrics already gzipped for download.
    public init(result: ExperimentResult, figures: [Figure], colors: [String: String],
                metrics: MetricsDownload, css: String, probeFigures: [Figure] = [], overview: [OverviewRow] = [],
                details: [DetailSection] = [], unitHealthHeader: String = "",
                jacobianFigures: [Figure] = [], variantFigures: [Figure] = []) {
        let config = result.config
        let findings = result.allFindings
        self.findings = Self.findingRows(findings, result: result, mergingSeeds: true)
        let series = RunSeries.of(result)
        self.findingsHeadline = Self.findingsHeadline(findings)
            + (RunSeries.hasRepeats(series) && !findings.isEmpty
                ? " Counted per run; a finding shared by several seeds of one initializer is one row below." : "")
        self.hasFindings = !findings.isEmpty
        self.forecastRows = Self.forecastRows(result, findings: findings)
        self.hasForecasts = !forecastRows.isEmpty
        self.jacobianRows = Self.jacobianRows(series)
        self.hasJacobian = !jacobianRows.isEmpty
        self.jacobianFigures = hasJacobian ? jacobianFigures : []
        self.hasBeforeTraining = hasForecasts || hasJacobian
        let chance = 1 / Double(max(result.dataset.classes, 1))
        let split = result.evaluationSplit

        self.generator = "\(result.tool.name) \(result.tool.version)"
        self.title = "Weight initialization report — \(config.name)" + (result.isPartial ? " (partial)" : "")
        self.subtitle = Self.subtitle(result, series: series)
        self.createdAt = Format.date(result.createdAt)
        self.css = css
        self.facts = Self.facts(result, series: series)
        self.notes = series.flatMap { s in
            s.runs.compactMap { run in
                run.history.divergenceStatus.map { "\(s.label(of: run)) \($0): the run stopped there." }
            }
        }
        self.chance = Format.percent(chance)
        self.evaluation = split
        self.evaluationTitle = split.capitalized
        self.hasRepeats = RunSeries.hasRepeats(series)
        self.spreadNote = Self.spreadNote(series)
        self.rows = Self.leaderboardRows(series, chance: chance, findings: findings, colors: colors)
        self.figures = figures
        let variants = Self.variantNames(result, series: series)
        self.comparesVariants = variants.count >= 2
        let speed = LearningSpeed(result)
        self.variantHeaders = comparesVariants ? variants : []
        self.variantRows = comparesVariants ? Self.variantRows(series, variants: variants, speed: speed, chance: chance) : []
        self.learningSpeedText = comparesVariants ? Self.learningSpeedText(speed, series: series, classes: max(result.dataset.classes, 2)) : ""
        self.variantFigures = comparesVariants ? variantFigures : []
        self.hasProbes = !overview.isEmpty
        self.probeEvery = config.probeEvery
        self.probeFigures = probeFigures
        self.overview = overview
        self.unitHealthHeader = unitHealthHeader
        self.details = details
        let epochCount = result.runs.map(\.history.epochs.count).max() ?? 0
        self.epochHeaders = (0..<epochCount).map { "Epoch \($0 + 1)" }
        self.epochRows = Self.epochRows(series, epochs: epochCount)
        self.command = result.command.isEmpty ? "initscope run --preset \(config.name) --seed \(config.seed)" : result.command
        self.metricsDataURI = metrics.dataURI
        self.metricsSize = metrics.size
        self.schemaVersion = result.schemaVersion
        self.metricsTrimmed = EmbeddedMetrics.isTrimmed(result)
        self.isPartial = result.isPartial
        self.partialHeadline = Self.partialHeadline(result)
        self.missingRuns = Self.missingRunRows(result)
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
