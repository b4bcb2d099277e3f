import ArgumentParser
import Foundation
import Report

/// Options shared by the commands that write a report.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder with report.mustache, report.css and/or partials/*.mustache that replace the built-in ones.", valueName: "dir"))
    var templates: String?

    @Option(help: "Pixel density of the main chart PNGs (1 = smallest file, 2 = sharpest on high-density screens; per-layer charts are always 1).")
    var chartScale: Double = 1.25

    @Option(help: "Layer (1 = the first, farthest from the loss) whose gradient norm the report compares across initializers.")
    var focusLayer: Int = 1

    /// What the report draws, from these options.
    var figures: ReportFigures { ReportFigures(scale: chartScale, focusLayer: focusLayer) }

    func validate() throws {
        guard focusLayer >= 1 else { throw ValidationError("--focus-layer must be 1 or more, got \(focusLayer).") }
        guard chartScale >= 0.5, chartScale <= 4 else {
            throw ValidationError("--chart-scale must be between 0.5 and 4, got \(chartScale).")
        }
    }

    /// The templates to render with; fails fast (before any training) on a bad override.
    func loadTemplates() throws(ReportError) -> TemplateSet {
        guard let templates else { return try TemplateSet.builtIn() }
        return try TemplateSet.overridden(by: URL(fileURLWithPath: templates, isDirectory: true))
    }
}
