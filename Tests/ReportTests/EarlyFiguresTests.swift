import Testing
import Foundation
import Experiments
import Diagnostics
@testable import Report

/// Figures drawn while the last runs train (`EarlyFigures`) are taken by the page only where
/// they are the figures it would draw: the page is the same with or without them.
@Suite struct EarlyFiguresTests {
    let templates: TemplateSet
    let figures = ReportFigures(scale: 1)

    init() throws { templates = try TemplateSet.builtIn() }

    /// Four series (two initializers × two variants), one seed each, with probes.
    func oneSeedResult() -> ExperimentResult {
        var result = seededResult()
        result.runs = result.runs.filter { $0.seed == 0 }
        result.config.seeds = [0]
        return result
    }

    /// `result` as the runner hands it to an idle worker: only `runIDs` finished, diagnosed.
    func finished(_ result: ExperimentResult, only runIDs: Set<String>) -> ExperimentResult {
        var partial = result
        partial.runs = result.runs.filter { runIDs.contains($0.id) }
        partial.findings = partial.diagnose()
        return partial
    }

    func page(_ result: ExperimentResult, drawnEarly: EarlyFigures? = nil) throws -> String {
        try HTMLReport.renderWithMetricsJSON(result, templates: templates, figures: figures, drawnEarly: drawnEarly).html
    }

    /// The reuse keys of the run figures the page plans for `result`.
    func plannedKeys(_ result: ExperimentResult) throws -> [FigureReuseKey] {
        try PagePlan(result, figures: figures).requests.compactMap(\.reuseKey)
    }

    @Test func theFinishedRunsFiguresAreTakenAndThePageIsTheSame() throws {
        let result = oneSeedResult()
        let done = Set(result.runs.prefix(2).map(\.id))
        let early = EarlyFigures()
        early.draw(for: finished(result, only: done), until: { false })
        let expected = try plannedKeys(result).filter { done.contains($0.runID) }
        #expect(expected.count == 20)  // per run: 4 sparklines, 6 detail charts
        #expect(early.drawnCount == expected.count)
        #expect(try page(result, drawnEarly: early) == (try page(result)))
        #expect(early.reusedCount == expected.count)
    }

    @Test func figuresOfARunThePageDoesNotShowThatWayAreDrawnAgain() throws {
        // Seed 0 of one series is still training: the idle worker draws seed 1 as that
        // series' representative, labelled "· seed 1"; the page shows seed 0.
        var result = seededResult()
        // The synthetic probes are the same for every seed: make seed 1's gradients its own,
        // so its charts are not seed 0's.
        let standInIndex = try #require(result.runs.firstIndex { $0.id == "he_normal@shallow#seed1" })
        for l in try #require(result.runs[standInIndex].probes).layers.indices {
            for s in result.runs[standInIndex].probes!.layers[l].snapshots.indices {
                result.runs[standInIndex].probes!.layers[l].snapshots[s].weightGradient.l2 *= 10
            }
        }
        let stillTraining = "he_normal@shallow#seed0"
        let partial = finished(result, only: Set(result.runs.map(\.id)).subtracting([stillTraining]))
        let early = EarlyFigures()
        early.draw(for: partial, until: { false })
        let standIn = try plannedKeys(partial).filter { $0.runID == "he_normal@shallow#seed1" }.count
        #expect(standIn == 10)
        #expect(try page(result, drawnEarly: early) == (try page(result)))
        #expect(early.reusedCount == early.drawnCount - standIn)
    }

    @Test func aHistogramGridFramedDifferentlyIsDrawnAgain() throws {
        // When the idle worker drew them, no finding named a layer of the zeros run; the page's
        // findings frame its layer 2, so that run's histogram grid is redrawn and nothing else.
        var result = oneSeedResult()
        let zeros = try #require(result.runs.first { $0.initializer == "zeros" })
        result.findings = result.diagnose() + [
            Finding(rule: "dead-units", severity: .warning, runID: zeros.id, initializer: "zeros", layer: 2,
                    evidence: [Evidence("dead share", 1)], threshold: Threshold(key: "dead_units.share", value: 0.5),
                    explanation: "every unit of layer 2 is dead"),
        ]
        let partial = finished(result, only: Set(result.runs.map(\.id)))
        #expect(!partial.allFindings.contains { $0.runID == zeros.id && $0.layer == 2 })
        let early = EarlyFigures()
        early.draw(for: partial, until: { false })
        #expect(early.drawnCount == 40)
        let html = try page(result, drawnEarly: early)
        #expect(html == (try page(result)))
        #expect(html.contains("Rows framed in red"))
        #expect(early.reusedCount == 39)
    }

    @Test func drawingStopsWhenAskedBeforeTheNextFigure() throws {
        let result = oneSeedResult()
        let partial = finished(result, only: Set(result.runs.map(\.id)))
        let never = EarlyFigures()
        never.draw(for: partial, until: { true })
        #expect(never.drawnCount == 0)
        var asked = 0
        let twoFigures = EarlyFigures()
        twoFigures.draw(for: partial, until: { asked += 1; return asked > 3 })  // once on entry, once per figure
        #expect(twoFigures.drawnCount == 2)
        #expect(try page(result, drawnEarly: twoFigures) == (try page(result)))
        #expect(twoFigures.reusedCount == 2)
    }

    @Test func twoIdleWorkersShareTheFiguresBetweenThem() throws {
        let result = oneSeedResult()
        let partial = finished(result, only: Set(result.runs.map(\.id)))
        let early = EarlyFigures()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in early.draw(for: partial, until: { false }) }
        #expect(early.drawnCount == 40)
        #expect(try page(result, drawnEarly: early) == (try page(result)))
        #expect(early.reusedCount == 40)
    }
}
