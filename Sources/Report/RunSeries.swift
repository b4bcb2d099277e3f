import Experiments

/// The runs of one initializer on one network variant, one per seed: what the report shows
/// as one row, one curve (mean with a band over seeds) and one detail section.
struct RunSeries: Sendable {
    let initializer: String
    /// nil: the config's base network.
    let variant: String?
    /// "He normal", or "He normal · bn" when the experiment compares variants.
    let label: String
    /// In the config's seed order (seeds the config does not list go last, ascending).
    let runs: [RunResult]

    /// The run shown in detail (histograms, heat maps, layer tables): the first seed.
    var representative: RunResult { runs[0] }
    var seeds: [UInt64] { runs.map(\.seed) }
    var anchor: String { RunAnchor.of(initializer, variant: variant) }

    /// Groups `result.runs` by (initializer, variant), in the order each first appears.
    static func of(_ result: ExperimentResult) -> [RunSeries] {
        let showsVariant = hasVariants(result)
        let seedOrder = Dictionary(result.config.seeds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var keys: [String] = []
        var groups: [String: [RunResult]] = [:]
        for run in result.runs {
            let key = run.initializer + "\u{0}" + (run.variant ?? "")
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(run)
        }
        return keys.compactMap { key in
            guard let runs = groups[key], let first = runs.first else { return nil }
            let ordered = runs.enumerated().sorted { a, b in
                let ra = seedOrder[a.element.seed] ?? Int.max, rb = seedOrder[b.element.seed] ?? Int.max
                if ra != rb { return ra < rb }
                if a.element.seed != b.element.seed { return a.element.seed < b.element.seed }
                return a.offset < b.offset
            }.map(\.element)
            return RunSeries(initializer: first.initializer, variant: first.variant,
                             label: showsVariant ? "\(first.label) · \(variantName(first.variant))" : first.label,
                             runs: ordered)
        }
    }

    /// Whether any run trained a network variant (then every label names its variant).
    static func hasVariants(_ result: ExperimentResult) -> Bool {
        result.runs.contains { $0.variant != nil }
    }

    /// Whether any series has more than one run (then numbers are mean ± spread).
    static func hasRepeats(_ series: [RunSeries]) -> Bool { series.contains { $0.runs.count > 1 } }

    /// "base" for runs of the config's own network.
    static func variantName(_ variant: String?) -> String { variant ?? "base" }

    /// The label of one run: the series' label, with the seed when the series has several.
    func label(of run: RunResult) -> String {
        runs.count > 1 ? "\(label) · seed \(run.seed)" : label
    }
}

/// Mean and spread of one number over a series' seeds. The spread is the sample standard
/// deviation (n − 1 in the denominator); with one value there is no spread. Non-finite values
/// (a diverged seed's NaN loss) are left out and counted.
struct SeedStatistics: Sendable, Equatable {
    let mean: Double
    /// Sample standard deviation; nil with fewer than two finite values.
    let standardDeviation: Double?
    let min: Double
    let max: Double
    /// Finite values used, and values given.
    let count: Int
    let total: Int

    init?(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        let mean = finite.reduce(0, +) / Double(finite.count)
        self.mean = mean
        self.min = low
        self.max = high
        self.count = finite.count
        self.total = values.count
        if finite.count >= 2 {
            let squares = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            self.standardDeviation = (squares / Double(finite.count - 1)).squareRoot()
        } else {
            self.standardDeviation = nil
        }
    }

    /// "85.12%" for one value; "85.12 ± 0.34%" over seeds (the ± in percentage points);
    /// " (2 of 3 seeds)" when some were not finite.
    func percent() -> String {
        let text = standardDeviation.map { String(format: "%.2f ± %.2f%%", mean * 100, $0 * 100) } ?? Format.percent(mean)
        return text + partial
    }

    /// "0.4300" for one value, "0.4300 ± 0.0123" over seeds.
    func loss() -> String {
        let text = standardDeviation.map { "\(Format.loss(mean)) ± \(Format.loss($0))" } ?? Format.loss(mean)
        return text + partial
    }

    private var partial: String { count < total ? " (\(count) of \(total) seeds)" : "" }
}

/// Mean, min and max at every index of several curves (e.g. the batch losses of each seed):
/// the line and band of a series in a chart. At each index only finite values count; where
/// none is, all three are NaN (a gap). Curves may differ in length (a run that diverged stopped).
struct SeedEnvelope: Sendable, Equatable {
    let mean: [Double]
    let min: [Double]
    let max: [Double]

    init(_ curves: [[Double]]) {
        let length = curves.map(\.count).max() ?? 0
        var mean: [Double] = [], low: [Double] = [], high: [Double] = []
        mean.reserveCapacity(length); low.reserveCapacity(length); high.reserveCapacity(length)
        for k in 0..<length {
            var sum = 0.0, n = 0, lo = Double.infinity, hi = -Double.infinity
            for curve in curves where k < curve.count && curve[k].isFinite {
                sum += curve[k]; n += 1
                lo = Swift.min(lo, curve[k]); hi = Swift.max(hi, curve[k])
            }
            mean.append(n > 0 ? sum / Double(n) : .nan)
            low.append(n > 0 ? lo : .nan)
            high.append(n > 0 ? hi : .nan)
        }
        self.mean = mean; self.min = low; self.max = high
    }
}
