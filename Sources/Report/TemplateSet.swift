import Foundation
import Mustache
import Templates

/// The templates a report renders with: the built-in ones, each optionally replaced by a
/// file of the same name in a `--templates` folder (`report.mustache`, `report.css`,
/// `partials/NAME.mustache`). Every `{{> partial}}` must resolve, or building fails with
/// the partial's name — a missing partial would otherwise render as nothing.
public struct TemplateSet: Sendable {
    public static let pageName = "report"

    let library: MustacheLibrary
    public let stylesheet: String
    /// The override folder, if any.
    public let folder: String?

    /// Only the built-in templates.
    public static func builtIn() throws(ReportError) -> TemplateSet {
        try TemplateSet(page: EmbeddedTemplates.report, stylesheet: EmbeddedTemplates.stylesheet,
                        partials: EmbeddedTemplates.partials, folder: nil)
    }

    /// The built-in templates with any file in `folder` taking precedence.
    public static func overridden(by folder: URL) throws(ReportError) -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .templateFolderMissing(path: folder.path)
        }
        let pageFile = folder.appendingPathComponent("report.mustache")
        var files: [String: String] = [:]   // template name → the file it was read from
        let page = try read(pageFile).map { text in files[pageName] = pageFile.path; return text } ?? EmbeddedTemplates.report
        let css = try read(folder.appendingPathComponent("report.css")) ?? EmbeddedTemplates.stylesheet
        var partials = EmbeddedTemplates.partials
        let partialsFolder = folder.appendingPathComponent("partials")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: partialsFolder.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let url = partialsFolder.appendingPathComponent(file)
            if let text = try read(url) {
                partials[name] = text
                files[name] = url.path
            }
        }
        return try TemplateSet(page: page, stylesheet: css, partials: partials, folder: folder.path, files: files)
    }

    /// `files` names the file each overriding template came from, for error messages.
    init(page: String, stylesheet: String, partials: [String: String], folder: String?,
         files: [String: String] = [:]) throws(ReportError) {
        func file(_ name: String) -> String {
            files[name] ?? "built-in " + (name == Self.pageName ? "\(name).mustache" : "partials/\(name).mustache")
        }
        var library = MustacheLibrary()
        try Self.register(page, named: Self.pageName, file: file(Self.pageName), in: &library)
        for (name, text) in partials.sorted(by: { $0.key < $1.key }) {
            try Self.register(text, named: name, file: file(name), in: &library)
        }
        // Every partial reference, in the page and in partials, must resolve.
        for (name, text) in [(Self.pageName, page)] + partials.sorted(by: { $0.key < $1.key }) {
            for reference in Self.partialReferences(in: text) where partials[reference] == nil {
                throw .missingPartial(template: file(name), partial: reference, folder: folder)
            }
        }
        self.library = library
        self.stylesheet = stylesheet
        self.folder = folder
    }

    /// Renders the page with `model`, a plain struct: read through `MustacheTree`, which
    /// looks its properties up by name as Mustache's reflection would, but once.
    public func renderPage(_ model: Any) throws(ReportError) -> String {
        guard let html = library.render(MustacheTree.make(model), withTemplate: Self.pageName) else {
            throw .renderFailed(template: Self.pageName)
        }
        return html
    }

    private static func register(_ text: String, named name: String, file: String,
                                 in library: inout MustacheLibrary) throws(ReportError) {
        do { try library.register(text, named: name) } catch let error as MustacheTemplate.ParserError {
            throw .templateSyntax(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                  reason: TemplateSyntaxReason.words(for: error.error))
        } catch {
            throw .templateSyntax(file: file, line: 0, column: 0, reason: TemplateSyntaxReason.words(for: error))
        }
    }

    /// Names used as `{{> name}}` in a template.
    static func partialReferences(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func read(_ file: URL) throws(ReportError) -> String? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do { return try String(contentsOf: file, encoding: .utf8) } catch {
            throw .templateUnreadable(path: file.path, reason: (error as NSError).localizedDescription)
        }
    }
}
