import Foundation
import Synchronization
import Tensor
import Initializers
import Network
import Datasets
import Training
import Probes
import Diagnostics

/// Trains every initializer of a config on the same data, independent runs in parallel.
///
/// Each run owns its network, optimizer, buffers and generators; the data is shared
/// read-only. OpenBLAS is pinned to one thread per call, and `jobs` runs go at once, so the
/// suite takes about (sum of run times) / cores and the numbers do not depend on `jobs`.
public struct ExperimentRunner: Sendable {
    public let config: ExperimentConfig
    public let data: DatasetSplits
    public let jobs: Int

    public init(config: ExperimentConfig, data: DatasetSplits, jobs: Int) {
        self.config = config
        self.data = data
        self.jobs = max(1, jobs)
    }

    /// Trains the plan's runs — or, with `shard`, only that shard's — and diagnoses them.
    /// Histogram ranges always come from the whole plan, so every shard bins alike and
    /// `ShardMerge` can rebuild the single-machine result.
    ///
    /// When `interruption` is requested, runs in progress stop at their next batch and are
    /// abandoned, no new run starts, and the result is partial: the finished runs, with
    /// every other planned run listed in `missingRuns`.
    public func run(shard: Shard? = nil, interruption: InterruptionFlag? = nil,
                    progress: @escaping @Sendable (RunnerProgress) -> Void = { _ in }) throws(ConfigError) -> ExperimentResult {
        try runWithFingerprintPending(shard: shard, interruption: interruption, progress: progress).completed()
    }

    /// `run`, returning as soon as the last run ends: the dataset fingerprint, which the
    /// first worker out of runs started hashing in the background, may not be done yet, so
    /// the result comes without it (`PendingFingerprint.completed()` waits for it and fills
    /// it in). `initscope run` draws the report's charts meanwhile: only the metrics JSON
    /// needs the fingerprint.
    ///
    /// `whileOthersFinish` is given to each worker that finds no run left to claim while
    /// other workers still train: the result so far (the finished runs, diagnosed) and a
    /// test that turns true once every run has ended (or an interruption was requested). It
    /// runs on that worker's thread, so the runner returns only after it does: it should
    /// ask the test often. `initscope run` draws the finished runs' figures there.
    ///
    /// `early` holds the probes' step-0 measurements made while the data loaded (see
    /// `EarlyProbePlanning`); what it lacks is measured here, as without it.
    public func runWithFingerprintPending(shard: Shard? = nil, interruption: InterruptionFlag? = nil,
                                          early: EarlyProbePlanning? = nil,
                                          whileOthersFinish: (@Sendable (_ finished: ExperimentResult, _ othersDone: () -> Bool) -> Void)? = nil,
                                          progress: @escaping @Sendable (RunnerProgress) -> Void = { _ in })
        throws(ConfigError) -> PendingFingerprint {
        try config.validate()
        let plan = try ExperimentPlan(config)
        let schemes = try Self.schemes(of: config)
        BLAS.setThreadCount(1)
        let start = ContinuousClock.now
        let probing = config.probeEvery > 0
            ? ExperimentRunner.planProbes(plan, schemes: schemes, config: config, data: data, early: early) : nil
        let runs = shard.map { plan.runs(in: $0, inputs: self.data.train.featureCount, classes: self.data.train.classCount) } ?? plan.runs
        // Longest first (ties in plan order), so a deep run never starts last and leaves the
        // other cores idle; results still come back in plan order.
        let board = ResultBoard(claimOrder: runs.longestFirst(inputs: data.train.featureCount, classes: data.train.classCount))
        let workers = min(jobs, max(1, runs.count))
        let config = self.config, data = self.data, total = runs.count
        let schemesByName = schemes
        let fingerprint = FingerprintOnce(data)
        let dataset = DatasetInfo(name: data.train.name, source: data.train.source,
                                  trainExamples: data.train.count, testExamples: data.test.count,
                                  features: data.train.featureCount, classes: data.train.classCount,
                                  fingerprint: nil)
        let machine = MachineInfo.current(jobs: workers, blasThreadsPerRun: 1)
        /// The result of `results`, with the wall time and date as of now; not diagnosed.
        @Sendable func assemble(_ results: [RunResult]) -> ExperimentResult {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            var result = ExperimentResult(
                schemaVersion: ExperimentResult.currentSchemaVersion,
                tool: .current,
                createdAt: formatter.string(from: Date()),
                config: config,
                dataset: dataset,
                machine: machine,
                runs: results,
                histogramRanges: probing?.ranges,
                wallSeconds: start.secondsElapsed,
                sumOfRunSeconds: results.reduce(0) { $0 + $1.seconds },
                gitCommit: nil,
                command: "")
            result.shard = shard
            return result
        }
        let othersDone: @Sendable () -> Bool = { board.isSettled || interruption?.isRequested == true }
        // With a second worker, a run's final SVDs wait for the core that idles at the end.
        let endSpectra = EndSpectra(), defersEndSpectra = workers > 1 && probing != nil
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Out of runs: hash the data (on a thread of its own, so this returns), then use
            // this core while the other workers finish theirs — the finished runs' final
            // SVDs, then `whileOthersFinish` — once the hash is done, so the last run never
            // shares its core with both.
            defer {
                fingerprint.startIfNobodyHas()
                if whileOthersFinish != nil || !endSpectra.isEmpty, !othersDone() {
                    fingerprint.waitForHashing(orUntil: othersDone)
                    endSpectra.measure(into: board, until: othersDone)
                    if let whileOthersFinish, !othersDone() {
                        var finished = assemble(board.results())
                        finished.findings = finished.diagnose()
                        whileOthersFinish(finished, othersDone)
                    }
                }
            }
            while interruption?.isRequested != true, let index = board.claimNext() {
                let planned = runs[index]
                guard let scheme = schemesByName[planned.initializer] else { preconditionFailure("plan names \(planned.initializer)") }
                let observer = ProgressObserver(label: planned.id, epochs: config.epochs) { update in
                    var update = update
                    update.runsDone = board.doneCount
                    update.runsTotal = total
                    progress(update)
                }
                let outcome = ExperimentRunner.train(planned, scheme: scheme, config: config, data: data,
                                                     probing: probing, startSpectra: early?.startSpectra(of: planned.id),
                                                     defersSpectralAtEnd: defersEndSpectra,
                                                     observers: [observer], interruption: interruption)
                switch outcome {
                case let .finished(result, weightsAtEnd):
                    if let weightsAtEnd {
                        endSpectra.add(result, weightsAtEnd: weightsAtEnd, index: index)
                        board.markDone(index)
                    } else {
                        board.store(result, at: index)
                    }
                    progress(RunnerProgress(runsDone: board.doneCount, runsTotal: total, runLabel: result.id,
                                            epoch: config.epochs, epochs: config.epochs, step: 0, totalSteps: 0))
                case let .interrupted(stepsTrained):
                    board.abandon(index, stepsTrained: stepsTrained)
                }
            }
        }
        // The final SVDs the idle core did not reach, on every core.
        let left = endSpectra.count
        if left > 0 {
            DispatchQueue.concurrentPerform(iterations: min(left, ProcessInfo.processInfo.activeProcessorCount)) { _ in
                endSpectra.measure(into: board)
            }
        }
        let results = board.results()
        let totalSteps = TrainingSettings(epochs: config.epochs, batchSize: config.batchSize)
            .stepsPerEpoch(examples: data.train.count) * config.epochs
        let reason = "interrupted (\(interruption?.reason ?? "stop requested"))"
        let missing = board.missing().map { index, steps in
            MissingRun(id: runs[index].id, reason: reason, stepsTrained: steps, totalSteps: totalSteps)
        }
        var result = assemble(results)
        if !missing.isEmpty {
            result.partial = true
            result.missingRuns = missing
        }
        result.findings = result.diagnose()
        return PendingFingerprint(result: result, fingerprint: fingerprint)
    }

    /// Every initializer of `config`, by canonical name.
    static func schemes(of config: ExperimentConfig) throws(ConfigError) -> [String: any Initializer] {
        var schemes: [String: any Initializer] = [:]
        for spec in config.initializers {
            do { let scheme = try InitializerSpec.parse(spec); schemes[scheme.name] = scheme } catch { throw .initializer(error) }
        }
        return schemes
    }

    /// How one run ended: with a result, or abandoned part-way because an interruption was
    /// requested (its numbers are dropped).
    public enum RunOutcome: Sendable {
        /// `weightsAtEnd`: each layer's final weight when the run left its `spectralAtEnd`
        /// to the caller (`defersSpectralAtEnd`), else nil.
        case finished(RunResult, weightsAtEnd: [Matrix]?)
        case interrupted(stepsTrained: Int)
    }

    /// One run: build the network, draw its weights from the initializer's own stream, and
    /// train it on the data order shared by every initializer of the experiment.
    /// `startSpectra`, one per layer, are the singular-value statistics of this run's
    /// initial weights when they were already measured (`EarlyProbePlanning`);
    /// `defersSpectralAtEnd` leaves those of its final weights to the caller (`EndSpectra`).
    public static func train(_ planned: PlannedRun, scheme: any Initializer, config: ExperimentConfig, data: DatasetSplits,
                             probing: Probing? = nil, startSpectra: [SpectralStats]? = nil, defersSpectralAtEnd: Bool = false,
                             observers: [any TrainingObserver] = [], interruption: InterruptionFlag? = nil) -> RunOutcome {
        let start = ContinuousClock.now
        let (network, calibration) = initialNetwork(scheme, network: planned.network, seed: planned.seed, data: data,
                                                    calibrationBatch: config.batchSize)
        let sizes = network.sizes
        let batch = probing?.batch ?? probeBatch(config: config, data: data)
        // BatchNorm renormalises every hidden layer on each batch: the weight-variance
        // derivation and the single-example Jacobian do not describe such a network.
        let forecast = network.usesBatchNorm ? nil : VarianceForecast(initialized: network, batch: batch)
        let jacobian = network.usesBatchNorm ? nil : JacobianSpectrum(initialized: network, batch: batch)
        let probe = probing.map {
            ProbeObserver(probeBatch: $0.batch, every: config.probeEvery, ranges: $0.ranges, spectralAtStart: startSpectra,
                          defersSpectralAtEnd: defersSpectralAtEnd)
        }
        // Same shuffles for every initializer and variant of a seed: differences come from the weights alone.
        var dataOrder = SeededGenerator(seed: planned.seed, stream: "data-order", index: 0)
        let trainer = Trainer(network: network, optimizer: config.optimizer.makeOptimizer(for: network.layers),
                              settings: TrainingSettings(epochs: config.epochs, batchSize: config.batchSize),
                              observers: observers + (probe.map { [$0] } ?? []), interruption: interruption)
        let history = trainer.fit(train: data.train, test: data.test, dataOrder: &dataOrder)
        if trainer.wasInterrupted { return .interrupted(stepsTrained: trainer.stepsTaken) }
        return .finished(RunResult(id: planned.id, initializer: scheme.name, variant: planned.variant, network: planned.network,
                         calibrationIterations: calibration, label: scheme.label, formula: scheme.formula, seed: planned.seed, layerSizes: sizes, history: history,
                         probes: probe?.record, seconds: start.secondsElapsed, forecast: forecast, jacobian: jacobian),
                         weightsAtEnd: probe?.weightsAtEnd)
    }

    /// The network of one run as initialized: weights from the initializer's own stream for
    /// this seed (the same draws for every variant with the same shapes), biases from the
    /// bias spec, and — for a data-dependent scheme (LSUV) — calibrated on the first
    /// `batchSize` training examples. Returns the calibration's iterations per layer.
    public static func initialNetwork(_ scheme: any Initializer, network settings: NetworkSettings, seed: UInt64,
                                      data: DatasetSplits, calibrationBatch: Int = 128) -> (MLP, calibration: [Int]?) {
        let network = drawnNetwork(scheme, network: settings, seed: seed,
                                   inputs: data.train.featureCount, classes: data.train.classCount)
        guard let dataDependent = scheme as? any DataDependentInitializer else { return (network, nil) }
        let count = min(calibrationBatch, data.train.count)
        var inputs = Matrix(rows: count, cols: data.train.featureCount)
        var labels: [Int32] = []
        data.train.gather(Array(0..<count)[...], into: &inputs, labels: &labels)
        let results = LSUVCalibration(tolerance: dataDependent.tolerance, maxIterations: dataDependent.maxIterations)
            .calibrate(network, on: inputs)
        return (network, results.map(\.iterations))
    }

    /// `initialNetwork` before any calibration: the weights drawn from the initializer's own
    /// stream for this seed and the biases from the bias spec, for `inputs` features and
    /// `classes` classes. For an initializer that does not look at the data, the network as
    /// initialized.
    static func drawnNetwork(_ scheme: any Initializer, network settings: NetworkSettings, seed: UInt64,
                             inputs: Int, classes: Int) -> MLP {
        let sizes = settings.layerSizes(inputs: inputs, classes: classes)
        let network = MLP(sizes: sizes, hiddenActivation: settings.hiddenActivation, batchNorm: settings.batchNorm,
                          dropout: settings.dropout, dropoutGenerator: SeededGenerator(seed: seed, stream: "dropout", index: 0))
        var weightStream = SeededGenerator(seed: seed, stream: "weights:" + scheme.name, index: 0)
        let bias = (try? BiasInitializer.parse(settings.biasInit)) ?? .zeros  // validated with the config
        for l in network.layers.indices {
            scheme.fill(&network.layers[l].weight, rng: &weightStream)
            bias.fill(&network.layers[l].bias)
        }
        return network
    }

    /// The first `probeBatchSize` examples of the test split: what probes measure on and
    /// what the variance forecast takes E[x²] from.
    public static func probeBatch(config: ExperimentConfig, data: DatasetSplits) -> ProbeBatch {
        probeBatch(config: config, test: data.test)
    }

    static func probeBatch(config: ExperimentConfig, test: Dataset) -> ProbeBatch {
        let count = min(config.probeBatchSize, test.count)
        var inputs = Matrix(rows: count, cols: test.featureCount)
        var labels: [Int32] = []
        test.gather(Array(0..<count)[...], into: &inputs, labels: &labels)
        return ProbeBatch(inputs: inputs, labels: labels)
    }

    /// What every run's probes share: the probe batch and the histogram ranges.
    public struct Probing: Sendable {
        public let batch: ProbeBatch
        public let ranges: HistogramRanges
    }

    /// The fixed probe batch (the first examples of the test split) and histogram ranges
    /// planned from a step-0 pass of every (initializer, variant) at the first seed; those
    /// `early` already measured are taken from it.
    static func planProbes(_ plan: ExperimentPlan, schemes: [String: any Initializer], config: ExperimentConfig,
                           data: DatasetSplits, early: EarlyProbePlanning? = nil) -> Probing {
        let batch = probeBatch(config: config, data: data)
        let firstSeed = plan.runs.filter { $0.seed == config.seed }
        // One step-0 pass per run planned, on all cores (each builds and owns its network).
        let slots = Mutex<[[[ProbedQuantity: Double]]]>(Array(repeating: [], count: firstSeed.count))
        DispatchQueue.concurrentPerform(iterations: firstSeed.count) { index in
            let planned = firstSeed[index]
            if let measured = early?.magnitudes(of: planned.id) {
                slots.withLock { $0[index] = measured }
                return
            }
            guard let scheme = schemes[planned.initializer] else { return }
            let (network, _) = initialNetwork(scheme, network: planned.network, seed: planned.seed, data: data,
                                              calibrationBatch: config.batchSize)
            let measured = batch.magnitudes(of: network)
            slots.withLock { $0[index] = measured }
        }
        let magnitudes = slots.withLock { $0 }
        // Layer l's activations are non-negative only if they are in every network that has it.
        let depth = firstSeed.map { $0.network.hiddenSizes.count + 1 }.max() ?? 1
        let hidden = (0..<depth).map { l in
            firstSeed.allSatisfy { run in
                l >= run.network.hiddenSizes.count + 1 ? true
                    : l < run.network.hiddenSizes.count && run.network.hiddenActivation.isNonNegative
            }
        }
        return Probing(batch: batch, ranges: HistogramRanges.plan(magnitudes: magnitudes, nonNegative: hidden))
    }
}

/// A finished experiment whose dataset fingerprint may still be hashing in the background:
/// `result` has no fingerprint yet; `fingerprint()` waits for it.
public struct PendingFingerprint: Sendable {
    public var result: ExperimentResult
    fileprivate let hashing: FingerprintOnce

    init(result: ExperimentResult, fingerprint: FingerprintOnce) {
        self.result = result
        hashing = fingerprint
    }

    /// The dataset fingerprint, once hashed (waits for the background hashing).
    public var fingerprint: @Sendable () -> String {
        let hashing = hashing
        return { hashing.value }
    }

    /// `result` with its fingerprint (waits for it).
    public func completed() -> ExperimentResult {
        var complete = result
        complete.dataset.fingerprint = hashing.value
        return complete
    }
}
