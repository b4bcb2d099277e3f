/// What a drawing backend implements: stroke and fill paths, draw and measure text, clip.
/// Charts compute their layout first and then paint through this, so the same chart goes
/// to Cairo (PNG) or to `RecordingRenderer` (a text log for tests).
public protocol Renderer: AnyObject {
    func stroke(_ path: Path, style: StrokeStyle)
    func fill(_ path: Path, color: Color)
    /// Draws `text` with its baseline at `point` (anchored per `style.anchor`).
    func text(_ text: String, at point: Point, style: TextStyle)
    /// Width and height (ascent) of `text` in logical pixels.
    func measure(_ text: String, style: TextStyle) -> Size
    /// Restricts painting to `rect`; nil lifts the restriction.
    func clip(to rect: Rect?)
}

/// A chart: a value that knows how to paint itself at a given size.
public protocol Chart: Sendable {
    var title: String { get }
    func draw(in renderer: some Renderer, size: Size)
}
