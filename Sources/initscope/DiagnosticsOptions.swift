import ArgumentParser
import Experiments
import Diagnostics
import Network

extension FailOn: ExpressibleByArgument {}
extension OptimizerSettings.Kind: ExpressibleByArgument {}

/// Options shared by the commands that judge runs: thresholds, expected failures and the
/// level of finding that makes the command exit with status 1.
struct DiagnosticsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Exit with status 1 when a run not expected to fail has findings at this level: error, warning or never.",
                               valueName: "level"))
    var failOn: FailOn = .never

    @Option(name: .customLong("threshold"),
            help: ArgumentHelp("Change one diagnostics threshold, rule.key=value (repeatable); see the list below.", valueName: "rule.key=value"))
    var thresholds: [String] = []

    @Option(help: ArgumentHelp("Initializers expected to fail, comma-separated, or 'none' (default: the preset's; udacity: zeros,ones). Their findings are shown but never fail the command.",
                               valueName: "list"))
    var expectFailure: String?

    /// The thresholds and expectations of `config`, changed as these options say.
    func apply(to config: inout ExperimentConfig) throws(ConfigError) {
        for setting in thresholds {
            do { try config.thresholds.apply(setting) } catch { throw .threshold(error) }
        }
        if let expectFailure {
            let names = expectFailure.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            config.expectedFailures = names == ["none"] ? [] : names
            // Named on purpose, so a name that matches no run is a typo, not a no-op.
            for name in config.expectedFailures where !config.initializers.contains(name) {
                throw .invalid(key: "--expect-failure", value: name,
                               fix: "name initializers of this experiment (\(config.initializers.joined(separator: ", "))) or 'none'")
            }
        }
    }

    /// For --help: every threshold with its default and meaning.
    static var thresholdHelp: String {
        Thresholds.catalogue.map { "  \($0.key) = \(formatDefault($0.defaultValue))\n      \($0.meaning)" }.joined(separator: "\n")
    }

    private static func formatDefault(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e4 ? String(Int(x)) : "\(x)"
    }
}

extension FailOn {
    /// The one-line verdict printed when findings fail the command.
    static func verdict(_ failing: [Finding], level: FailOn) -> String {
        let runs = Set(failing.map(\.initializer)).sorted().joined(separator: ", ")
        return "\(failing.count) finding(s) at level \(level.rawValue) or above in runs not expected to fail (\(runs)): exit status 1. "
            + "Fix the runs, mark them with --expect-failure, or loosen --threshold."
    }
}
