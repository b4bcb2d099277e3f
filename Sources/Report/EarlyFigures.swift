import Synchronization
import Experiments

/// A run's own figures, drawn while other runs still train.
///
/// When a worker has no run left to claim, its core would idle until the last run ends;
/// `initscope run` gives it the finished runs' overview sparklines and detail charts to draw
/// instead (`RunFigures`: 10 of the 125 figures per run in the udacity report), and the page
/// takes them from here rather than drawing them after training. The charts that compare
/// runs need every run and are always drawn at the end.
///
/// The page takes an early figure only where the `FigureReuseKey` it plans equals the one
/// the figure was drawn under — the same run, label and framed layers — so the report is
/// the same, picture for picture, whether any figure was drawn early or none was.
public final class EarlyFigures: Sendable {
    private struct State {
        /// Keys being drawn or drawn, so two idle workers never draw the same figure.
        var claimed: Set<FigureReuseKey> = []
        var drawn: [FigureReuseKey: ReportModel.Figure] = [:]
        /// Figures drawn, counted at each drawing.
        var drawings = 0
        var reused = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Draws the figures the page would show for `partial`'s runs, one at a time, skipping
    /// those another worker has taken, until `stop` says so (asked before each figure, so
    /// this returns at most one figure's drawing after the last run ends). A figure that
    /// fails to draw is left for the page, which draws it again and reports the error.
    public func draw(for partial: ExperimentResult, until stop: () -> Bool) {
        guard !stop() else { return }
        let probes = ProbeFigures(result: partial, scale: 1)
        let requests = probes.overviewRows().flatMap(\.requests) + probes.details().flatMap(\.requests)
        for request in requests {
            guard !stop() else { return }
            guard let key = request.reuseKey, claim(key) else { continue }
            guard let figure = try? request.draw() else { continue }
            state.withLock { s in
                s.drawn[key] = figure
                s.drawings += 1
            }
        }
    }

    /// How many figures were drawn early, and how many of them the page took.
    public var drawnCount: Int { state.withLock { $0.drawings } }
    public var reusedCount: Int { state.withLock { $0.reused } }

    /// The figure drawn under `key`, if one was.
    func figure(for key: FigureReuseKey) -> ReportModel.Figure? {
        state.withLock { s in
            guard let figure = s.drawn[key] else { return nil }
            s.reused += 1
            return figure
        }
    }

    private func claim(_ key: FigureReuseKey) -> Bool {
        state.withLock { $0.claimed.insert(key).inserted }
    }
}
