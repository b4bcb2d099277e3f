/// Everything the report template shows, already formatted as text: templates stay
/// logic-less (sections and partials only). Built by `ReportModel.init(result:figures:…)`.
public struct ReportModel: Sendable {
    public struct Fact: Sendable { public let name: String; public let value: String }

    public struct LeaderboardRow: Sendable {
        /// "✖ 2 ▲ 1", or "" for a run without findings.
        public let findings: String
        public let rank: Int
        public let name: String
        public let label: String
        public let formula: String
        public let accuracy: String
        /// 0–100, for the in-cell bar.
        public let barPercent: String
        public let loss: String
        public let seconds: String
        public let status: String
        /// "failed" when the run diverged or stayed near chance, else "".
        public let rowClass: String
        /// The run's colour in the charts, e.g. "#0072B2".
        public let color: String
    }

    public struct Figure: Sendable {
        public let id: String
        public let title: String
        public let caption: String
        public let alt: String
        public let dataURI: String
        public let width: Int
        public let height: Int
    }

    /// One initializer in the probe overview: sparklines in a fixed column order.
    public struct OverviewRow: Sendable {
        public let anchor: String
        public let label: String
        public let cells: [Figure]
        /// "256/256, 128/128" — units with identical incoming weights per hidden layer, at the end.
        public let identicalUnits: String
        public let rowClass: String
    }

    /// One seed of a series in its detail section: the run's own numbers.
    public struct SeedRow: Sendable {
        public let seed: String
        public let accuracy: String
        public let loss: String
        public let status: String
        public let findings: String
        /// LSUV: "3, 2, 1" iterations per layer, or "—".
        public let calibration: String
    }

    /// One initializer's (and variant's) layer-by-layer charts, collapsed under its name.
    /// The charts show one representative seed; `seeds` lists every seed's numbers.
    public struct DetailSection: Sendable {
        public let anchor: String
        public let label: String
        public let summary: String
        /// "Charts and tables below: seed 0 (1 of 3 seeds; …)", or "" with one seed.
        public let seedNote: String
        public let seeds: [SeedRow]
        public let hasSeeds: Bool
        /// "LSUV iterations per layer to reach unit variance: 3, 2, 1" (the shown run), or "".
        public let calibration: String
        public let hasCalibration: Bool
        public let figures: [Figure]
        /// This run's findings, shown above its charts; the section opens when any is
        /// unexpected.
        public let findings: [FindingRow]
        public let open: Bool
        /// Per layer: forecast vs measured at step 0, spectrum at start and end.
        public let layers: [LayerRow]
        /// Stored, not computed: Mustache reads values through reflection.
        public let hasFindings: Bool

        public init(anchor: String, label: String, summary: String, figures: [ReportModel.Figure],
                    findings: [ReportModel.FindingRow], open: Bool, layers: [LayerRow],
                    seedNote: String = "", seeds: [SeedRow] = [], calibration: String = "") {
            self.anchor = anchor; self.label = label; self.summary = summary; self.figures = figures; self.layers = layers
            self.findings = findings; self.open = open; self.hasFindings = !findings.isEmpty
            self.seedNote = seedNote; self.seeds = seeds; self.hasSeeds = seeds.count > 1; self.calibration = calibration
            self.hasCalibration = !calibration.isEmpty
        }
    }

    public struct EpochCell: Sendable { public let accuracy: String; public let loss: String }
    public struct EpochRow: Sendable { public let label: String; public let cells: [EpochCell] }

    public let generator: String
    public let title: String
    public let subtitle: String
    public let createdAt: String
    public let css: String
    public let facts: [Fact]
    public let notes: [String]
    public let chance: String
    /// "test", or "validation" when part of the training split was held out for evaluation.
    public let evaluation: String
    public let evaluationTitle: String
    /// Some series has several seeds: numbers are mean ± spread and `spreadNote` says which.
    public let hasRepeats: Bool
    public let spreadNote: String
    public let rows: [LeaderboardRow]
    public let figures: [Figure]
    /// Probe sections; empty when the run was made with --probe-every 0.
    public let hasProbes: Bool
    public let probeEvery: Int
    public let probeFigures: [Figure]
    public let overview: [OverviewRow]
    /// Diagnostics: most severe first; the headline counts them.
    public let findings: [FindingRow]
    public let findingsHeadline: String
    /// Stored, not computed: Mustache reads values through reflection.
    public let hasFindings: Bool
    /// The static forecast per initializer (empty for files without forecasts).
    public let forecastRows: [ForecastRow]
    public let hasForecasts: Bool
    /// The end-to-end Jacobian ∂logits/∂x at init per series (empty when no run has one).
    public let jacobianRows: [JacobianRow]
    public let hasJacobian: Bool
    public let jacobianFigures: [Figure]
    /// The "Before training" section has something to show: forecasts, Jacobians or both.
    public let hasBeforeTraining: Bool
    /// "Across variants", only when at least two networks were trained.
    public let comparesVariants: Bool
    public let variantHeaders: [String]
    public let variantRows: [VariantRow]
    /// The definition and value of ℓ*, the learning-speed target.
    public let learningSpeedText: String
    public let variantFigures: [Figure]
    /// Column header of the overview's unit-health sparklines (dead / saturated / near zero).
    public let unitHealthHeader: String
    public let details: [DetailSection]
    public let epochHeaders: [String]
    public let epochRows: [EpochRow]
    public let command: String
    public let metricsDataURI: String
    public let metricsSize: String
    /// The download leaves out the probes of seeds not drawn in detail (see `EmbeddedMetrics`).
    public let metricsTrimmed: Bool
    public let schemaVersion: Int
    /// An interrupted suite: which planned runs are missing, shown first on the page.
    public let isPartial: Bool
    public let partialHeadline: String
    public let missingRuns: [MissingRunRow]
}
