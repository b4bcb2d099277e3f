import Diagnostics

extension ExperimentResult {
    /// Runs every diagnostics rule over every run with the config's thresholds.
    public func diagnose() -> [Finding] {
        Diagnostician(thresholds: config.thresholds).findings(in: runs.map { run in
            RunEvidence(runID: run.id, initializer: run.initializer, expectsFailure: config.expectsFailure(run.initializer),
                        history: run.history, probes: run.probes, classes: dataset.classes,
                        activation: (run.network ?? config.baseNetwork).hiddenActivation, forecast: run.forecast)
        })
    }

    /// The stored findings, or freshly computed ones for a file written without them.
    public var allFindings: [Finding] { findings ?? diagnose() }
}
