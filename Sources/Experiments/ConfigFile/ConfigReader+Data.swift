import Foundation
import Datasets

/// The `data:` section.
extension ConfigReader {
    func data(_ node: ConfigNode?) throws(ConfigError) -> DataSettings {
        guard let node else { return .standard }
        let section = try node.mapping(known: ConfigKeys.data, example: "data: {source: fashion-mnist}")
        let sources = ConfigKeys.dataSources.map(\.name)
        let source = try section["source"]?.choice(sources, example: "source: fashion-mnist") ?? "fashion-mnist"
        let fileSource = !["spirals", "blobs"].contains(source)
        try section.allowOnly(["source", "validation_split", "standardize"] + (fileSource ? ["train_limit"] : [])
                              + ConfigKeys.dataKeys(for: source)) { key in
            if key == "train_limit" {
                return "data.train_limit does not apply to source: \(source), which generates its examples. Set train_examples instead."
            }
            let owners = sources.filter { ConfigKeys.dataKeys(for: $0).contains(key) }
            return "data.\(key) does not apply to source: \(source); it is read by source: \(owners.joined(separator: " or ")). "
                + "Remove it, or set source: \(owners.first ?? "csv")."
        }
        var settings = DataSettings()
        if let split = section["validation_split"] {
            settings.validationSplit = try split.double(
                example: "validation_split: 0.1", fix: "use a share in [0, 1), e.g. 0.1 (0 evaluates on the test split)",
                valid: { $0 >= 0 && $0 < 1 })
        }
        if let standardize = section["standardize"] { settings.standardize = try standardize.bool(example: "standardize: true") }
        if let limit = section["train_limit"] {
            settings.trainLimit = try limit.int(example: "train_limit: 10000",
                                                fix: "use 1 or more: train on the first N training examples", valid: { $0 >= 1 })
        }
        switch source {
        case "idx":
            let folder = try section.required("folder", fix: "source: idx reads folder: DIR, the folder with train-images-idx3-ubyte(.gz) and the other IDX files")
            settings.source = .idx(folder: try path(folder, example: "folder: ~/mnist"))
        case "csv":
            settings.source = .csv(try csv(section, validationSplit: settings.validationSplit))
        case "spirals", "blobs":
            settings.source = .synthetic(try synthetic(section, kind: source == "spirals" ? .spirals : .blobs))
        default:
            settings.source = .standard
        }
        return settings
    }

    private func csv(_ section: ConfigMapping, validationSplit: Double) throws(ConfigError) -> CSVSource {
        let trainNode = try section.required("train", fix: "source: csv reads train: FILE, one example per row")
        var csv = CSVSource(train: try path(trainNode, example: "train: data/train.csv"))
        if let test = section["test"] { csv.test = try path(test, example: "test: data/test.csv") }
        if let column = section["label_column"] {
            // A plain whole number is an index; anything else (or a quoted number) a header name.
            if case let .scalar(scalar) = column.node, scalar.style == .plain, let index = Int(scalar.string) {
                csv.labelColumn = .index(index)
            } else {
                csv.labelColumn = .name(try column.text(example: "label_column: 0 (or a header name, label_column: label)"))
            }
        }
        if let header = section["header"] {
            if case let .scalar(scalar) = header.node, scalar.style == .plain, scalar.string.lowercased() == "auto" {
                csv.header = nil
            } else {
                do { csv.header = try header.bool(example: "header: auto") } catch {
                    throw header.error("data.header = \(header.shown) is not true, false or auto: write it like header: auto.")
                }
            }
        }
        if csv.test == nil, validationSplit == 0 {
            throw trainNode.error("data.train has no test: file and validation_split is 0, so nothing is left to evaluate on: "
                + "add test: FILE or validation_split: 0.1.")
        }
        return csv
    }

    private func synthetic(_ section: ConfigMapping, kind: SyntheticSource.Kind) throws(ConfigError) -> SyntheticSource {
        var synthetic = SyntheticSource(kind: kind)
        if let node = section["train_examples"] {
            synthetic.trainExamples = try node.int(example: "train_examples: 3000", fix: "use 1 or more, e.g. 3000", valid: { $0 >= 1 })
        }
        if let node = section["test_examples"] {
            synthetic.testExamples = try node.int(example: "test_examples: 1000", fix: "use 1 or more, e.g. 1000", valid: { $0 >= 1 })
        }
        if let node = section["classes"] {
            synthetic.classes = try node.int(example: "classes: 3", fix: "use 2 or more, e.g. 3", valid: { $0 >= 2 })
        }
        if let node = section["features"] {
            synthetic.features = try node.int(example: "features: 2", fix: "use 1 or more, e.g. 2", valid: { $0 >= 1 })
        }
        if let node = section["noise"] {
            synthetic.noise = try node.double(example: "noise: 0.2", fix: "use 0 or a positive number such as 0.2", valid: { $0 >= 0 })
        }
        return synthetic
    }

    /// A file or folder path: `~` expanded and relative paths joined to the config's folder
    /// when the config came from a file; as written otherwise.
    private func path(_ node: ConfigNode, example: String) throws(ConfigError) -> String {
        let text = try node.text(example: example)
        guard let relativeTo else { return text }
        if text.hasPrefix("~") { return NSString(string: text).expandingTildeInPath }
        if text.hasPrefix("/") { return text }
        return relativeTo.appendingPathComponent(text).standardizedFileURL.path
    }
}
