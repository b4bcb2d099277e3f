import ArgumentParser
import Foundation
import Datasets
import Experiments
import Initializers
import Network
import Report
import Diagnostics
import Training

/// `initscope run [CONFIG.yaml]`: train every initializer of a config (or preset) and write
/// metrics.json, report.html, summary.md and the effective config.yaml.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the network under each initializer and write metrics.json and report.html.",
        discussion: """
            What to run comes from a YAML config file (`initscope run my.yaml`; start one with \
            `initscope presets udacity > my.yaml`, every key is listed by `initscope list`) or \
            from a built-in preset (--preset, default udacity). Flags override the config's values.

            Presets:
            \(HelpColumns.render(Presets.all.map { ($0.name, $0.summary) }))

            Initializers (for --inits, comma-separated):
            \(HelpColumns.render(InitializerSpec.catalogue.map { ($0.pattern, $0.summary) }))

            Hidden activations (for --activation):
            \(HelpColumns.render(Activation.catalogue.map { ($0.pattern, $0.summary) }))

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
              initscope run Fixtures/configs/he2015.yaml --epochs 1
              initscope run --preset batchnorm --seeds 0,1,2
              initscope run --inits zeros,he_normal --epochs 1
              initscope run --activation tanh --inits xavier_uniform,he_normal
              initscope run --hidden-sizes 512,256,128 --inits he_normal
              initscope run --data ~/mnist --output /tmp/mnist-report
              initscope run --fail-on warning --threshold dead-units.share=0.3

            \(ExitStatus.helpText)
            """)

    @OptionGroup var experiment: ExperimentOptions

    @Option(help: ArgumentHelp("Folder for metrics.json, report.html, summary.md and config.yaml (created if missing; default Output, with --shard runs).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Train only shard K of N of the plan (balanced by cost, the same split on every machine) and write OUTPUT/shard-K.json for `initscope merge`; `initscope plan CONFIG --shards N` shows the split.", valueName: "K/N"))
    var shard: String?

    @Option(help: "Epochs per run (default: the config's).")
    var epochs: Int?

    @Option(help: "Mini-batch size (default: the config's).")
    var batchSize: Int?

    @Option(help: ArgumentHelp("Optimizer: \(OptimizerSettings.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (default: the config's, adam).", valueName: "name"))
    var optimizer: OptimizerSettings.Kind?

    @Option(help: "Learning rate (default: the config's).")
    var learningRate: Double?

    @Option(help: "Runs trained at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Record per-layer statistics every N optimizer steps (plus step 0 and the last); 0 turns probes off (default: the config's, 50).")
    var probeEvery: Int?

    @Flag(help: "Write metrics.json, summary.md and config.yaml but no report.html (no charts are drawn; a report.html already in the folder is left as it was).")
    var noReport = false

    @OptionGroup var report: ReportOptions

    @OptionGroup var diagnostics: DiagnosticsOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, got \(jobs).") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be 1 or more, got \(epochs).") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be 1 or more, got \(batchSize).") }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw ValidationError("--learning-rate must be a positive number such as 0.001, got \(learningRate).")
        }
        if let probeEvery, probeEvery < 0 { throw ValidationError("--probe-every must be 0 (off) or more, got \(probeEvery).") }
        if let shard { do { _ = try Shard.parse(shard) } catch { throw ValidationError(error.description) } }
        // The config (file, preset and overrides) is checked at the start of run(), where its
        // errors print as one line naming the file, line and key rather than as a usage error.
    }

    /// The preset with this command line's overrides applied.
    func makeConfig() throws(ConfigError) -> ExperimentConfig {
        var config = try experiment.makeConfig()
        if let epochs { config.epochs = epochs }
        if let batchSize { config.batchSize = batchSize }
        if let probeEvery { config.probeEvery = probeEvery }
        if let optimizer { config.optimizer.kind = optimizer }
        if let learningRate { config.optimizer.learningRate = learningRate }
        try diagnostics.apply(to: &config)
        try config.validate()
        return config
    }

    func run() throws {
        let config: ExperimentConfig
        do { config = try makeConfig() } catch { throw failWithBadInput(error.description) }
        // The deepest network of the config bounds --focus-layer; checked before training.
        let layers = ([config.hiddenSizes] + config.variants.compactMap(\.hiddenSizes)).map { $0.count + 1 }.max() ?? 1
        if report.focusLayer > layers {
            throw failWithBadInput(ReportError.focusLayerOutOfRange(layer: report.focusLayer, layers: layers).description)
        }
        var shard: Shard?
        if let text = self.shard {
            do { shard = try Shard.parse(text) } catch { throw failWithBadInput(error.description) }
        }
        let outputFolder = URL(fileURLWithPath: output ?? (shard == nil ? "Output" : "runs"), isDirectory: true)
        if let problem = OutputFolder.problem(outputFolder) { throw failWithBadInput(problem) }
        let templates: TemplateSet
        do { templates = try report.loadTemplates() } catch { throw failWithBadInput(error.description) }

        let gitCommit = GitCommit.lookUpInBackground()
        // The probes' step-0 measurements begin on the test split while the training split
        // is still inflating on the other core.
        let earlyProbes = EarlyProbePlanning(config: config)
        let splits: DatasetSplits
        do { splits = try experiment.loadData(for: config, whileTrainingSplitLoads: earlyProbes?.work) } catch {
            throw failWithBadInput(error.description)
        }
        if config.batchSize > splits.train.count {
            // The trainer clamps the batch to the whole split; say so rather than silently.
            Console.note("warning: training.batch_size \(config.batchSize) is larger than the \(splits.train.count) training "
                + "examples; each epoch is one batch of \(splits.train.count). Lower --batch-size (or training.batch_size) to silence this.")
        }
        let plan: ExperimentPlan
        do { plan = try ExperimentPlan(config) } catch { throw failWithBadInput(error.description) }
        let runCount = shard.map { plan.runs(in: $0, inputs: splits.train.featureCount, classes: splits.train.classCount).count }
            ?? plan.runs.count
        let jobs = max(1, min(self.jobs ?? ProcessInfo.processInfo.activeProcessorCount, runCount))
        // Watching before the first note: a signal after it must find the handler in place.
        let progress = ProgressLine()
        let interruption = InterruptionFlag()
        let signals = InterruptSignals(interruption) { name in
            progress.finish()
            Console.note("Interrupted (\(name)): abandoning the runs in progress at their next batch; the finished runs will be "
                + "written as a partial result. \(name == "SIGINT" ? "Press Ctrl-C" : "Send \(name)") again to quit at once without writing.")
        }
        Console.note("\(config.name): \(runCount) run(s)\(shard.map { " (shard \($0.index)/\($0.count) of \(plan.runs.count))" } ?? "") on \(splits.train.name) "
            + "(\(splits.train.count) train / \(splits.test.count) test), \(config.epochs) epoch(s), \(jobs) at a time")

        // The dataset fingerprint is still being hashed when the runs are done: only
        // metrics.json needs it, so the report's charts are drawn meanwhile. A worker out of
        // runs draws the finished runs' own figures while the others train.
        let early = noReport || shard != nil ? nil : EarlyFigures()
        let drawEarly: (@Sendable (ExperimentResult, () -> Bool) -> Void)? = early.map { early in
            { @Sendable finished, othersDone in early.draw(for: finished, until: othersDone) }
        }
        let pending: PendingFingerprint
        do {
            pending = try ExperimentRunner(config: config, data: splits, jobs: jobs)
                .runWithFingerprintPending(shard: shard, interruption: interruption, early: earlyProbes,
                                           whileOthersFinish: drawEarly) {
                    progress.show($0)
                }
        } catch {
            throw failWithBadInput(error.description)
        }
        var result = pending.result
        progress.finish()
        result.gitCommit = gitCommit.value()
        result.command = "initscope run " + shellQuoted(ExperimentOutput.configFile(in: outputFolder).path)
        if let partial = result.partialSummary { Console.note("Partial result — \(partial).") }
        // Writing goes on to the end once started; a second signal still quits at once.
        defer { withExtendedLifetime(signals) {} }
        if let shard {
            // A shard writes its runs only; `initscope merge` builds the report from all of them.
            print(ResultsTable.render(result))
            let file: URL
            result.dataset.fingerprint = pending.fingerprint()
            do { file = try ResultsStore.write(result, toFolder: outputFolder, fileName: shard.fileName) } catch {
                throw failWithBadInput(error.description)
            }
            print("Wrote \(file.path): \(result.runs.count) run(s) of shard \(shard.index)/\(shard.count); "
                + "`initscope merge \(outputFolder.path)/shard-*.json --output DIR` builds the report once every shard is done.")
            try exitIfInterrupted(interruption, result: result, rerun: "initscope run CONFIG --shard \(shard.index)/\(shard.count)")
            return
        }

        print(ResultsTable.render(result))
        let findings = result.allFindings
        if !findings.isEmpty { print(FindingsList.render(findings)) }
        do { try ExperimentOutput.write(result, fingerprint: pending.fingerprint, to: outputFolder, templates: templates,
                                        figures: report.figures, drawnEarly: early, htmlReport: !noReport) } catch {
            throw failWithBadInput(error.description)
        }
        try exitIfInterrupted(interruption, result: result, rerun: result.command)
        let failing = diagnostics.failOn.failing(findings)
        if !failing.isEmpty {
            Console.note(FailOn.verdict(failing, level: diagnostics.failOn))
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }

    /// After an interruption, says what was written and exits with 128 + the signal number
    /// (130 for Ctrl-C), ahead of any --fail-on status: the result is not the experiment.
    private func exitIfInterrupted(_ interruption: InterruptionFlag, result: ExperimentResult, rerun: String) throws {
        guard interruption.isRequested else { return }
        let name = interruption.reason ?? "SIGINT"
        if result.isPartial {
            let missing = result.missingRuns?.count ?? 0
            Console.note("Interrupted (\(name)): wrote a partial result, \(result.runs.count) of \(result.runs.count + missing) runs; "
                + "\(missing) missing. `\(rerun)` runs the whole experiment again.")
        } else {
            Console.note("Interrupted (\(name)) after every run had finished: the result written is complete.")
        }
        throw ExitCode(ExitStatus.interrupted(by: InterruptSignals.number(named: name)))
    }
}
