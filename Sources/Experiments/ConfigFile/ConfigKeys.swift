import Network

/// The keys of each section of a config file, and the data sources and optimizers its values
/// name: what the parser accepts and what `initscope list` prints.
public enum ConfigKeys {
    static let topLevel = ["name", "description", "data", "network", "training", "seed", "seeds", "initializers",
                           "variants", "probes", "diagnostics"]
    static let data = ["source", "folder", "train", "test", "label_column", "header", "train_examples", "test_examples",
                       "classes", "features", "noise", "validation_split", "standardize", "train_limit"]
    static let network = ["hidden_sizes", "activation", "batch_norm", "dropout", "bias_init"]
    static let training = ["optimizer", "learning_rate", "momentum", "nesterov", "beta1", "beta2", "epsilon",
                           "weight_decay", "batch_size", "epochs"]
    static let variant = ["name", "hidden_sizes", "activation", "batch_norm", "dropout"]
    static let probes = ["every", "batch_size"]
    static let diagnostics = ["expect_failure", "thresholds"]

    /// Sections by the key path that leads to them, for "it belongs under training:".
    static let sections: [(path: String, keys: [String])] = [
        ("", topLevel), ("data", data), ("network", network), ("training", training), ("probes", probes),
        ("diagnostics", diagnostics),
    ]

    /// One value a config may name, and what it means.
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let summary: String
    }

    /// `data.source` values, with the keys each one reads.
    public static let dataSources: [Entry] = [
        Entry(name: "fashion-mnist", summary: "Debian's Fashion-MNIST (dataset-fashion-mnist), else the bundled 2000/500 subset (default)"),
        Entry(name: "idx", summary: "any MNIST-family IDX folder: folder: DIR with train-/t10k- images and labels (.gz or not)"),
        Entry(name: "csv", summary: "train: FILE (test: FILE), one example per row; label_column: index or header name; header: true|false|auto"),
        Entry(name: "spirals", summary: "interleaved 2-D spiral arms from the seed: train_examples, test_examples, classes, noise"),
        Entry(name: "blobs", summary: "Gaussian blobs from the seed: train_examples, test_examples, classes, features, noise"),
    ]

    /// `training.optimizer` values, with the keys each one reads.
    public static let optimizers: [Entry] = [
        Entry(name: "sgd", summary: "plain SGD: learning_rate, weight_decay"),
        Entry(name: "momentum", summary: "SGD with momentum (torch.optim.SGD): learning_rate, momentum, nesterov, weight_decay"),
        Entry(name: "adam", summary: "Adam (Kingma & Ba 2015): learning_rate, beta1, beta2, epsilon, weight_decay (default)"),
    ]

    /// The data keys `source` reads beyond source, validation_split and standardize.
    static func dataKeys(for source: String) -> [String] {
        switch source {
        case "idx": ["folder"]
        case "csv": ["train", "test", "label_column", "header"]
        case "spirals": ["train_examples", "test_examples", "classes", "noise"]
        case "blobs": ["train_examples", "test_examples", "classes", "features", "noise"]
        default: []
        }
    }

    /// The training keys `optimizer` reads.
    static func trainingKeys(for optimizer: OptimizerSettings.Kind) -> [String] {
        let common = ["optimizer", "learning_rate", "weight_decay", "batch_size", "epochs"]
        switch optimizer {
        case .sgd: return common
        case .momentum: return common + ["momentum", "nesterov"]
        case .adam: return common + ["beta1", "beta2", "epsilon"]
        }
    }
}

/// "Did you mean" for keys and names typed slightly wrong.
enum KeySuggestion {
    /// " Did you mean 'x'?" for the closest of `candidates`, or "" when none is close.
    static func didYouMean(_ text: String, among candidates: [String]) -> String {
        closest(to: text, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    static func closest(to text: String, among candidates: [String]) -> String? {
        let typed = text.lowercased()
        let scored = candidates.map { ($0, editDistance(typed, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, typed.count / 4) else { return nil }
        return best.0
    }

    /// The message for `key`, unknown in the section at `sectionPath` ("" = top level).
    static func unknownKey(_ key: String, in sectionPath: String, known: [String]) -> String {
        let path = sectionPath.isEmpty ? key : "\(sectionPath).\(key)"
        let within = sectionPath.isEmpty ? "at the top level" : "in \(sectionPath)"
        var hint = didYouMean(key, among: known)
        if hint.isEmpty, let home = ConfigKeys.sections.first(where: { $0.path != sectionPath && $0.keys.contains(key) }) {
            hint = home.path.isEmpty ? " It belongs at the top level." : " It belongs under \(home.path):."
        }
        return "\(path) is not a known key \(within).\(hint) Known keys: \(known.joined(separator: ", "))."
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
