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
            forecast.vanish (1e-4) or above forecast.explode (1e4), both on variance. Weights that are not
            zero-mean (ones, U[0,1)) are not forecast: the derivation does not cover them.

            It takes a config file (`initscope check my.yaml`) or a preset, and the same
            overriding flags as `run`; every variant of the config is forecast at the first seed.
            BatchNorm networks are not forecast: BN renormalises every hidden layer on each batch.

            Examples:
              initscope check
              initscope check --inits he_normal,xavier_normal --activation tanh
              initscope check --inits xavier_normal,he_normal --fail-on warning \\
                --hidden-sizes $(printf '256,%.0s' {1..29} | sed 's/,$//')

            --fail-on, --threshold (forecast.vanish, forecast.explode) and --expect-failure work
            as for `initscope run`: findings of runs expected to fail (udacity: zeros, ones) are
            shown but never fail the command.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var experiment: ExperimentOptions

    @OptionGroup var diagnostics: DiagnosticsOptions

    /// The preset with this command line's overrides, thresholds and expectations.
    func makeConfig() throws(ConfigError) -> ExperimentConfig {
        var config = try experiment.makeConfig()
        try diagnostics.apply(to: &config)
        try config.validate()
        return config
    }

    func run() throws {
        let start = ContinuousClock.now
        let config: ExperimentConfig
        do { config = try makeConfig() } catch { throw failWithBadInput(error.description) }
        let plan: [PlannedRun]
        var schemes: [String: any Initializer] = [:]
        do {
            plan = try ExperimentPlan(config).runs.filter { $0.seed == config.seed }
            for spec in config.initializers {
                let scheme = try InitializerSpec.parse(spec)
                schemes[scheme.name] = scheme
            }
        } catch let error as ConfigError {
            throw failWithBadInput(error.description)
        } catch let error as InitializerError {
            throw failWithBadInput(error.description)
        }
        let splits: DatasetSplits
        do { splits = try experiment.loadData(for: config) } catch { throw failWithBadInput(error.description) }

        let batch = ExperimentRunner.probeBatch(config: config, data: splits)
        // One forecast per (initializer, variant) at the first seed, on all cores; each owns its network.
        BLAS.setThreadCount(1)
        let slots = Mutex<[(VarianceForecast, JacobianSpectrum)?]>(Array(repeating: nil, count: plan.count))
        let schemesByName = schemes
        DispatchQueue.concurrentPerform(iterations: plan.count) { index in
            guard let scheme = schemesByName[plan[index].initializer] else { return }
            let (network, _) = ExperimentRunner.initialNetwork(scheme, network: plan[index].network, seed: plan[index].seed,
                                                               data: splits, calibrationBatch: config.batchSize)
            guard !network.usesBatchNorm else { return }  // nil: BatchNorm is not forecast
            let forecast = VarianceForecast(initialized: network, batch: batch, spectra: true)
            let jacobian = JacobianSpectrum(initialized: network, batch: batch)
            slots.withLock { $0[index] = (forecast, jacobian) }
        }
        let measured = slots.withLock { $0 }

        let inputSquare: String = Wording.number(measured.compactMap { $0 }.first?.0.inputSquare)
        let heading: String = "Variance forecast before training: seed \(config.seed), \(splits.train.name). E[x²] = \(inputSquare) "
            + "over the first \(batch.labels.count) test examples; the backward pass starts from E[(∂L/∂logits)²] measured on them at step 0.\n"
        print(heading)
        var findings: [Finding] = []
        for (planned, pair) in zip(plan, measured) {
            guard let scheme = schemes[planned.initializer] else { continue }
            guard let (forecast, jacobian) = pair else {
                print("\(planned.id): not forecast — BatchNorm renormalises every hidden layer on each batch, so the "
                    + "weights' variance does not carry from layer to layer.\n")
                continue
            }
            let found = ForecastRule().findings(in: forecast, runID: planned.id, initializer: scheme.name,
                                                expectsFailure: config.expectsFailure(scheme.name), thresholds: config.thresholds)
            findings += found
            let sizes = planned.network.layerSizes(inputs: splits.train.featureCount, classes: splits.train.classCount)
            let network = "\(ForecastTable.architecture(sizes)) \(planned.network.hiddenActivation.name)"
                + (planned.variant.map { " (variant \($0))" } ?? "")
            print(ForecastTable.render(initializer: scheme.name, formula: scheme.formula, network: network, forecast: forecast,
                                       jacobian: jacobian, findings: found) + "\n")
        }
        let flagged = Set(findings.map(\.initializer)).count
        print("\(flagged) of \(schemes.count) initializer(s) with forecast findings; "
            + "checked in \(String(format: "%.2f", start.secondsElapsed)) s.")
        let failing = diagnostics.failOn.failing(findings)
        if !failing.isEmpty {
            Console.note(FailOn.verdict(failing, level: diagnostics.failOn))
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}
