import Foundation
import Yams

/// Experiment configs as YAML files: `initscope run my.yaml`, and the presets in
/// Fixtures/configs. snake_case keys; every section and key is optional except
/// `initializers`; unset values are the udacity preset's (784-256-128-10 ReLU, Adam 1e-3,
/// batch 128, 2 epochs, seed 0) on Fashion-MNIST:
///
/// ```yaml
/// name: deep-tanh                  # default: the file name without extension
/// description: Does orthogonal beat He for a tanh net at depth 10?
/// data:
///   source: fashion-mnist          # fashion-mnist | idx | csv | spirals | blobs
///   validation_split: 0            # share of train held out for evaluation (0 = the test split)
///   standardize: false
/// network: {hidden_sizes: [256, 128], activation: tanh, batch_norm: false, dropout: 0, bias_init: zeros}
/// training: {optimizer: adam, learning_rate: 0.001, batch_size: 128, epochs: 2}
/// seeds: [0, 1, 2]                 # or seed: 0
/// initializers: [he_normal, orthogonal, "uniform(-0.1,0.1)"]
/// variants: [{name: plain}, {name: bn, batch_norm: true}]
/// probes: {every: 50, batch_size: 128}
/// diagnostics: {expect_failure: [zeros], thresholds: {dead-units.share: 0.3}}
/// ```
///
/// Parsing is strict: an unknown key (with "did you mean"), a key that does not apply to the
/// chosen data source or optimizer, a wrong type, a value out of range, an unknown name, a
/// YAML alias (`*name`, see `YAMLAliasScan`) or a YAML syntax error is a `ConfigError.file`
/// naming the file, line, column and key path.
public enum ConfigFile {
    /// Reads and parses the config at `url`; relative data paths in it are relative to its folder.
    public static func load(_ url: URL) throws(ConfigError) -> ExperimentConfig {
        let path = url.relativePath
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            let why = !exists ? ": no such file" : isFolder.boolValue ? ": it is a folder" : ""
            throw .file(path: path, line: nil, column: nil, keyPath: "",
                        message: "cannot read this config file\(why). Pass the path of a YAML config, or start one with `initscope presets udacity > my.yaml`.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .file(path: path, line: nil, column: nil, keyPath: "",
                        message: "this config file is not UTF-8 text. Save it as UTF-8.")
        }
        return try parse(text, origin: path, relativeTo: url.deletingLastPathComponent())
    }

    /// Parses config text. `origin` names the file in error messages and gives the default
    /// `name` (its file name without extension). With `relativeTo` (a folder), data paths are
    /// resolved as a shell would from there: `~` expanded, relative paths joined to it;
    /// without it they are kept as written.
    public static func parse(_ text: String, origin: String, relativeTo: URL?) throws(ConfigError) -> ExperimentConfig {
        let file = ConfigOrigin(path: origin)
        let root = try compose(text, file)
        let config = try ConfigReader(origin: file, relativeTo: relativeTo).config(root)
        do { try config.validate() } catch { throw located(error, root: root) }
        return config
    }

    /// The YAML tree of `text`; a syntax error or an empty file becomes a `ConfigError.file`.
    private static func compose(_ text: String, _ file: ConfigOrigin) throws(ConfigError) -> ConfigNode {
        if let alias = YAMLAliasScan.firstAlias(in: text) {
            throw .file(path: file.path, line: alias.line, column: alias.column, keyPath: "",
                        message: "YAML aliases such as *\(alias.name) are not supported in config files: a few "
                            + "nested aliases can make a small file expand without bound. Write the value out in "
                            + "full (in text or a comment, quote or reword it).")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw syntaxError(error, file)
        } catch {
            throw file.error(at: nil, "", "cannot read this file as YAML (\(error)).")
        }
        guard let node else {
            throw file.error(at: nil, "", "the file is empty: a config needs at least initializers: [he_normal] (see `initscope presets`).")
        }
        return ConfigNode(node: node, keyPath: "", origin: file)
    }

    private static func syntaxError(_ error: YamlError, _ file: ConfigOrigin) -> ConfigError {
        let hint = "Check the indentation (spaces, not tabs) and quote values with : # [ ] { } , such as \"uniform(-1,1)\"."
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text))" } ?? ""
            return file.error(at: mark, "", "YAML syntax error: \(problem)\(while_). \(hint)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return file.error(at: context.mark, duplicates.first ?? "",
                              "key \(keys) appears more than once in the same mapping. Keep one of them.")
        case let .reader(problem, _, _, _):
            return file.error(at: nil, "", "cannot read the file as YAML text: \(problem). Save it as UTF-8.")
        default:
            return file.error(at: nil, "", "YAML error: \(error). \(hint)")
        }
    }

    /// Where in the file a failure of `ExperimentConfig.validate()` comes from, by the key it names.
    private static func located(_ error: ConfigError, root: ConfigNode) -> ConfigError {
        let keyPaths = [
            "epochs": "training.epochs", "batch_size": "training.batch_size", "learning_rate": "training.learning_rate",
            "optimizer": "training.optimizer", "momentum": "training.momentum", "weight_decay": "training.weight_decay",
            "hidden_sizes": "network.hidden_sizes", "activation": "network.activation", "batch_norm": "network.batch_norm",
            "dropout": "network.dropout", "bias_init": "network.bias_init", "probe_every": "probes.every",
            "probe_batch_size": "probes.batch_size", "expected_failures": "diagnostics.expect_failure",
            "expect_failure": "diagnostics.expect_failure", "thresholds": "diagnostics.thresholds",
            "validation_split": "data.validation_split",
        ]
        let message: String, keyPath: String
        switch error {
        case .file, .unknownPreset:
            return error
        case let .invalid(key, value, fix):
            keyPath = keyPaths[key] ?? key
            message = "\(keyPath) = \(value) is invalid: \(fix)."
        case let .initializer(inner):
            keyPath = "initializers"; message = "initializers: \(inner.description)"
        case let .activation(inner):
            keyPath = "network.activation"; message = "network.activation: \(inner.description)"
        case let .threshold(inner):
            keyPath = "diagnostics.thresholds"; message = "diagnostics.thresholds: \(inner.description)"
        }
        return root.origin.error(at: node(at: keyPath, in: root.node)?.mark, keyPath, message)
    }

    /// The value node at a dotted key path such as `training.epochs`, if the file has it.
    private static func node(at keyPath: String, in root: Node) -> Node? {
        var current = root
        for key in keyPath.split(separator: ".") {
            guard case let .mapping(mapping) = current, let next = mapping[String(key)] else { return nil }
            current = next
        }
        return current
    }
}
