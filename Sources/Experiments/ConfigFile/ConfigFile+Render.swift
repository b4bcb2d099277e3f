import Foundation
import Datasets
import Network

extension ConfigFile {
    /// `config` as a config file in canonical form: every section, the keys that apply to its
    /// data source and optimizer (others are dropped), after a commented header.
    /// `parse(render(c))` gives `c` back for any config that parses.
    public static func render(_ config: ExperimentConfig) -> String {
        var lines = [
            "# initscope experiment config: `initscope run THIS.yaml`.",
            "# Names: `initscope list`; starting points: `initscope presets`. Unset keys take the udacity preset's values.",
            "name: \(YAMLText.scalar(config.name))",
        ]
        if !config.summary.isEmpty { lines.append("description: \(YAMLText.scalar(config.summary))") }
        lines += ["data:"] + dataLines(config.data).map { "  " + $0 }
        lines += [
            "network:",
            "  hidden_sizes: \(YAMLText.list(config.hiddenSizes.map(String.init)))",
            "  activation: \(YAMLText.scalar(config.hiddenActivation.name))",
            "  batch_norm: \(config.batchNorm)",
            "  dropout: \(YAMLText.number(config.dropout))",
            "  bias_init: \(YAMLText.scalar(config.biasInit))",
            "training:",
        ] + trainingLines(config).map { "  " + $0 }
        lines.append("seeds: \(YAMLText.list(config.seeds.map(String.init)))")
        lines.append("initializers:")
        lines += config.initializers.map { "  - \(YAMLText.scalar($0))" }
        if !config.variants.isEmpty {
            lines.append("variants:")
            for variant in config.variants {
                lines.append("  - name: \(YAMLText.scalar(variant.name))")
                if let sizes = variant.hiddenSizes { lines.append("    hidden_sizes: \(YAMLText.list(sizes.map(String.init)))") }
                if let activation = variant.hiddenActivation { lines.append("    activation: \(YAMLText.scalar(activation.name))") }
                if let batchNorm = variant.batchNorm { lines.append("    batch_norm: \(batchNorm)") }
                if let dropout = variant.dropout { lines.append("    dropout: \(YAMLText.number(dropout))") }
            }
        }
        lines += ["probes:", "  every: \(config.probeEvery)", "  batch_size: \(config.probeBatchSize)"]
        let overrides = config.thresholds.overrides.sorted { $0.key < $1.key }
        if !config.expectedFailures.isEmpty || !overrides.isEmpty {
            lines.append("diagnostics:")
            if !config.expectedFailures.isEmpty {
                lines.append("  expect_failure: \(YAMLText.list(config.expectedFailures.map(YAMLText.scalar)))")
            }
            if !overrides.isEmpty {
                lines.append("  thresholds:")
                lines += overrides.map { "    \(YAMLText.scalar($0.key)): \(YAMLText.number($0.value))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dataLines(_ data: DataSettings) -> [String] {
        var lines: [String]
        switch data.source {
        case .standard:
            lines = ["source: fashion-mnist"]
        case let .idx(folder):
            lines = ["source: idx", "folder: \(YAMLText.scalar(folder))"]
        case let .csv(csv):
            lines = ["source: csv", "train: \(YAMLText.scalar(csv.train))"]
            if let test = csv.test { lines.append("test: \(YAMLText.scalar(test))") }
            switch csv.labelColumn {
            case let .index(index): lines.append("label_column: \(index)")
            case let .name(name): lines.append("label_column: \(YAMLText.quoted(name))")
            }
            lines.append("header: \(csv.header.map { "\($0)" } ?? "auto")")
        case let .synthetic(synthetic):
            lines = ["source: \(synthetic.kind.rawValue)", "train_examples: \(synthetic.trainExamples)",
                     "test_examples: \(synthetic.testExamples)", "classes: \(synthetic.classes)"]
            if synthetic.kind == .blobs { lines.append("features: \(synthetic.features)") }
            lines.append("noise: \(YAMLText.number(synthetic.noise))")
        }
        let limit = data.trainLimit.map { ["train_limit: \($0)"] } ?? []
        return lines + limit + ["validation_split: \(YAMLText.number(data.validationSplit))", "standardize: \(data.standardize)"]
    }

    private static func trainingLines(_ config: ExperimentConfig) -> [String] {
        let optimizer = config.optimizer
        var lines = ["optimizer: \(optimizer.kind.rawValue)", "learning_rate: \(YAMLText.number(optimizer.learningRate))"]
        switch optimizer.kind {
        case .sgd: break
        case .momentum: lines += ["momentum: \(YAMLText.number(optimizer.momentum))", "nesterov: \(optimizer.nesterov)"]
        case .adam: lines += ["beta1: \(YAMLText.number(optimizer.beta1))", "beta2: \(YAMLText.number(optimizer.beta2))",
                          "epsilon: \(YAMLText.number(optimizer.epsilon))"]
        }
        return lines + ["weight_decay: \(YAMLText.number(optimizer.weightDecay))", "batch_size: \(config.batchSize)", "epochs: \(config.epochs)"]
    }
}

/// Scalars written so that YAML reads back the same text.
enum YAMLText {
    /// Plain when it is a simple word YAML cannot take for anything else, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let first = text.unicodeScalars.first
        let simple = !text.isEmpty
            && first.map { CharacterSet.letters.contains($0) || $0 == "_" } == true
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)) }
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return simple ? text : quoted(text)
    }

    /// Always double-quoted, with `\` escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number as Swift prints it (shortest text that reads back exactly), whole numbers
    /// without `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// A flow list: `[256, 128]`.
    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
