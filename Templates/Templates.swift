/// The report's templates and stylesheet, compiled into the binary so `initscope` works
/// from any folder. `--templates DIR` can override any of them from disk.
public enum EmbeddedTemplates {
    /// The page: `report.mustache`.
    public static var report: String { text(PackageResources.report_mustache) }

    /// The comparison page of `initscope compare`: `compare.mustache`.
    public static var compare: String { text(PackageResources.compare_mustache) }

    /// `report.css`, inlined into the page.
    public static var stylesheet: String { text(PackageResources.report_css) }

    /// Partials by name (`{{> name}}`), from `partials/NAME.mustache`.
    public static var partials: [String: String] {
        [
            "facts": text(PackageResources.facts_mustache),
            "leaderboard": text(PackageResources.leaderboard_mustache),
            "figure": text(PackageResources.figure_mustache),
            "epochs": text(PackageResources.epochs_mustache),
            "reproduce": text(PackageResources.reproduce_mustache),
            "probes": text(PackageResources.probes_mustache),
            "findings": text(PackageResources.findings_mustache),
            "findings-table": text(PackageResources.findings_table_mustache),
            "forecast": text(PackageResources.forecast_mustache),
            "layer-table": text(PackageResources.layer_table_mustache),
            "jacobian": text(PackageResources.jacobian_mustache),
            "variants": text(PackageResources.variants_mustache),
            "missing-runs": text(PackageResources.missing_runs_mustache),
        ]
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
