import Foundation
import Datasets
import TestSupport

/// The catalogue, one list per kind of input.
enum BadInputs {
    typealias Case = BadInputCatalogueTests.Case

    static let goodCSV = "label,a,b\n0,1,2\n1,2,3\n0,3,4\n1,4,5\n"

    static func replace(_ name: String, in folder: URL, with bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    static let idx: [Case] = [
        Case("IDX folder missing") { s in
            let missing = s.url("nowhere")
            return (Scratch.runIDX(missing), [missing.path, "no such folder"])
        },
        Case("IDX file missing") { s in
            let folder = try s.idxFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent("t10k-labels-idx1-ubyte")) }
            return (Scratch.runIDX(folder), [folder.path, "missing t10k-labels-idx1-ubyte(.gz)"])
        },
        Case("IDX wrong magic") { s in
            let folder = try s.idxFolder { try replace("train-images-idx3-ubyte", in: $0, with: IDXBytes.labels([1, 2, 3])) }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte").path, "wrong magic"])
        },
        Case("IDX truncated header") { s in
            let folder = try s.idxFolder {
                try replace("train-images-idx3-ubyte", in: $0, with: Array(IDXBytes.images(count: 3, rows: 2, cols: 2).prefix(10)))
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte").path, "truncated IDX header"])
        },
        Case("IDX truncated payload") { s in
            let folder = try s.idxFolder {
                try replace("train-images-idx3-ubyte", in: $0, with: Array(IDXBytes.images(count: 3, rows: 2, cols: 2).dropLast(3)))
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte").path, "truncated data"])
        },
        Case("IDX dimensions overflow") { s in
            let folder = try s.idxFolder {
                try replace("train-images-idx3-ubyte", in: $0, with: IDXBytes.header(magic: IDXReader.imagesMagic, [.max, .max, .max]))
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte").path,
                                             "4294967295 × 4294967295 × 4294967295 overflow"])
        },
        Case("IDX absurd size") { s in
            let folder = try s.idxFolder {
                try replace("train-images-idx3-ubyte", in: $0, with: IDXBytes.header(magic: IDXReader.imagesMagic, [100_000, 100_000, 1]))
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte").path, "over the"])
        },
        Case("IDX trailing bytes") { s in
            let folder = try s.idxFolder {
                try replace("t10k-images-idx3-ubyte", in: $0, with: IDXBytes.images(count: 2, rows: 2, cols: 2) + [1])
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("t10k-images-idx3-ubyte").path, "unexpected bytes"])
        },
        Case("IDX images/labels count mismatch") { s in
            let folder = try s.idxFolder { try replace("train-labels-idx1-ubyte", in: $0, with: IDXBytes.labels([0, 1])) }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-labels-idx1-ubyte").path,
                                             "holds 3 images but", "holds 2 labels"])
        },
        Case("IDX label beyond the classes") { s in
            let folder = try s.idxFolder { try replace("t10k-labels-idx1-ubyte", in: $0, with: IDXBytes.labels([0, 12])) }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("t10k-labels-idx1-ubyte").path,
                                             "label 12 at index 1 is outside 0..<10"])
        },
        Case("IDX corrupt gzip") { s in
            let folder = try s.idxFolder {
                try FileManager.default.removeItem(at: $0.appendingPathComponent("train-images-idx3-ubyte"))
                try replace("train-images-idx3-ubyte.gz", in: $0, with: [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2])
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte.gz").path, "corrupt gzip data"])
        },
        Case("IDX empty file") { s in
            let folder = try s.idxFolder { try replace("train-labels-idx1-ubyte", in: $0, with: []) }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-labels-idx1-ubyte").path, "file is empty"])
        },
        Case("IDX folder where a file belongs") { s in
            let folder = try s.idxFolder {
                let file = $0.appendingPathComponent("train-images-idx3-ubyte")
                try FileManager.default.removeItem(at: file)
                try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
            }
            return (Scratch.runIDX(folder), [folder.appendingPathComponent("train-images-idx3-ubyte").path, "is a folder where an IDX file"])
        },
        Case("IDX --data names a file") { s in
            let file = try s.idxFolder().appendingPathComponent("train-images-idx3-ubyte")
            return (Scratch.runIDX(file), [file.path, "is a file, not a folder"])
        },
    ]

    static let csv: [Case] = [
        Case("CSV ragged row") { s in
            let config = try s.csvConfig(train: "label,a,b\n0,1,2\n1,2\n")
            return (["run", config.path], [s.url("train.csv").path + ":3:", "row has 2 fields, expected 3"])
        },
        Case("CSV non-numeric cell") { s in
            let config = try s.csvConfig(test: "label,a,b\n0,1,2\n1,two,3\n")
            return (["run", config.path], [s.url("test.csv").path + ":3:2:", "'two' is not a number"])
        },
        Case("CSV NaN cell") { s in
            let config = try s.csvConfig(train: goodCSV + "1,NaN,3\n")
            return (["run", config.path], [s.url("train.csv").path + ":6:2:", "not a finite Float"])
        },
        Case("CSV Inf cell") { s in
            let config = try s.csvConfig(train: goodCSV + "1,2,-inf\n")
            return (["run", config.path], [s.url("train.csv").path + ":6:3:", "not a finite Float"])
        },
        Case("CSV empty file") { s in
            let config = try s.csvConfig(test: "")
            return (["run", config.path], [s.url("test.csv").path, "CSV file has no rows"])
        },
        Case("CSV header mismatch") { s in
            let config = try s.csvConfig(test: "label,a,c\n0,1,2\n1,2,3\n")
            return (["run", config.path], [s.url("test.csv").path, "header column 3 is 'c'", "'b'"])
        },
        Case("CSV file missing") { s in
            let config = try s.csvConfig()
            try FileManager.default.removeItem(at: s.url("test.csv"))
            return (["run", config.path], [s.url("test.csv").path, "data.csv.test"])
        },
    ]

    static let config: [Case] = [
        Case("YAML syntax error") { s in
            let config = try s.config(replacing: ["hidden_sizes: [4]": "hidden_sizes: [4"])
            return (["run", config.path], [config.path + ":7:", "YAML syntax error"])
        },
        Case("unknown key") { s in
            let config = try s.config("seeed: 1\n")
            return (["run", config.path], [config.path + ":13:", "seeed", "Did you mean 'seed'?"])
        },
        Case("wrong type") { s in
            let config = try s.config(replacing: ["epochs: 1": "epochs: two"])
            return (["run", config.path], [config.path + ":8:", "training.epochs = two is not a whole number"])
        },
        Case("unknown initializer") { s in
            let config = try s.config(replacing: ["[zeros]": "[zeros, he_norml]"])
            return (["run", config.path], [config.path + ":10:", "Unknown initializer 'he_norml'. Did you mean 'he_normal'? Use one of"])
        },
        Case("unknown activation") { s in
            let config = try s.config(replacing: ["hidden_sizes: [4]": "hidden_sizes: [4]\n  activation: tahn"])
            return (["run", config.path], [config.path + ":7:", "network.activation", "Did you mean 'tanh'?"])
        },
        Case("unknown optimizer") { s in
            let config = try s.config(replacing: ["epochs: 1": "epochs: 1\n  optimizer: adamw"])
            return (["run", config.path], [config.path + ":9:", "training.optimizer", "Did you mean 'adam'?"])
        },
        Case("zero width") { s in
            let config = try s.config(replacing: ["[4]": "[4, 0]"])
            return (["run", config.path], [config.path + ":6:", "network.hidden_sizes[1]", "1 or more"])
        },
        Case("negative batch size") { s in
            let config = try s.config(replacing: ["batch_size: 32": "batch_size: -8"])
            return (["run", config.path], [config.path + ":9:", "training.batch_size", "1 or more"])
        },
        Case("zero learning rate") { s in
            let config = try s.config(replacing: ["epochs: 1": "epochs: 1\n  learning_rate: 0"])
            return (["run", config.path], [config.path + ":9:", "training.learning_rate", "positive number"])
        },
        Case("negative learning rate") { s in
            let config = try s.config(replacing: ["epochs: 1": "epochs: 1\n  learning_rate: -0.1"])
            return (["run", config.path], [config.path + ":9:", "training.learning_rate", "positive number"])
        },
        Case("zero epochs") { s in
            let config = try s.config(replacing: ["epochs: 1": "epochs: 0"])
            return (["run", config.path], [config.path + ":8:", "training.epochs = 0", "1 or more"])
        },
        Case("config file missing") { s in
            let missing = s.url("none.yaml")
            return (["run", missing.path], [missing.path, "cannot read this config file: no such file"])
        },
        Case("config path is a folder") { s in
            (["run", s.folder.path], [s.folder.path, "cannot read this config file: it is a folder"])
        },
        Case("config file and --preset") { s in
            (["run", try s.config().path, "--preset", "udacity"], ["--preset", "give either a config file or --preset"])
        },
    ]

    static let flags: [Case] = [
        Case("--seed with --seeds") { _ in (["run", "--seed", "1", "--seeds", "1,2"], ["--seed", "give either --seed or --seeds"]) },
        Case("--inits unknown") { _ in (["run", "--inits", "zeros,orthogonl"], ["orthogonl", "Did you mean 'orthogonal'?"]) },
        Case("--activation unknown") { _ in (["run", "--activation", "tahn"], ["Unknown activation 'tahn'"]) },
        Case("--optimizer unknown") { _ in (["run", "--optimizer", "adamw"], ["--optimizer", "adamw"]) },
        Case("--hidden-sizes zero") { _ in (["run", "--hidden-sizes", "16,0"], ["--hidden-sizes", "'0' is not a width"]) },
        Case("--batch-size zero") { _ in (["run", "--batch-size", "0"], ["--batch-size must be 1 or more"]) },
        Case("--learning-rate zero") { _ in (["run", "--learning-rate", "0"], ["--learning-rate must be a positive number"]) },
        Case("--learning-rate negative") { _ in (["run", "--learning-rate=-0.5"], ["--learning-rate must be a positive number"]) },
        Case("--epochs zero") { _ in (["run", "--epochs", "0"], ["--epochs must be 1 or more"]) },
        Case("--jobs zero") { _ in (["run", "--jobs", "0"], ["--jobs must be 1 or more"]) },
        Case("unknown flag") { _ in (["run", "--bogus-flag"], ["--bogus-flag", "initscope run --help"]) },
        Case("--shard out of range") { _ in (["run", "--shard", "3/2"], ["--shard", "3/2"]) },
    ]

    static let templates: [Case] = [
        Case("--templates folder missing") { s in
            let missing = s.url("no-templates")
            return (Scratch.runIDX(FixtureData.subsetFolder) + ["--templates", missing.path], [missing.path, "is not a folder"])
        },
        Case("--templates missing a partial") { s in
            let page = try s.write("<html>{{> facts}}{{> sidebar}}</html>", to: "templates/report.mustache")
            return (Scratch.runIDX(FixtureData.subsetFolder) + ["--templates", s.url("templates").path],
                    [page.path, "{{> sidebar}}", "partials/sidebar.mustache"])
        },
        Case("--templates syntax error") { s in
            let partial = try s.write("<p>\n{{#facts}} never closed", to: "templates/partials/facts.mustache")
            return (Scratch.runIDX(FixtureData.subsetFolder) + ["--templates", s.url("templates").path],
                    [partial.path + ":2:", "template syntax error", "never closed"])
        },
    ]
}
