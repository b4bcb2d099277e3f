import Testing
import Foundation
import Experiments
import Charts
import Compression
@testable import Report

/// The page's one parallel batch: the result encoded once when the page embeds it as it is,
/// every chart drawn in one go, longest first, and results back in page order.
@Suite struct PageBatchTests {
    let templates: TemplateSet
    let figures = ReportFigures(scale: 1)

    init() throws { templates = try TemplateSet.builtIn() }

    /// The JSON behind the page's download link.
    func embeddedJSON(_ html: String) throws -> Data {
        let prefix = "data:application/gzip;base64,"
        let start = try #require(html.range(of: prefix))
        let base64 = html[start.upperBound...].prefix { $0 != "\"" }
        let gzipped = try #require(Data(base64Encoded: String(base64)))
        return Data(try Zlib.inflate([UInt8](gzipped), outputLimit: 1 << 30))
    }

    /// Probes and one seed per series: the download is the result itself.
    func oneSeedResult() -> ExperimentResult {
        var result = seededResult()
        result.runs = result.runs.filter { $0.seed == 0 }
        result.config.seeds = [0]
        return result
    }

    @Test func oneSeedPerSeriesIsEncodedOnceForTheFileAndTheDownload() throws {
        let result = oneSeedResult()
        #expect(EmbeddedMetrics.trimmed(result) == nil)
        let jobs = MetricsJob.jobs(for: result, keepingJSON: true)
        #expect(jobs.count == 1 && jobs[0].keepsJSON && jobs[0].embeds)
        let page = try HTMLReport.renderWithMetricsJSON(result, templates: templates, figures: figures)
        #expect(page.metricsJSON == (try ResultsStore.encode(result)))
        #expect(try embeddedJSON(page.html) == page.metricsJSON)
        #expect(page.html == (try HTMLReport.render(result, templates: templates, figures: figures)))
    }

    @Test func severalSeedsEncodeTheFileAndTheTrimmedDownloadApart() throws {
        let result = seededResult()
        let jobs = MetricsJob.jobs(for: result, keepingJSON: true)
        #expect(jobs.map(\.keepsJSON) == [true, false] && jobs.map(\.embeds) == [false, true])
        #expect(MetricsJob.jobs(for: result, keepingJSON: false).map(\.embeds) == [true])
        let page = try HTMLReport.renderWithMetricsJSON(result, templates: templates, figures: figures)
        #expect(page.metricsJSON == (try ResultsStore.encode(result)))
        #expect(try embeddedJSON(page.html) == (try ResultsStore.encode(EmbeddedMetrics.copy(of: result))))
        #expect(page.html == (try HTMLReport.render(result, templates: templates, figures: figures)))
    }

    /// `initscope run` hands over the result before the dataset fingerprint is hashed: the
    /// file and the download (trimmed or not) get it all the same, and nothing else changes.
    @Test(arguments: [false, true])
    func aFingerprintStillHashingIsFilledInBeforeEncoding(_ severalSeeds: Bool) throws {
        var complete = severalSeeds ? seededResult() : oneSeedResult()
        complete.dataset.fingerprint = "0123456789abcdef"
        var pending = complete
        pending.dataset.fingerprint = nil
        let page = try HTMLReport.renderWithMetricsJSON(pending, templates: templates, figures: figures,
                                                        fingerprint: { "0123456789abcdef" })
        #expect(page.metricsJSON == (try ResultsStore.encode(complete)))
        #expect(try embeddedJSON(page.html) == (try ResultsStore.encode(EmbeddedMetrics.copy(of: complete))))
        #expect(page.html == (try HTMLReport.render(complete, templates: templates, figures: figures)))
    }

    @Test func everyChartOfThePageIsRequestedOnceInPageOrder() throws {
        let result = seededResult()
        let plan = try PagePlan(result, figures: figures)
        let ids = plan.requests.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.prefix(3) == ["loss-early", "loss-whole", "accuracy"])
        #expect(ids.last == "variants-speed")
        let page = plan.finish(try plan.requests.map { try $0.draw() })
        #expect(page.main.map(\.id) == Array(ids.prefix(3)))
        #expect(page.overview.map(\.cells.count) == plan.overview.map(\.requests.count))
        #expect(page.details.flatMap(\.figures).map(\.id) == plan.details.flatMap(\.requests).map(\.id))
    }

    @Test func metricsStartFirstThenTheLargestCharts() {
        let chart = LineChart(title: "t", xLabel: "x", yLabel: "y", series: [.init(label: "a", values: [1, 2, 3])])
        let small = FigureRequest(chart, id: "small", size: Size(220, 110), scale: 1, caption: "")
        let large = FigureRequest(chart, id: "large", size: Size(900, 430), scale: 2, caption: "")
        let metrics = MetricsJob(result: sampleResult(), keepsJSON: false, embeds: true)
        let jobs: [PageBatch.Job] = [.figure(small), .figure(large), .metrics(metrics), .figure(small)]
        #expect(PageBatch.startOrder(jobs) == [2, 1, 0, 3])
    }

    @Test func resultsAndTheFirstErrorFollowItemOrderWhateverTheStartOrder() throws {
        let items = Array(0..<64)
        let backwards = Array(items.reversed())
        #expect(try parallelMap(items, startingWith: backwards) { $0 * 2 } == items.map { $0 * 2 })
        #expect(throws: ReportError.focusLayerOutOfRange(layer: 3, layers: 0)) {
            try parallelMap(items, startingWith: backwards) { (item: Int) throws(ReportError) -> Int in
                if item == 3 || item == 40 { throw .focusLayerOutOfRange(layer: item, layers: 0) }
                return item
            }
        }
    }
}
