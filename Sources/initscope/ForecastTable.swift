import Foundation
import Diagnostics

/// The plain-text variance forecast `initscope check` prints for one initializer: a row per
/// layer, the whole-network gains, then the forecast findings.
enum ForecastTable {
    static let columns: [(title: String, width: Int)] = [
        ("layer", 5), ("fan-in→out", 12), ("Var[W]", 10), ("fwd gain", 10), ("bwd gain", 10),
        ("E[z²]", 10), ("‖W‖₂", 9), ("stable rank", 12), ("cond", 10),
    ]

    static func render(initializer: String, formula: String, network: String, forecast: VarianceForecast,
                       jacobian: JacobianSpectrum?, findings: [Finding]) -> String {
        var lines = ["\(initializer)  (\(formula)) on \(network)"]
        lines.append("  " + columns.map { right($0.title, $0.width) }.joined(separator: " "))
        for (l, layer) in forecast.layers.enumerated() {
            let cells = [
                "\(l + 1)", "\(layer.fanIn)→\(layer.fanOut)", Wording.number(layer.weightVariance),
                Wording.number(layer.forwardGain), Wording.number(layer.backwardGain), Wording.number(layer.preActivationSquare),
                Wording.number(layer.spectral?.spectralNorm), Wording.number(layer.spectral?.stableRank), Wording.number(layer.spectral?.conditionNumber),
            ]
            lines.append("  " + zip(cells, columns).map { right($0, $1.width) }.joined(separator: " "))
        }
        if let reason = forecast.notForecast {
            lines.append("  not forecast: \(reason)")
        }
        if forecast.forwardGain != nil || forecast.backwardGain != nil {
            lines.append("  whole network: forward ×\(Wording.number(forecast.forwardGain)) (input → logits), "
                + "backward ×\(Wording.number(forecast.backwardGain)) (logits → layer 1)")
        }
        if let jacobian, let largest = jacobian.singularValues.first, let smallest = jacobian.singularValues.last {
            lines.append("  ∂logits/∂x at the first example: \(jacobian.singularValues.count) singular values from "
                + "\(Wording.number(smallest)) to \(Wording.number(largest)) (condition \(Wording.number(jacobian.condition)))")
        }
        if findings.isEmpty {
            lines.append("  forecast findings: none")
        }
        for finding in findings {
            lines.append("  \(finding.severity.symbol) \(finding.severity.rawValue) [\(finding.rule)]\(finding.expected ? " (expected)" : "") \(finding.explanation) "
                + "(\(finding.thresholdText))")
        }
        return lines.joined(separator: "\n")
    }

    /// "784-256×29-10": layer widths, runs of equal widths counted.
    static func architecture(_ sizes: [Int]) -> String {
        var runs: [(width: Int, count: Int)] = []
        for width in sizes {
            if let last = runs.last, last.width == width { runs[runs.count - 1].count += 1 } else { runs.append((width, 1)) }
        }
        return runs.map { $0.count > 2 ? "\($0.width)×\($0.count)" : Array(repeating: "\($0.width)", count: $0.count).joined(separator: "-") }
            .joined(separator: "-")
    }

    static func right(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
