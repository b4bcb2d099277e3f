import Foundation
import Experiments

extension ReportModel {
    /// One initializer across the network variants: a cell per variant.
    public struct VariantRow: Sendable {
        public let label: String
        public let name: String
        public let cells: [VariantCell]
    }

    /// Final accuracy and learning speed of one (initializer, variant) series.
    public struct VariantCell: Sendable {
        /// Link target: the series' detail section.
        public let anchor: String
        public let accuracy: String
        /// Batches until the smoothed training loss fell below ℓ*, or "never".
        public let speed: String
        /// "failed" when the series diverged, stayed near chance or never reached ℓ*.
        public let cellClass: String
    }

    /// The variant names the experiment trained, in config order (then any others as they
    /// first appear; "base" for runs of the config's own network).
    static func variantNames(_ result: ExperimentResult, series: [RunSeries]) -> [String] {
        let trained = series.map { RunSeries.variantName($0.variant) }
        var names = result.config.variants.map(\.name).filter(trained.contains)
        for name in trained where !names.contains(name) { names.append(name) }
        return names
    }

    /// Whether the page compares variants: at least two networks were trained.
    static func comparesVariants(_ result: ExperimentResult) -> Bool {
        variantNames(result, series: RunSeries.of(result)).count >= 2
    }

    /// Initializer names in config order (each once), with the label of their first run.
    static func initializers(_ series: [RunSeries]) -> [(name: String, label: String)] {
        var seen: Set<String> = []
        return series.compactMap { s in seen.insert(s.initializer).inserted ? (s.initializer, s.representative.label) : nil }
    }

    /// Rows: initializers; columns: `variants`. Empty unless the experiment compares variants.
    static func variantRows(_ series: [RunSeries], variants: [String], speed: LearningSpeed, chance: Double) -> [VariantRow] {
        initializers(series).map { initializer in
            VariantRow(label: initializer.label, name: initializer.name, cells: variants.map { variant in
                guard let s = series.first(where: { $0.initializer == initializer.name && RunSeries.variantName($0.variant) == variant }) else {
                    return VariantCell(anchor: "", accuracy: "—", speed: "not run", cellClass: "")
                }
                let accuracy = SeedStatistics(s.runs.map { $0.history.finalTestAccuracy ?? .nan })
                let failed = s.runs.contains { $0.history.divergedAtStep != nil } || (accuracy?.mean ?? 0) < chance * 1.5
                    || speed.statistics(s.runs) == nil
                let diverged = s.runs.compactMap(\.history.divergedAtStep)
                let fallback = diverged.count == s.runs.count && s.runs.count == 1 ? "diverged at step \(diverged[0])"
                    : diverged.count == s.runs.count ? "diverged in every seed" : "—"
                return VariantCell(anchor: s.anchor, accuracy: accuracy?.percent() ?? fallback, speed: speed.text(s.runs),
                                   cellClass: failed ? "failed" : "")
            })
        }
    }

    /// The section's words on ℓ*: its definition and value, from whose run ℓ_best came.
    static func learningSpeedText(_ speed: LearningSpeed, series: [RunSeries], classes: Int) -> String {
        let window = LearningSpeed.window
        guard let best = speed.best, let target = speed.target else {
            return "No run has \(window) finite training losses in a row, so no learning speed is measured."
        }
        let owner = series.lazy.compactMap { s in s.runs.first { $0.id == best.runID }.map { s.label(of: $0) } }.first ?? best.runID
        return "Learning speed is the first batch at which a run's training loss, smoothed by a trailing mean over "
            + "\(window) batches, falls below ℓ* = (ln C + ℓ_best) / 2 = (ln \(classes) + \(Format.loss(best.loss))) / 2 = \(Format.loss(target)): "
            + "halfway from chance (ln \(classes) = \(Format.loss(speed.chanceLoss)), the loss of a uniform guess) down to ℓ_best, "
            + "the lowest smoothed training loss any run of this experiment reached (\(owner)). "
            + "One target for every run, so the steps compare across initializers and networks; \"never\": the smoothed loss stayed above ℓ*."
    }
}
