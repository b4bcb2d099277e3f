import ArgumentParser
import Diagnostics
import Experiments
import Initializers
import Network

/// `initscope list`: every name a config file or flag can use, with what it means.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the initializers, activations, optimizers, data sources and thresholds a config can name.",
        discussion: """
            The reference for writing a config (start one with `initscope presets udacity > my.yaml`):
              initializers: [...]          initializer specs, e.g. he_normal, "uniform(-0.1,0.1)"
              network.activation           an activation, e.g. tanh or leaky_relu(0.2)
              training.optimizer           sgd, momentum or adam, and the keys each reads
              data.source                  where the examples come from, and the keys each reads
              diagnostics.thresholds       rule.key: value, overriding a default below
            The same names work on the command line: --inits, --activation, --threshold.
            Quote specs with commas or parentheses inside YAML lists: ["uniform(-1,1)"].
            """)

    func run() {
        print(Self.reference)
    }

    static var reference: String {
        let tables: [(String, [(String, String)])] = [
            ("Initializers (initializers:, diagnostics.expect_failure:)", InitializerSpec.catalogue.map { ($0.pattern, $0.summary) }),
            ("Activations (network.activation, variants[].activation)", Activation.catalogue.map { ($0.pattern, $0.summary) }),
            ("Optimizers (training.optimizer)", ConfigKeys.optimizers.map { ($0.name, $0.summary) }),
            ("Data sources (data.source; validation_split and standardize apply to all)",
             ConfigKeys.dataSources.map { ($0.name, $0.summary) }),
        ]
        // One column for every table, so the names line up down the page.
        let width = (tables.flatMap { $0.1.map(\.0.count) }.max() ?? 0) + 2
        let sections = tables.map { title, rows in
            ([title + ":"] + rows.map { "  " + $0.padding(toLength: width, withPad: " ", startingAt: 0) + $1 }).joined(separator: "\n")
        }
        let thresholds = "Thresholds (diagnostics.thresholds, --threshold rule.key=value), with defaults:\n"
            + DiagnosticsOptions.thresholdHelp
        return (sections + [thresholds]).joined(separator: "\n\n")
    }
}
