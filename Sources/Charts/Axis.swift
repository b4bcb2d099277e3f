import Foundation

/// How values map to positions along an axis.
public enum AxisScale: Sendable, Equatable {
    case linear
    /// log10; values ≤ 0 cannot be placed and go to the chart's "= 0" strip.
    case log10
}

/// A laid-out axis: its domain, ticks and labels, and the value → pixel mapping onto
/// [`start`, `end`] (for a vertical axis, start is the bottom).
public struct Axis: Sendable, Equatable {
    public let scale: AxisScale
    public let domain: ClosedRange<Double>
    public let ticks: [Double]
    public let labels: [String]
    public var start: Double = 0
    public var end: Double = 1

    /// Domain and ticks from the finite values of `data` (positive ones on a log axis), or
    /// from `fixed` when given.
    public init(scale: AxisScale, data: [Double], fixed: ClosedRange<Double>? = nil, target: Int = 5,
                minimumStep: Double = 0) {
        self.scale = scale
        let low: Double, high: Double, candidates: [Double]
        switch scale {
        case .linear:
            let finite = data.filter(\.isFinite)
            low = fixed?.lowerBound ?? finite.min() ?? 0
            high = fixed?.upperBound ?? finite.max() ?? 1
            candidates = NiceTicks.linear(low, high, target: target, minimumStep: minimumStep)
        case .log10:
            let positive = data.filter { $0.isFinite && $0 > 0 }
            low = fixed?.lowerBound ?? positive.min() ?? 1
            high = fixed?.upperBound ?? positive.max() ?? 10
            candidates = NiceTicks.log10(low, high)
        }
        // A fixed range is kept as given (ticks inside it); otherwise the outer ticks bound it.
        let ticks = fixed.map { range in candidates.filter { range.contains($0) } } ?? candidates
        self.domain = fixed ?? (ticks.first ?? low)...(ticks.last ?? high)
        self.ticks = ticks
        self.labels = scale == .linear ? TickFormat.linear(ticks) : ticks.map(TickFormat.power)
    }

    /// A categorical axis: category i sits at x = i, labelled with its name, with half a
    /// slot of room on either side.
    public init(categories: [String]) {
        self.scale = .linear
        self.domain = -0.5...(Double(max(categories.count, 1)) - 0.5)
        self.ticks = categories.indices.map(Double.init)
        self.labels = categories
    }

    /// Position of `value`; nil when it cannot be placed (non-finite, or ≤ 0 on a log axis).
    /// Values outside the domain map outside [start, end]: callers clip.
    public func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let fraction: Double
        switch scale {
        case .linear:
            let span = domain.upperBound - domain.lowerBound
            fraction = span > 0 ? (value - domain.lowerBound) / span : 0.5
        case .log10:
            guard value > 0 else { return nil }
            let low = Foundation.log10(domain.lowerBound), high = Foundation.log10(domain.upperBound)
            fraction = high > low ? (Foundation.log10(value) - low) / (high - low) : 0.5
        }
        return start + fraction * (end - start)
    }

    public func contains(_ value: Double) -> Bool {
        domain.lowerBound <= value && value <= domain.upperBound
    }
}
