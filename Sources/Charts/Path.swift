/// A vector path: what a renderer strokes or fills.
public struct Path: Sendable, Equatable {
    public enum Element: Sendable, Equatable {
        case move(Point)
        case line(Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func close() { elements.append(.close) }

    public var isEmpty: Bool { elements.isEmpty }
    /// Number of points (moves and lines).
    public var pointCount: Int { elements.filter { $0 != .close }.count }

    public static func rectangle(_ r: Rect) -> Path {
        var p = Path()
        p.move(to: Point(r.minX, r.minY)); p.line(to: Point(r.maxX, r.minY))
        p.line(to: Point(r.maxX, r.maxY)); p.line(to: Point(r.minX, r.maxY)); p.close()
        return p
    }

    public static func segment(_ a: Point, _ b: Point) -> Path {
        var p = Path()
        p.move(to: a); p.line(to: b)
        return p
    }

    /// A small triangle pointing up (at the top edge) or down (at the bottom edge): the
    /// marker for a value beyond a fixed axis range.
    public static func clipMarker(at p: Point, pointingUp: Bool, size: Double = 5) -> Path {
        var path = Path()
        let tip = pointingUp ? -size : size
        path.move(to: Point(p.x, p.y + tip)); path.line(to: Point(p.x - size * 0.8, p.y))
        path.line(to: Point(p.x + size * 0.8, p.y)); path.close()
        return path
    }
}

public struct StrokeStyle: Sendable, Equatable {
    public var color: Color
    public var width: Double
    /// On/off lengths; empty for a solid line.
    public var dash: [Double]

    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

public struct TextStyle: Sendable, Equatable {
    public enum Anchor: Sendable, Equatable { case start, middle, end }

    public var size: Double
    public var color: Color
    public var bold: Bool
    /// Horizontal anchor of the text's baseline point.
    public var anchor: Anchor
    /// Rotated by −90° (reading upwards), for a vertical axis label.
    public var vertical: Bool

    public init(size: Double, color: Color = .ink, bold: Bool = false, anchor: Anchor = .start, vertical: Bool = false) {
        self.size = size; self.color = color; self.bold = bold; self.anchor = anchor; self.vertical = vertical
    }
}
