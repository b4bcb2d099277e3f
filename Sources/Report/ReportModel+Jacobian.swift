import Foundation
import Experiments
import Diagnostics

extension ReportModel {
    /// The end-to-end Jacobian ∂logits/∂x at init of one series' representative run.
    public struct JacobianRow: Sendable {
        public let anchor: String
        public let label: String
        /// Number of singular values (min(classes, inputs)).
        public let count: String
        public let smallest: String
        public let median: String
        public let largest: String
        /// σ_max / σ_min; "∞" when σ_min is 0, "—" when every value is 0.
        public let condition: String
    }

    /// One row per series whose representative run has a Jacobian (none for BatchNorm nets).
    static func jacobianRows(_ series: [RunSeries]) -> [JacobianRow] {
        series.compactMap { s in
            let run = s.representative
            guard let spectrum = run.jacobian, !spectrum.singularValues.isEmpty else { return nil }
            let sorted = spectrum.singularValues.sorted()
            let condition = (sorted.last ?? 0) == 0 ? "— (all 0)" : Wording.number(spectrum.condition)
            return JacobianRow(anchor: s.anchor, label: s.label(of: run), count: "\(sorted.count)",
                               smallest: Wording.number(sorted.first), median: Wording.number(median(sorted)),
                               largest: Wording.number(sorted.last), condition: condition)
        }
    }

    /// The median of ascending `sorted` values (the mean of the middle two for an even count).
    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
