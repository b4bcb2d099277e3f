import Foundation
import Experiments

/// Builds the one self-contained report page from a result and writes it atomically.
public enum HTMLReport {
    public static let fileName = "report.html"

    /// The page as a string: figures drawn, metrics embedded, templates rendered.
    public static func render(_ result: ExperimentResult, templates: TemplateSet,
                              figures: ReportFigures = ReportFigures()) throws(ReportError) -> String {
        try build(result, templates: templates, figures: figures, keepingMetricsJSON: false).html
    }

    /// The page and the metrics.json of `result` (`ResultsStore.encode`'s bytes) together:
    /// the result is encoded once when the page embeds it as it is, and the encoding runs
    /// on one core while the charts are drawn on the others. With `fingerprint`, the
    /// result's dataset fingerprint is still being hashed (`PendingFingerprint`): the
    /// encoding waits for it and fills it in, and the charts, which do not need it, are drawn
    /// meanwhile. With `drawnEarly`, the runs' own figures drawn there while other runs
    /// trained are taken rather than drawn again.
    public static func renderWithMetricsJSON(_ result: ExperimentResult, templates: TemplateSet,
                                             figures: ReportFigures = ReportFigures(),
                                             fingerprint: (@Sendable () -> String)? = nil,
                                             drawnEarly: EarlyFigures? = nil) throws(ReportError)
        -> (html: String, metricsJSON: Data) {
        let page = try build(result, templates: templates, figures: figures, keepingMetricsJSON: true,
                             fingerprint: fingerprint, drawnEarly: drawnEarly)
        guard let json = page.metricsJSON else { preconditionFailure("a job that keeps the JSON was planned") }
        return (page.html, json)
    }

    /// Plans every chart, then encodes the metrics and draws the charts in one parallel
    /// batch (`PageBatch`), then fills the templates.
    private static func build(_ result: ExperimentResult, templates: TemplateSet, figures: ReportFigures,
                              keepingMetricsJSON: Bool, fingerprint: (@Sendable () -> String)? = nil,
                              drawnEarly: EarlyFigures? = nil) throws(ReportError)
        -> (html: String, metricsJSON: Data?) {
        let page = try model(result, templates: templates, figures: figures, keepingMetricsJSON: keepingMetricsJSON,
                             fingerprint: fingerprint, drawnEarly: drawnEarly)
        return (try templates.renderPage(page.model), page.metricsJSON)
    }

    /// What the templates are filled with, and metrics.json's bytes when kept.
    static func model(_ result: ExperimentResult, templates: TemplateSet, figures: ReportFigures,
                      keepingMetricsJSON: Bool, fingerprint: (@Sendable () -> String)? = nil,
                      drawnEarly: EarlyFigures? = nil) throws(ReportError)
        -> (model: ReportModel, metricsJSON: Data?) {
        let plan = try PagePlan(result, figures: figures)
        let batch = try PageBatch.run(metrics: MetricsJob.jobs(for: result, keepingJSON: keepingMetricsJSON,
                                                               fingerprint: fingerprint),
                                      figures: plan.requests, drawnEarly: drawnEarly)
        guard let download = batch.metrics.lazy.compactMap(\.download).first else {
            preconditionFailure("a job that embeds the metrics was planned")
        }
        let page = plan.finish(batch.figures)
        let model = ReportModel(result: result, figures: page.main, colors: ReportFigures.colors(for: result),
                                metrics: download, css: templates.stylesheet,
                                probeFigures: page.gradientFlow, overview: page.overview, details: page.details,
                                unitHealthHeader: plan.unitHealthHeader,
                                jacobianFigures: page.jacobian, variantFigures: page.variants)
        return (model, batch.metrics.lazy.compactMap(\.json).first)
    }

    /// Writes `report.html` into `folder` through a temporary file and a rename, so a crash
    /// never leaves half a report. Returns the file's URL.
    @discardableResult
    public static func write(_ html: String, toFolder folder: URL) throws(ReportError) -> URL {
        try ReportFile.write(html, named: fileName, toFolder: folder)
    }
}
