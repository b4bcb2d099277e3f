import Tensor
import Network
import Training

/// Records per-layer statistics and histograms of one run at the steps of a
/// `ProbeSchedule`, measured on a fixed probe batch.
///
/// It observes, it never steers: the probe batch's forward/backward runs only at run start
/// and after an optimizer step (where the gradient buffers it overwrites are spent), and the
/// weights are only read. A test checks the training history is identical with and without.
public final class ProbeObserver: TrainingObserver {
    public let probeBatch: ProbeBatch
    public let every: Int
    public let ranges: HistogramRanges
    private var schedule = ProbeSchedule(every: 1, totalSteps: 0)
    private var initialWeights: [Matrix] = []
    /// Weights after the previous step, kept only when the next step is probed.
    private var weightsBeforeUpdate: [Matrix]?
    private var lastProbedStep = -1
    /// The initial weights' singular-value statistics, one per layer, when measured before
    /// the run (they are then not measured again).
    private let knownSpectralAtStart: [SpectralStats]?
    private let defersSpectralAtEnd: Bool
    public private(set) var record: RunProbes
    /// Each layer's final weight, kept at the run's end when `spectralAtEnd` is left to the
    /// caller (`defersSpectralAtEnd`); nil otherwise.
    public private(set) var weightsAtEnd: [Matrix]?

    /// `spectralAtStart`: `SpectralStats(weight:)` of each layer's initial weight, when the
    /// caller already has them; they must be of this run's weights. `defersSpectralAtEnd`:
    /// leave each layer's `spectralAtEnd` nil and keep the final weights in `weightsAtEnd`
    /// instead, for the caller to measure when a core is free.
    public init(probeBatch: ProbeBatch, every: Int, ranges: HistogramRanges, spectralAtStart: [SpectralStats]? = nil,
                defersSpectralAtEnd: Bool = false) {
        self.probeBatch = probeBatch
        self.every = every
        self.ranges = ranges
        knownSpectralAtStart = spectralAtStart
        self.defersSpectralAtEnd = defersSpectralAtEnd
        record = RunProbes(probeEvery: every, probeBatchSize: probeBatch.labels.count, layers: [])
    }

    public func trainer(_ trainer: Trainer, didEmit event: TrainingEvent) {
        let network = trainer.network
        switch event {
        case let .runStart(totalSteps, _):
            schedule = ProbeSchedule(every: every, totalSteps: totalSteps)
            initialWeights = network.layers.map(\.weight)
            let known = knownSpectralAtStart?.count == network.layers.count ? knownSpectralAtStart : nil
            record.layers = network.layers.enumerated().map { l, dense in
                LayerTrace(index: l, fanIn: dense.fanIn, fanOut: dense.fanOut,
                           output: l < network.layers.count - 1 ? network.hiddenActivation.name : "logits",
                           snapshots: [], histograms: [],
                           spectralAtStart: known?[l] ?? SpectralStats(weight: dense.weight), spectralAtEnd: nil)
            }
            if schedule.probes(at: 1) { weightsBeforeUpdate = network.layers.map(\.weight) }
            probe(network, step: 0)
        case let .batchEnd(step, _, _):
            if schedule.probes(at: step) { probe(network, step: step) }
            weightsBeforeUpdate = schedule.probes(at: step + 1) ? network.layers.map(\.weight) : nil
        case .runEnd:
            // A run stopped early (diverged) still gets its final state recorded.
            if trainer.stepsTaken != lastProbedStep { probe(network, step: trainer.stepsTaken, keepHistograms: true) }
            if defersSpectralAtEnd {
                weightsAtEnd = network.layers.map(\.weight)
            } else {
                record.measureSpectralAtEnd(of: network.layers.map(\.weight))
            }
        case .epochEnd:
            break
        }
    }

    private func probe(_ network: MLP, step: Int, keepHistograms: Bool = false) {
        // After a step, the buffers still hold that step's training batch: read them first.
        let trainingBatch = step == 0 ? [] : network.layers.indices.map { LayerProbe.trainingBatch(network: network, layer: $0) }
        probeBatch.pass(through: network)
        let keepHistograms = keepHistograms || schedule.keepsHistograms(at: step)
        for l in network.layers.indices {
            var snapshot = LayerProbe.snapshot(network: network, layer: l, step: step, initialWeight: initialWeights[l],
                                               weightBeforeUpdate: weightsBeforeUpdate?[l])
            snapshot.trainingBatch = trainingBatch.indices.contains(l) ? trainingBatch[l] : nil
            record.layers[l].snapshots.append(snapshot)
            if keepHistograms {
                record.layers[l].histograms.append(LayerProbe.histograms(network: network, layer: l, step: step, ranges: ranges))
            }
        }
        lastProbedStep = step
    }
}
