import Charts
import CairoRenderer

/// A chart that will become one report figure: what to draw, how large, and the words
/// around it. The page collects every request first and draws them all in one batch on all
/// cores (`PageBatch`), so no core waits at a barrier between groups of charts.
struct FigureRequest: Sendable {
    let id: String
    let chart: any Chart
    /// Logical size; `scale` device pixels per logical pixel.
    let size: Size
    let scale: Double
    let caption: String
    let alt: String
    /// Set on a run's own figures (`RunFigures`): a figure `EarlyFigures` drew under this key
    /// is this request's figure, so the page takes it instead of drawing it again.
    private(set) var reuseKey: FigureReuseKey?

    init(_ chart: any Chart, id: String, size: Size, scale: Double, caption: String, alt: String? = nil) {
        self.chart = chart
        self.id = id
        self.size = size
        self.scale = scale
        self.caption = caption
        self.alt = alt ?? (chart.title.isEmpty ? id : chart.title)
    }

    /// The same request, marked as the figure `key` names.
    func reusable(as key: FigureReuseKey) -> FigureRequest {
        var copy = self
        copy.reuseKey = key
        return copy
    }

    /// Device pixels to paint, quantize and compress: what a chart's drawing time follows.
    var pixelCount: Double { (size.width * scale).rounded() * (size.height * scale).rounded() }

    /// The chart drawn on its own canvas (created and freed on the calling thread) and
    /// embedded as a PNG.
    func draw() throws(ReportError) -> ReportModel.Figure {
        let png: [UInt8]
        do { png = try CairoRenderer.png(chart, size: size, scale: scale) } catch {
            throw .chartFailed(title: chart.title.isEmpty ? id : chart.title, reason: error.description)
        }
        return ReportModel.Figure(id: id, title: chart.title, caption: caption, alt: alt, dataURI: DataURI.png(png),
                                  width: Int(size.width), height: Int(size.height))
    }
}
