import Testing
import Foundation
import Experiments
import Diagnostics
import Templates
@testable import Report

/// `MustacheTree` answers every lookup as swift-mustache's reflection does: pages filled
/// from the tree are the pages filled from the model itself, byte for byte.
@Suite struct MustacheTreeTests {
    let templates: TemplateSet
    let figures = ReportFigures(scale: 1)

    init() throws { templates = try TemplateSet.builtIn() }

    /// The page as swift-mustache fills it from the model by reflection.
    func byReflection(_ model: Any, _ templates: TemplateSet) throws -> String {
        try #require(templates.library.render(model, withTemplate: TemplateSet.pageName))
    }

    static let hostile = "<b>\"x\" & 'y'</b> / é 🙂"

    /// Series with seeds and variants, probes, LSUV, findings, a diverged run, a partial
    /// result, a run without probes, hostile strings.
    static func results() -> [ExperimentResult] {
        var partial = seededResult(variants: ["shallow"], lsuv: true)
        partial.partial = true
        partial.missingRuns = [MissingRun(id: "zeros@shallow#seed9", reason: hostile, stepsTrained: 3, totalSteps: 9)]
        partial.runs[0].label = hostile
        var oneSeed = seededResult()
        oneSeed.runs = oneSeed.runs.filter { $0.seed == 0 }
        oneSeed.config.seeds = [0]
        return [seededResult(), partial, oneSeed, seededResult(variants: ["deep"], withProbes: false),
                sampleResult(labels: [hostile, "zeros"])]
    }

    @Test(arguments: results().indices)
    func reportPageIsTheSameAsByReflection(_ index: Int) throws {
        let model = try HTMLReport.model(Self.results()[index], templates: templates, figures: figures,
                                         keepingMetricsJSON: false).model
        let page = try templates.renderPage(model)
        #expect(page == (try byReflection(model, templates)))
        #expect(page.contains("<figure"))
    }

    @Test func comparePageIsTheSameAsByReflection() throws {
        var base = sampleResult()
        base.findings = []
        var head = base
        head.runs[0].history.epochs[1].testAccuracy -= 0.03
        head.runs[0].label = Self.hostile
        let comparison = try ResultComparison.compare(base: base, head: head, basePath: "a/metrics.json", headPath: "b/metrics.json")
        let compare = try TemplateSet(page: EmbeddedTemplates.compare, stylesheet: EmbeddedTemplates.stylesheet,
                                      partials: EmbeddedTemplates.partials, folder: nil)
        let model = CompareModel(comparison: comparison,
                                 figures: try CompareFigures(scale: 1).figures(comparison: comparison, base: base, head: head),
                                 css: compare.stylesheet, generator: "initscope test")
        #expect(try compare.renderPage(model) == (try byReflection(model, compare)))
    }

    struct Inner { let name: String; let flag: Bool }
    struct Outer {
        let title: String
        let count: Int
        let present: String?
        let absent: String?
        let inner: Inner
        let items: [Inner]
        let words: [String]
        let empty: [Inner]
    }

    /// Structs become dictionaries of their stored properties; optionals are unwrapped or
    /// left out (so the lookup climbs the context stack, as with reflection); strings,
    /// numbers, Bools and arrays of strings stay what they are.
    @Test func structsBecomeDictionariesOfTheirProperties() throws {
        let outer = Outer(title: "t", count: 3, present: "p", absent: nil, inner: Inner(name: "n", flag: true),
                          items: [Inner(name: "a", flag: false)], words: ["w"], empty: [])
        let tree = try #require(MustacheTree.make(outer) as? [String: Any])
        #expect(Set(tree.keys) == ["title", "count", "present", "inner", "items", "words", "empty"])
        #expect(tree["title"] as? String == "t" && tree["count"] as? Int == 3 && tree["present"] as? String == "p")
        #expect((tree["inner"] as? [String: Any])?["flag"] as? Bool == true)
        #expect(((tree["items"] as? [Any])?.first as? [String: Any])?["name"] as? String == "a")
        #expect(tree["words"] as? [String] == ["w"])
        #expect((tree["empty"] as? [Inner])?.isEmpty == true)
    }
}
