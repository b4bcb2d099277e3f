import Foundation

/// A sequential colormap: anchor colours at equal spacing over 0…1, linearly interpolated in
/// sRGB between neighbours. `viridis` is perceptually uniform and colour-blind safe: it goes
/// from dark purple (#440154) at 0 to yellow (#FDE725) at 1, its luminance rising throughout,
/// so "more" always reads as "lighter", also in greyscale.
public struct Colormap: Sendable, Equatable {
    public let anchors: [Color]

    public init(anchors: [Color]) {
        precondition(anchors.count >= 2, "Colormap: need at least two anchor colours")
        self.anchors = anchors
    }

    /// matplotlib's viridis sampled at 0, 1/8, …, 1.
    public static let viridis = Colormap(anchors: [
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    ].map { Color(hex: $0) })

    /// The colour at `t` (clamped to 0…1; NaN gives the low end).
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(1, max(0, t))
        let scaled = clamped * Double(anchors.count - 1)
        let index = min(anchors.count - 2, Int(scaled.rounded(.down)))
        let f = scaled - Double(index)
        let a = anchors[index], b = anchors[index + 1]
        return Color(red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f,
                     blue: a.blue + (b.blue - a.blue) * f)
    }

    /// WCAG relative luminance of `color` (0 black … 1 white).
    public static func luminance(_ color: Color) -> Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }
}
