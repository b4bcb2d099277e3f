import Synchronization
import Tensor
import Initializers
import Network
import Datasets
import Probes

/// The probes' step-0 measurements that need only the test split, made while the training
/// split is still being read — `IDXReader.loadFolder` inflates it on one core and leaves the
/// other idle for most of the load (a quarter of a second for Fashion-MNIST here).
///
/// For each run of the first seed whose initializer does not look at the data, in plan
/// order, until the training split is read:
/// - the network as initialized, passed over the probe batch: the magnitudes
///   `ExperimentRunner.planProbes` plans the histogram ranges from;
/// - the singular-value statistics of its weights: the run's `spectralAtStart`, which its
///   probe then does not measure again.
///
/// What is not done by then is done as without it: the magnitudes by `planProbes` before
/// the first run, the spectra by each run. Every number is the one that path computes: the
/// same weights from the same streams, the same probe batch, the same single BLAS thread.
/// `DataSettings.load` calls it only when the test split it reads is the one the runs see.
public final class EarlyProbePlanning: Sendable {
    private let config: ExperimentConfig
    /// The first seed's runs whose initial weights the data does not change, in plan order.
    private let runs: [(planned: PlannedRun, scheme: any Initializer)]
    private struct Measured {
        var magnitudes: [String: [[ProbedQuantity: Double]]] = [:]
        var spectra: [String: [SpectralStats]] = [:]
    }
    private let measured = Mutex(Measured())

    /// Nil when the config probes nothing, or its plan or an initializer does not parse (the
    /// runner reports that).
    public init?(config: ExperimentConfig) {
        guard config.probeEvery > 0, let plan = try? ExperimentPlan(config),
              let schemes = try? ExperimentRunner.schemes(of: config) else { return nil }
        self.config = config
        runs = plan.runs.compactMap { planned in
            guard planned.seed == config.seed, let scheme = schemes[planned.initializer],
                  !(scheme is any DataDependentInitializer) else { return nil }
            return (planned, scheme)
        }
    }

    /// What `DataSettings.load` runs on the test split while the training split loads.
    public var work: TestSplitWork {
        { [self] test, trainingSplitRead in measure(test: test, until: trainingSplitRead) }
    }

    /// Measures run after run on `test` until `stop` turns true (asked between the parts of
    /// a run, the longest being one SVD: about 10 ms for a 784×256 weight).
    func measure(test: Dataset, until stop: () -> Bool) {
        guard !runs.isEmpty, !stop() else { return }
        let batch = ExperimentRunner.probeBatch(config: config, test: test)
        for (planned, scheme) in runs {
            if stop() { return }
            let network = ExperimentRunner.drawnNetwork(scheme, network: planned.network, seed: planned.seed,
                                                        inputs: test.featureCount, classes: test.classCount)
            let magnitudes = batch.magnitudes(of: network)
            measured.withLock { $0.magnitudes[planned.id] = magnitudes }
            var spectra: [SpectralStats] = []
            for layer in network.layers {
                if stop() { return }
                spectra.append(SpectralStats(weight: layer.weight))
            }
            measured.withLock { $0.spectra[planned.id] = spectra }
        }
    }

    /// The step-0 magnitudes of run `id` (a run of the first seed), if measured.
    func magnitudes(of id: String) -> [[ProbedQuantity: Double]]? {
        measured.withLock { $0.magnitudes[id] }
    }

    /// Run `id`'s `spectralAtStart`, one per layer, if measured.
    func startSpectra(of id: String) -> [SpectralStats]? {
        measured.withLock { $0.spectra[id] }
    }

    /// How many runs' magnitudes and spectra were measured: for tests and timing notes.
    public var measuredCounts: (magnitudes: Int, spectra: Int) {
        measured.withLock { ($0.magnitudes.count, $0.spectra.count) }
    }
}
