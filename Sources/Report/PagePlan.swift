import Experiments

/// Every chart of the report page, planned before any is drawn and grouped as the model
/// takes them, so `PageBatch` draws them all in one batch.
struct PagePlan {
    let main: [FigureRequest]
    let gradientFlow: [FigureRequest]
    let overview: [Planned<ReportModel.OverviewRow>]
    let details: [Planned<ReportModel.DetailSection>]
    let jacobian: [FigureRequest]
    let variants: [FigureRequest]
    let unitHealthHeader: String

    init(_ result: ExperimentResult, figures: ReportFigures) throws(ReportError) {
        let probes = ProbeFigures(result: result, scale: figures.scale, focusLayer: figures.focusLayer)
        main = figures.figureRequests(for: result)
        gradientFlow = try probes.gradientFlowAcrossInitializers().map { [$0] } ?? []
        overview = probes.overviewRows()
        details = probes.details()
        jacobian = figures.jacobianFigureRequests(for: result)
        variants = figures.variantFigureRequests(for: result)
        unitHealthHeader = probes.unitHealthHeader
    }

    /// Every request in page order.
    var requests: [FigureRequest] {
        main + gradientFlow + overview.flatMap(\.requests) + details.flatMap(\.requests) + jacobian + variants
    }

    /// The page's parts from the figures drawn for `requests`, in the same order.
    func finish(_ drawn: [ReportModel.Figure]) -> DrawnPage {
        precondition(drawn.count == requests.count, "\(requests.count) figures requested, \(drawn.count) drawn")
        var rest = drawn[...]
        func take(_ count: Int) -> [ReportModel.Figure] {
            defer { rest = rest.dropFirst(count) }
            return Array(rest.prefix(count))
        }
        return DrawnPage(main: take(main.count), gradientFlow: take(gradientFlow.count),
                         overview: overview.map { $0.finish(take($0.requests.count)) },
                         details: details.map { $0.finish(take($0.requests.count)) },
                         jacobian: take(jacobian.count), variants: take(variants.count))
    }
}

/// The drawn parts of the page, as `ReportModel` takes them.
struct DrawnPage {
    let main: [ReportModel.Figure]
    let gradientFlow: [ReportModel.Figure]
    let overview: [ReportModel.OverviewRow]
    let details: [ReportModel.DetailSection]
    let jacobian: [ReportModel.Figure]
    let variants: [ReportModel.Figure]
}
