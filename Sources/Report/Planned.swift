/// A part of the page whose charts are still to be drawn: the requests, and how the part is
/// finished once their figures (in request order) come back from `PageBatch`.
struct Planned<Value: Sendable>: Sendable {
    let requests: [FigureRequest]
    let finish: @Sendable ([ReportModel.Figure]) -> Value

    init(_ requests: [FigureRequest], finish: @escaping @Sendable ([ReportModel.Figure]) -> Value) {
        self.requests = requests
        self.finish = finish
    }
}

extension ReportModel.DetailSection {
    /// The same section showing `figures`.
    func replacingFigures(with figures: [ReportModel.Figure]) -> ReportModel.DetailSection {
        ReportModel.DetailSection(anchor: anchor, label: label, summary: summary, figures: figures, findings: findings,
                                  open: open, layers: layers, seedNote: seedNote, seeds: seeds, calibration: calibration)
    }
}
