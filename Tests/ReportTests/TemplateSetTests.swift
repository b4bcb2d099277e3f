import Testing
import Foundation
import Report
import Templates
import TestSupport

@Suite struct TemplateSetTests {
    func folder(_ files: [String: String]) throws -> URL {
        let root = try FixturePaths.temporaryDirectory()
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func everyPartialFileIsCompiledIn() throws {
        let partials = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates/partials")
        let files = try FileManager.default.contentsOfDirectory(atPath: partials.path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(files) == Set(EmbeddedTemplates.partials.keys))
    }

    @Test func builtInTemplatesResolveEveryPartial() throws {
        _ = try TemplateSet.builtIn()
    }

    @Test func overrideFolderReplacesOnlyWhatItHolds() throws {
        let set = try TemplateSet.overridden(by: try folder(["report.css": "body { color: rebeccapurple; }"]))
        #expect(set.stylesheet.contains("rebeccapurple"))
        let html = try HTMLReport.render(sampleResult(), templates: set, figures: ReportFigures(scale: 1))
        #expect(html.contains("rebeccapurple") && html.contains("Leaderboard"))
    }

    @Test func overridePageRendersWithBuiltInPartials() throws {
        let set = try TemplateSet.overridden(by: try folder(["report.mustache": "<h1>{{title}}</h1>{{> leaderboard}}"]))
        let html = try HTMLReport.render(sampleResult(), templates: set, figures: ReportFigures(scale: 1))
        #expect(html.hasPrefix("<h1>Weight initialization report") && html.contains("He normal"))
    }

    @Test func missingFolderMissingPartialAndSyntaxErrorsAreNamed() throws {
        #expect(throws: ReportError.templateFolderMissing(path: "/nonexistent/templates")) {
            try TemplateSet.overridden(by: URL(fileURLWithPath: "/nonexistent/templates"))
        }
        let missing = try folder(["report.mustache": "{{> sidebar}}"])
        let page = missing.appendingPathComponent("report.mustache").path
        #expect(throws: ReportError.missingPartial(template: page, partial: "sidebar", folder: missing.path)) {
            try TemplateSet.overridden(by: missing)
        }
        let broken = try folder(["partials/facts.mustache": "line one\n{{#facts}} unclosed"])
        do {
            _ = try TemplateSet.overridden(by: broken)
            Issue.record("a template syntax error was accepted")
        } catch {
            guard case let .templateSyntax(file, line, _, _) = error else { Issue.record("wrong error \(error)"); return }
            let path = broken.appendingPathComponent("partials/facts.mustache").path
            #expect(file == path && line == 2)
            #expect(error.description.hasPrefix("\(path):2:") && !error.description.contains("\n"))
        }
    }
}
