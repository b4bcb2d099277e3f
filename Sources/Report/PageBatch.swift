import Foundation

/// The costly work of one report page in a single parallel batch: encoding the metrics and
/// drawing every chart. Handed out longest first — the metrics (the longest single task),
/// then the charts by pixel count — with no barrier between groups of charts, so every core
/// stays busy until the last small sparkline.
enum PageBatch {
    enum Job: Sendable {
        case metrics(MetricsJob)
        case figure(FigureRequest)

        /// What the start order sorts by, largest first.
        var cost: Double {
            switch self {
            case .metrics: .infinity
            case let .figure(request): request.pixelCount
            }
        }
    }

    enum Output: Sendable {
        case metrics(MetricsOutput)
        case figure(ReportModel.Figure)
    }

    /// Runs `metrics` and draws `figures`, taking from `drawnEarly` those already drawn
    /// there; the outputs come back in the order given. The first error in that order
    /// (metrics first) is rethrown.
    static func run(metrics: [MetricsJob], figures: [FigureRequest], drawnEarly: EarlyFigures? = nil) throws(ReportError)
        -> (metrics: [MetricsOutput], figures: [ReportModel.Figure]) {
        var drawn = figures.map { request in request.reuseKey.flatMap { drawnEarly?.figure(for: $0) } }
        let toDraw = figures.indices.filter { drawn[$0] == nil }
        let jobs = metrics.map(Job.metrics) + toDraw.map { Job.figure(figures[$0]) }
        let outputs = try parallelMap(jobs, startingWith: startOrder(jobs)) { (job: Job) throws(ReportError) -> Output in
            switch job {
            case let .metrics(work): .metrics(try work.run())
            case let .figure(request): .figure(try request.draw())
            }
        }
        var encoded: [MetricsOutput] = [], fresh: [ReportModel.Figure] = []
        for output in outputs {
            switch output {
            case let .metrics(value): encoded.append(value)
            case let .figure(figure): fresh.append(figure)
            }
        }
        for (index, figure) in zip(toDraw, fresh) { drawn[index] = figure }
        return (encoded, drawn.map { figure in
            guard let figure else { preconditionFailure("PageBatch: a figure was neither drawn early nor now") }
            return figure
        })
    }

    /// Job indices by falling cost; equal costs in job order.
    static func startOrder(_ jobs: [Job]) -> [Int] {
        jobs.indices.sorted { a, b in
            jobs[a].cost != jobs[b].cost ? jobs[a].cost > jobs[b].cost : a < b
        }
    }
}
