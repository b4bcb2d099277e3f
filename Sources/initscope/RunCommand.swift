import ArgumentParser
import Foundation
import Datasets
import Experiments
import Initializers
import Network
import Report
import Diagnostics

/// `initscope run`: train every initializer of a preset and write metrics.json.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the network under each initializer and write metrics.json.",
        discussion: """
            Presets:
            \(Presets.all.map { "  \($0.name.padding(toLength: 20, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

            Initializers (for --inits, comma-separated):
            \(InitializerSpec.catalogue.map { "  \($0.pattern.padding(toLength: 20, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

            Hidden activations (for --activation):
            \(Activation.catalogue.map { "  \($0.pattern.padding(toLength: 20, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

            Data: Fashion-MNIST from /usr/share/datasets/fashion-mnist (apt-get install
            dataset-fashion-mnist) unless --data names another MNIST-family folder
            (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-… likewise).
            Without either, the 2,000/500 subset in Fixtures/ is used and a note says so.

            Runs go in parallel (--jobs), each with OpenBLAS pinned to one thread, so the
            numbers do not depend on --jobs. Every initializer sees the same data order.

            Diagnostics: after training, rules read every layer's statistics and print
            findings (also in report.html and summary.md). --fail-on error|warning makes
            findings in runs not marked --expect-failure exit with status 1, for CI.
            Thresholds (--threshold rule.key=value):
            \(DiagnosticsOptions.thresholdHelp)

            Examples:
              initscope run
              initscope run --inits zeros,he_normal --epochs 1
              initscope run --activation tanh --inits xavier_uniform,he_normal
              initscope run --hidden-sizes 512,256,128 --inits he_normal
              initscope run --data ~/mnist --output /tmp/mnist-report
              initscope run --fail-on warning --threshold dead-units.share=0.3

            \(ExitStatus.helpText)
            """)

    @OptionGroup var experiment: ExperimentOptions

    @Option(help: ArgumentHelp("Folder for metrics.json, report.html and summary.md (created if missing).", valueName: "dir"))
    var output: String = "Output"

    @Option(help: "Epochs per run (default: the preset's).")
    var epochs: Int?

    @Option(help: "Mini-batch size (default: the preset's).")
    var batchSize: Int?

    @Option(help: "Runs trained at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Record per-layer statistics every N optimizer steps (plus step 0 and the last); 0 turns probes off (default: the preset's, 50).")
    var probeEvery: Int?

    @OptionGroup var report: ReportOptions

    @OptionGroup var diagnostics: DiagnosticsOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, got \(jobs).") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be 1 or more, got \(epochs).") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be 1 or more, got \(batchSize).") }
        if let probeEvery, probeEvery < 0 { throw ValidationError("--probe-every must be 0 (off) or more, got \(probeEvery).") }
        let config: ExperimentConfig
        do { config = try makeConfig() } catch { throw ValidationError(error.description) }
        let layers = config.hiddenSizes.count + 1
        if report.focusLayer > layers {  // checked before training, not after it
            throw ValidationError(ReportError.focusLayerOutOfRange(layer: report.focusLayer, layers: layers).description)
        }
    }

    /// The preset with this command line's overrides applied.
    func makeConfig() throws(ConfigError) -> ExperimentConfig {
        var config = try experiment.makeConfig()
        if let epochs { config.epochs = epochs }
        if let batchSize { config.batchSize = batchSize }
        if let probeEvery { config.probeEvery = probeEvery }
        try diagnostics.apply(to: &config)
        try config.validate()
        return config
    }

    func run() throws {
        let config: ExperimentConfig
        do { config = try makeConfig() } catch { throw failWithBadInput(error.description) }
        let outputFolder = URL(fileURLWithPath: output, isDirectory: true)
        if let problem = OutputFolder.problem(outputFolder) { throw failWithBadInput(problem) }
        let templates: TemplateSet
        do { templates = try report.loadTemplates() } catch { throw failWithBadInput(error.description) }

        let splits: DatasetSplits
        do { splits = try experiment.loadData(for: config) } catch { throw failWithBadInput(error.description) }
        let jobs = min(self.jobs ?? ProcessInfo.processInfo.activeProcessorCount, config.initializers.count)
        Console.note("\(config.name): \(config.initializers.count) run(s) on \(splits.train.name) "
            + "(\(splits.train.count) train / \(splits.test.count) test), \(config.epochs) epoch(s), \(jobs) at a time")

        let progress = ProgressLine()
        var result: ExperimentResult
        do { result = try ExperimentRunner(config: config, data: splits, jobs: jobs).run { progress.show($0) } } catch {
            throw failWithBadInput(error.description)
        }
        progress.finish()
        result.gitCommit = GitCommit.current()
        result.command = reproducingCommand(config, dataFolder: splits.train.source)

        print(ResultsTable.render(result))
        let findings = result.allFindings
        if !findings.isEmpty { print(FindingsList.render(findings)) }
        // Render first, then write both files atomically: a failure leaves no half report.
        do {
            let html = try HTMLReport.render(result, templates: templates, figures: report.figures)
            let metricsFile = try ResultsStore.write(result, toFolder: outputFolder)
            let reportFile = try HTMLReport.write(html, toFolder: outputFolder)
            let summaryFile = try SummaryMarkdown.write(SummaryMarkdown.render(result), toFolder: outputFolder)
            print("Wrote \(metricsFile.path)")
            print("Wrote \(reportFile.path) (\(Console.size(of: reportFile)))")
            print("Wrote \(summaryFile.path)")
        } catch let error as ReportError {
            throw failWithBadInput(error.description)
        } catch let error as ResultsError {
            throw failWithBadInput(error.description)
        }
        let failing = diagnostics.failOn.failing(findings)
        if !failing.isEmpty {
            Console.note(FailOn.verdict(failing, level: diagnostics.failOn))
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }

    /// The command line that reruns exactly this experiment.
    func reproducingCommand(_ config: ExperimentConfig, dataFolder: String) -> String {
        var parts = ["initscope", "run", "--preset", config.name]
        if let data = experiment.data { parts += ["--data", data] }
        parts += ["--seed", "\(config.seed)", "--epochs", "\(config.epochs)", "--batch-size", "\(config.batchSize)",
                  "--probe-every", "\(config.probeEvery)", "--activation", config.hiddenActivation.name,
                  "--inits", config.initializers.joined(separator: ","),
                  "--expect-failure", config.expectedFailures.isEmpty ? "none" : config.expectedFailures.joined(separator: ",")]
        parts += config.thresholds.overrides.sorted { $0.key < $1.key }.flatMap { ["--threshold", "\($0.key)=\($0.value)"] }
        parts += ["--hidden-sizes", HiddenSizes.format(config.hiddenSizes)]
        return parts.map(shellQuoted).joined(separator: " ")
    }
}
