import Experiments

/// Why a report could not be built or written.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case templateFolderMissing(path: String)
    case templateUnreadable(path: String, reason: String)
    /// `file` is the template's path in the --templates folder, or "built-in NAME.mustache".
    case templateSyntax(file: String, line: Int, column: Int, reason: String)
    /// `template` is the file (as for `templateSyntax`) whose `{{> partial}}` does not resolve.
    case missingPartial(template: String, partial: String, folder: String?)
    case renderFailed(template: String)
    case chartFailed(title: String, reason: String)
    /// A report file could not be written; its folder is as it was.
    case output(OutputWriteError)
    case focusLayerOutOfRange(layer: Int, layers: Int)
    /// The result could not be encoded as JSON (for metrics.json or the page's download).
    case metricsEncoding(ResultsError)

    public var description: String {
        switch self {
        case let .templateFolderMissing(path):
            return "--templates '\(path)' is not a folder. Pass a folder holding report.mustache, report.css and/or partials/*.mustache."
        case let .templateUnreadable(path, reason):
            return "Cannot read template '\(path)': \(reason). Check its permissions or remove it to use the built-in one."
        case let .templateSyntax(file, line, column, reason):
            let place = line > 0 ? "\(file):\(line):\(column)" : file
            return "\(place): template syntax error: \(reason). Fix the Mustache tag there, or remove the file to use the built-in template."
        case let .missingPartial(template, partial, folder):
            let place = folder.map { " or in \($0)/partials" } ?? ""
            return "\(template): uses {{> \(partial)}} but no partial '\(partial)' exists built in\(place). Add partials/\(partial).mustache or remove the tag."
        case let .renderFailed(template):
            return "Template '\(template)' could not be rendered. Check it with the built-in templates (drop --templates)."
        case let .chartFailed(title, reason):
            return "Chart '\(title)' could not be drawn: \(reason). Check that libcairo2 and fonts-dejavu-core are installed (make deps)."
        case let .focusLayerOutOfRange(layer, layers):
            return "--focus-layer \(layer) does not exist: the network has \(layers) layers. Pass a number from 1 to \(layers)."
        case let .output(error):
            return error.description
        case let .metricsEncoding(error):
            return error.description
        }
    }
}
