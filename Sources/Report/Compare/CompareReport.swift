import Foundation
import Experiments
import Templates

/// `compare.html`: one self-contained page for a comparison (same Content-Security-Policy,
/// inline CSS and data-URI images as report.html), built from the built-in compare.mustache.
public enum CompareReport {
    public static let fileName = "compare.html"

    /// The page as a string: loss curves drawn, the template rendered.
    public static func render(_ comparison: ResultComparison, base: ExperimentResult, head: ExperimentResult,
                              figures: CompareFigures = CompareFigures()) throws(ReportError) -> String {
        let templates = try TemplateSet(page: EmbeddedTemplates.compare, stylesheet: EmbeddedTemplates.stylesheet,
                                        partials: EmbeddedTemplates.partials, folder: nil)
        let model = CompareModel(comparison: comparison,
                                 figures: try figures.figures(comparison: comparison, base: base, head: head),
                                 css: templates.stylesheet, generator: "\(head.tool.name) \(head.tool.version)")
        return try templates.renderPage(model)
    }

    /// Writes `compare.html` into `folder` atomically and returns its URL.
    @discardableResult
    public static func write(_ html: String, toFolder folder: URL) throws(ReportError) -> URL {
        try ReportFile.write(html, named: fileName, toFolder: folder)
    }
}
