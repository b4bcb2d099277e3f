/// A renderer that records every draw call as a line of text, with a deterministic text
/// measurement (0.6 × font size per character), so layouts can be tested without Cairo.
public final class RecordingRenderer: Renderer {
    public private(set) var log: [String] = []
    /// Every text drawn, with its position, in order.
    public private(set) var texts: [(text: String, at: Point)] = []
    /// Every stroked path with its style, in order.
    public private(set) var strokes: [(path: Path, style: StrokeStyle)] = []
    public private(set) var fills: [(path: Path, color: Color)] = []

    public init() {}

    public func stroke(_ path: Path, style: StrokeStyle) {
        strokes.append((path, style))
        log.append("stroke path(\(path.pointCount) pts) color=\(style.color.hexString) width=\(style.width) dash=\(style.dash)")
    }

    public func fill(_ path: Path, color: Color) {
        fills.append((path, color))
        log.append("fill path(\(path.pointCount) pts) color=\(color.hexString)")
    }

    public func text(_ text: String, at point: Point, style: TextStyle) {
        texts.append((text, point))
        log.append("text \"\(text)\" at (\(Int(point.x)), \(Int(point.y))) size=\(style.size)")
    }

    public func measure(_ text: String, style: TextStyle) -> Size {
        Size(Double(text.count) * style.size * 0.6, style.size)
    }

    public func clip(to rect: Rect?) {
        log.append(rect.map { "clip (\(Int($0.x)), \(Int($0.y)), \(Int($0.width)), \(Int($0.height)))" } ?? "clip none")
    }
}
