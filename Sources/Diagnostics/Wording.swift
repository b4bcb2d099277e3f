import Foundation

/// Numbers as the explanations print them.
enum Wording {
    /// "37×", "2.1e+04×": how many times larger.
    static func factor(_ x: Double) -> String {
        guard x.isFinite else { return "infinitely" }
        return x < 1000 ? String(format: "%.0f×", x) : String(format: "%.1e×", x)
    }

    /// Three significant digits, scientific outside 0.001…10000.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
        let magnitude = abs(x)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e4) { return String(format: "%.2e", x) }
        return String(format: "%.3g", x)
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}
