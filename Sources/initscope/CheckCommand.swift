import ArgumentParser
import Foundation
import Synchronization
import Datasets
import Diagnostics
import Experiments
import Initializers
import Tensor

/// `initscope check`: the static variance forecast of every initializer, without training.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Forecast, before any training, whether each initializer keeps the signal and the gradient alive.",
        discussion: """
            Draws each initializer's weights exactly as `initscope run` would (same preset,
            overrides and seed) and forecasts, layer by layer, how the variance of the signal
            and of the gradient changes (Glorot & Bengio 2010, He et al. 2015):
              forward   E[z_l²] = n_in · Var[W_l] · E[a_{l−1}²],   E[a_l²] = E[f(z_l)²]
              backward  E[(∂L/∂a_{l−1})²] = n_out · Var[W_l] · E[f′(z_l)²] · E[(∂L/∂a_l)²]
            with E[x²] and E[(∂L/∂logits)²] measured on the probe batch (the first 128 test
            examples). It prints per layer fan-in→fan-out, Var[W], the forward and backward
            gains, the forecast E[z²] and the spectrum of W (spectral norm, stable rank,
            condition number), then the `forecast` findings: a whole-network gain below
            forecast.vanish (1e-2) or above forecast.explode (1e2). Weights that are not
            zero-mean (ones, U[0,1)) are not forecast: the derivation does not cover them.

            It takes the preset and flags for now; YAML configs (`initscope check CONFIG`)
            come later.

            Examples:
              initscope check
              initscope check --inits he_normal,xavier_normal --activation tanh
              initscope check --inits xavier_normal,he_normal --fail-on warning \\
                --hidden-sizes $(printf '256,%.0s' {1..29} | sed 's/,$//')

            Exit status: 0 success · 1 a forecast finding at or above --fail-on · 2 bad input
            (unknown option or preset, bad value, missing or corrupt data).
            """)

    /// Exit status when --fail-on trips.
    static let findingsStatus: Int32 = 1

    @OptionGroup var experiment: ExperimentOptions

    @Option(help: "Exit with status 1 when a run has a forecast finding of this severity or worse: error, warning, never.")
    var failOn: FailOn = .never

    func run() throws {
        let start = ContinuousClock.now
        let config: ExperimentConfig
        do { config = try experiment.makeConfig() } catch { throw failWithBadInput(error.description) }
        let schemes: [any Initializer]
        do { schemes = try config.initializers.map { spec throws(InitializerError) in try InitializerSpec.parse(spec) } } catch {
            throw failWithBadInput(error.description)
        }
        let splits: DatasetSplits
        do {
            let location = try DatasetLocation.resolve(dataFlag: experiment.data)
            if let note = location.note { Console.note(note) }
            splits = try IDXReader.loadFolder(location.folder, name: location.name)
        } catch { throw failWithBadInput(error.description) }

        let batch = ExperimentRunner.probeBatch(config: config, data: splits)
        // One forecast per initializer, on all cores; each owns its network.
        BLAS.setThreadCount(1)
        let slots = Mutex<[VarianceForecast?]>(Array(repeating: nil, count: schemes.count))
        DispatchQueue.concurrentPerform(iterations: schemes.count) { index in
            let network = ExperimentRunner.initialNetwork(schemes[index], config: config, data: splits, repeatIndex: 0)
            let forecast = VarianceForecast(initialized: network, batch: batch, spectra: true)
            slots.withLock { $0[index] = forecast }
        }
        let forecasts = slots.withLock { $0 }.compactMap { $0 }

        let sizes = config.layerSizes(inputs: splits.train.featureCount, classes: splits.train.classCount)
        print("Variance forecast before training: \(ForecastTable.architecture(sizes)) "
            + "\(config.hiddenActivation.name), seed \(config.seed), \(splits.train.name). E[x²] = "
            + "\(ForecastTable.number(forecasts.first?.inputSquare)) over the first \(batch.labels.count) test examples; "
            + "the backward pass starts from E[(∂L/∂logits)²] measured on them at step 0.\n")
        var findings: [Finding] = []
        for (scheme, forecast) in zip(schemes, forecasts) {
            // No config marks a run `expect: failure` yet.
            let found = ForecastRule().findings(in: forecast, runID: "\(scheme.name)#seed\(config.seed)",
                                                initializer: scheme.name, expectsFailure: false)
            findings += found
            print(ForecastTable.render(initializer: scheme.name, formula: scheme.formula, forecast: forecast, findings: found) + "\n")
        }
        let flagged = Set(findings.map(\.initializer)).count
        print("\(flagged) of \(schemes.count) initializer(s) with forecast findings; "
            + "checked in \(String(format: "%.2f", start.secondsElapsed)) s.")
        let failing = failOn.failing(findings)
        if !failing.isEmpty {
            Console.note("--fail-on \(failOn.rawValue): \(failing.count) forecast finding(s) in "
                + "\(Set(failing.map(\.initializer)).sorted().joined(separator: ", ")).")
            throw ExitCode(Self.findingsStatus)
        }
    }
}
