import Foundation
import Experiments

/// Builds the one self-contained report page from a result and writes it atomically.
public enum HTMLReport {
    public static let fileName = "report.html"

    /// The page as a string: figures drawn, metrics embedded, templates rendered.
    public static func render(_ result: ExperimentResult, templates: TemplateSet,
                              figures: ReportFigures = ReportFigures()) throws(ReportError) -> String {
        let metrics: Data
        do { metrics = try ResultsStore.encode(EmbeddedMetrics.copy(of: result)) } catch {
            throw .chartFailed(title: "metrics.json", reason: error.description)
        }
        let probes = ProbeFigures(result: result, scale: figures.scale, focusLayer: figures.focusLayer)
        let model = ReportModel(result: result, figures: try figures.figures(for: result),
                                colors: ReportFigures.colors(for: result), metricsJSON: metrics,
                                css: templates.stylesheet,
                                probeFigures: try probes.gradientFlowAcrossInitializers().map { [$0] } ?? [],
                                overview: try probes.overviewRows(), details: try probes.details(),
                                unitHealthHeader: probes.unitHealthHeader,
                                jacobianFigures: try figures.jacobianFigures(for: result),
                                variantFigures: try figures.variantFigures(for: result))
        return try templates.renderPage(model)
    }

    /// Writes `report.html` into `folder` through a temporary file and a rename, so a crash
    /// never leaves half a report. Returns the file's URL.
    @discardableResult
    public static func write(_ html: String, toFolder folder: URL) throws(ReportError) -> URL {
        try ReportFile.write(html, named: fileName, toFolder: folder)
    }
}
