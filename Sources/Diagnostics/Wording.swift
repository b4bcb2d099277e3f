import Foundation

/// Numbers as findings, the report and the terminal print them.
public enum Wording {
    /// "37×", "2.1e+04×": how many times larger.
    static func factor(_ x: Double) -> String {
        guard x.isFinite else { return "infinitely" }
        return x < 1000 ? String(format: "%.0f×", x) : String(format: "%.1e×", x)
    }

    /// Three significant digits, scientific outside 0.001…10000; "—" for none.
    public static func number(_ x: Double?) -> String {
        guard let x else { return "—" }
        return number(x)
    }

    /// Three significant digits, scientific outside 0.001…10000.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
        let magnitude = abs(x)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e4) { return String(format: "%.2e", x) }
        return String(format: "%.3g", x)
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}

extension Evidence {
    /// "identical units at the end = 256".
    public var text: String { "\(name) = \(Wording.number(value))" }
}

extension Finding {
    /// The evidence on one line: "identical units at the end = 256 · units = 256".
    public var evidenceText: String { evidence.map(\.text).joined(separator: " · ") }

    /// "layer 2" or "network".
    public var place: String { layer.map { "layer \($0)" } ?? "network" }

    /// "dead-units.share = 0.5".
    public var thresholdText: String { "\(threshold.key) = \(Wording.number(threshold.value))" }
}

extension Severity {
    /// A text symbol for terminals, Markdown and HTML: ✖ error, ▲ warning, ● info.
    public var symbol: String {
        switch self {
        case .error: "✖"
        case .warning: "▲"
        case .info: "●"
        }
    }
}
