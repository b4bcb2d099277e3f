/// Why a report could not be built or written.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case templateFolderMissing(path: String)
    case templateUnreadable(path: String, reason: String)
    case templateSyntax(name: String, line: Int, column: Int, reason: String)
    case missingPartial(template: String, partial: String, folder: String?)
    case renderFailed(template: String)
    case chartFailed(title: String, reason: String)
    case unwritable(path: String, reason: String)
    case focusLayerOutOfRange(layer: Int, layers: Int)

    public var description: String {
        switch self {
        case let .templateFolderMissing(path):
            return "--templates '\(path)' is not a folder. Pass a folder holding report.mustache, report.css and/or partials/*.mustache."
        case let .templateUnreadable(path, reason):
            return "Cannot read template '\(path)': \(reason). Check its permissions or remove it to use the built-in one."
        case let .templateSyntax(name, line, column, reason):
            return "Template '\(name)' line \(line), column \(column): \(reason). Fix the Mustache tag there."
        case let .missingPartial(template, partial, folder):
            let place = folder.map { " or in \($0)/partials" } ?? ""
            return "Template '\(template)' uses {{> \(partial)}} but no partial '\(partial)' exists built in\(place). Add partials/\(partial).mustache or remove the tag."
        case let .renderFailed(template):
            return "Template '\(template)' could not be rendered. Check it with the built-in templates (drop --templates)."
        case let .chartFailed(title, reason):
            return "Chart '\(title)' could not be drawn: \(reason). Check that libcairo2 and fonts-dejavu-core are installed (make deps)."
        case let .focusLayerOutOfRange(layer, layers):
            return "--focus-layer \(layer) does not exist: the network has \(layers) layers. Pass a number from 1 to \(layers)."
        case let .unwritable(path, reason):
            return "Cannot write '\(path)': \(reason). Pass --output DIR with a writable folder."
        }
    }
}
