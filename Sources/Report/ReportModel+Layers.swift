import Experiments
import Diagnostics
import Probes

extension ReportModel {
    /// One layer of a run: the variance forecast next to the step-0 measurement, and the
    /// weight spectrum at the start and the end. Numbers already formatted.
    public struct LayerRow: Sendable {
        public let layer: String
        public let weightVariance: String
        public let forwardGain: String
        public let backwardGain: String
        /// E[z²]: chained forecast · layer-wise forecast · measured (relative error).
        public let preActivation: String
        /// E[(∂L/∂a)²]: forecast · measured (relative error).
        public let activationGradient: String
        public let spectralNorm: String
        public let stableRank: String
        public let conditionNumber: String
    }

    /// One initializer in the "before training" overview.
    public struct ForecastRow: Sendable {
        public let anchor: String
        public let label: String
        public let forwardGain: String
        public let backwardGain: String
        public let measuredForwardGain: String
        public let verdict: String
        public let rowClass: String
    }

    static func layerRows(_ run: RunResult) -> [LayerRow] {
        guard let probes = run.probes else { return [] }
        let comparison = run.forecast.flatMap { ForecastComparison(forecast: $0, probes: probes) }
        return probes.layers.enumerated().map { l, trace in
            let forecast = run.forecast?.layers.indices.contains(l) == true ? run.forecast?.layers[l] : nil
            let row = comparison?.rows.indices.contains(l) == true ? comparison?.rows[l] : nil
            func pair(_ pick: (SpectralStats) -> Double) -> String {
                "\(Wording.number(trace.spectralAtStart.map(pick))) → \(Wording.number(trace.spectralAtEnd.map(pick)))"
            }
            var preActivation = "—", gradient = "—"
            if let row {
                preActivation = "\(Wording.number(row.forecastPreActivationSquare)) · \(Wording.number(row.layerwisePreActivationSquare)) · "
                    + "\(Wording.number(row.measuredPreActivationSquare))" + Number.error(row.preActivationRelativeError)
                gradient = "\(Wording.number(row.forecastActivationGradientSquare)) · \(Wording.number(row.measuredActivationGradientSquare))"
                    + Number.error(row.activationGradientRelativeError)
            }
            if let reason = forecast?.notForecast { preActivation = "not forecast: \(reason)" }
            return LayerRow(layer: trace.name, weightVariance: Wording.number(forecast?.weightVariance),
                            forwardGain: Wording.number(forecast?.forwardGain), backwardGain: Wording.number(forecast?.backwardGain),
                            preActivation: preActivation, activationGradient: gradient,
                            spectralNorm: pair(\.spectralNorm), stableRank: pair(\.stableRank), conditionNumber: pair(\.conditionNumber))
        }
    }

    /// One row per series, from its first seed's draw (each seed draws other weights; the
    /// others' forecasts are in metrics.json).
    static func forecastRows(_ result: ExperimentResult, findings: [Finding]) -> [ForecastRow] {
        RunSeries.of(result).compactMap { series in
            let run = series.representative
            guard let forecast = run.forecast else { return nil }
            let measured = run.probes.flatMap { probes -> Double? in
                guard let last = probes.layers.last?.snapshots.first, forecast.inputSquare > 0 else { return nil }
                return (last.preActivation.std * last.preActivation.std + last.preActivation.mean * last.preActivation.mean) / forecast.inputSquare
            }
            let flagged = findings.filter { $0.runID == run.id && $0.rule == "forecast" }
            let verdict = forecast.notForecast.map { "not forecast: \($0)" }
                ?? (flagged.isEmpty ? "within bounds" : flagged.map { finding -> String in
                    let direction = finding.evidence.first?.name.contains("backward") == true ? "gradient" : "signal"
                    return "\(direction) \(finding.threshold.key.hasSuffix("vanish") ? "vanishes" : "explodes")"
                }.joined(separator: ", "))
            return ForecastRow(anchor: series.anchor, label: series.label(of: run),
                               forwardGain: Wording.number(forecast.forwardGain), backwardGain: Wording.number(forecast.backwardGain),
                               measuredForwardGain: Wording.number(measured), verdict: verdict,
                               rowClass: flagged.isEmpty ? "" : "failed")
        }
    }
}

/// Relative errors in the layer tables (numbers themselves go through `Wording.number`).
enum Number {
    /// " (12% off)" or "".
    static func error(_ relative: Double?) -> String {
        guard let relative, relative.isFinite else { return "" }
        return String(format: " (%.0f%% off)", relative * 100)
    }
}
