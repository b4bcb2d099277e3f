import Foundation

/// Tick values a person would choose: steps of 1, 2, 2.5 or 5 × 10ᵏ on linear axes
/// (Heckbert's "nice numbers"), powers of ten on log axes.
public enum NiceTicks {
    /// Ticks covering [low, high] with about `target` intervals; the first and last tick
    /// enclose the range. Degenerate ranges widen around their value.
    /// `minimumStep` keeps counts (steps, epochs) on whole numbers.
    public static func linear(_ low: Double, _ high: Double, target: Int = 5, minimumStep: Double = 0) -> [Double] {
        var (lo, hi) = (min(low, high), max(low, high))
        guard lo.isFinite, hi.isFinite else { return [0, 1] }
        if hi - lo < 1e-12 * max(1, abs(lo)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        var step = max(niceStep((hi - lo) / Double(max(1, target))), minimumStep)
        if minimumStep >= 1, step != step.rounded() { step = step.rounded(.down) }  // 2.5 → 2 for counts
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        return stride(from: first, through: last + 0.5, by: 1).map { clean($0 * step, step: step) }
    }

    /// Powers of ten enclosing [low, high] (both > 0). At most about `maxLabels` of them are
    /// returned: spanning many decades, every k-th power is kept.
    public static func log10(_ low: Double, _ high: Double, maxLabels: Int = 8) -> [Double] {
        guard low > 0, high > 0, low.isFinite, high.isFinite else { return [1, 10] }
        var first = Int(Foundation.log10(min(low, high)).rounded(.down))
        var last = Int(Foundation.log10(max(low, high)).rounded(.up))
        if first == last { first -= 1; last += 1 }
        let every = max(1, Int((Double(last - first) / Double(maxLabels)).rounded(.up)))
        first = Int((Double(first) / Double(every)).rounded(.down)) * every
        last = Int((Double(last) / Double(every)).rounded(.up)) * every
        return stride(from: first, through: last, by: every).map { Foundation.pow(10, Double($0)) }
    }

    /// 1, 2, 2.5 or 5 × 10ᵏ, the smallest not below `rough`.
    static func niceStep(_ rough: Double) -> Double {
        let magnitude = Foundation.pow(10, Foundation.log10(rough).rounded(.down))
        let residual = rough / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Removes floating-point dust (0.30000000000000004 → 0.3) relative to the step.
    static func clean(_ value: Double, step: Double) -> Double {
        let decimals = max(0, Int(-Foundation.log10(step).rounded(.down)) + 2)
        let scale = Foundation.pow(10, Double(min(decimals, 15)))
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded  // no "-0"
    }
}

/// Tick labels: short and exact-looking.
public enum TickFormat {
    /// Labels for linear ticks with a common step: as many decimals as the step needs.
    public static func linear(_ ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { compact($0, decimals: 2) } }
        let step = abs(ticks[1] - ticks[0])
        var decimals = max(0, Int(-Foundation.log10(step).rounded(.down)))
        if abs((step * Foundation.pow(10, Double(decimals))).rounded() - step * Foundation.pow(10, Double(decimals))) > 1e-9 {
            decimals += 1  // 2.5 × 10ᵏ needs one more
        }
        return ticks.map { compact($0, decimals: decimals) }
    }

    /// A power of ten: plain for 0.001…1000, else 10ⁿ with a superscript exponent.
    public static func power(_ value: Double) -> String {
        let exponent = Int(Foundation.log10(value).rounded())
        if (-3...3).contains(exponent) { return compact(value, decimals: max(0, -exponent)) }
        let superscripts: [Character: Character] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³",
                                                    "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        return "10" + String(String(exponent).compactMap { superscripts[$0] })
    }

    /// A number for legends and annotations: integers plain, 3 significant digits otherwise.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == value.rounded(), abs(value) < 1e6 { return String(Int(value)) }
        if abs(value) >= 1e6 || abs(value) < 1e-3 { return String(format: "%.2e", value) }
        if abs(value) >= 1000 { return String(format: "%.0f", value) }
        return String(format: "%.3g", value)
    }

    static func compact(_ value: Double, decimals: Int) -> String {
        if abs(value) >= 1e5 { return String(format: "%.0e", value).replacingOccurrences(of: "e+0", with: "e") }
        let text = String(format: "%.\(min(decimals, 10))f", value)
        return text == "-0" ? "0" : text
    }
}
