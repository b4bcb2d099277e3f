import Testing
import Foundation
import Experiments
import Network
import TestSupport

/// The presets are the YAML files in Fixtures/configs, compiled into the binary.
@Suite struct PresetFilesTests {
    /// `Presets.udacity` as it was written in Swift before the presets became YAML.
    static let udacityAsItWas = ExperimentConfig(
        name: "udacity",
        summary: "The weight-initialization lesson: 784-256-128-10 ReLU MLP, Adam 1e-3, batch 128, 2 epochs, 12 initializers",
        hiddenSizes: [256, 128],
        hiddenActivation: .relu,
        optimizer: .adam(learningRate: 1e-3),
        batchSize: 128,
        epochs: 2,
        seeds: [0],
        initializers: [
            "zeros", "ones",
            "uniform(0,1)", "uniform(-1,1)",
            "uniform(-0.1,0.1)", "uniform(-0.01,0.01)", "uniform(-0.001,0.001)",
            "general_rule",
            "normal(0.1)", "truncated_normal(0.1)",
            "xavier_uniform", "he_normal",
        ],
        expectedFailures: ["zeros", "ones"])

    static var folder: URL { FixturePaths.url("configs") }

    static func yamlFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    @Test func udacityYAMLIsTheUdacityPresetExactly() throws {
        #expect(Presets.udacity == Self.udacityAsItWas)
        #expect(try ConfigFile.load(Self.folder.appendingPathComponent("udacity.yaml")) == Self.udacityAsItWas)
    }

    @Test func everyYAMLFileInFixturesConfigsIsEmbeddedAsItIsOnDisk() throws {
        let files = try Self.yamlFiles()
        #expect(files.contains("udacity"))
        #expect(Presets.all.map(\.name).sorted() == files,
                "add each Fixtures/configs/NAME.yaml to Package.swift (.embedInCode) and to PresetFiles.all")
        for name in files {
            let onDisk = try String(contentsOf: Self.folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            #expect(try Presets.text(named: name) == onDisk, "\(name).yaml")
        }
    }

    @Test func everyPresetIsNamedAfterItsFileAndLoadsFromDisk() throws {
        for preset in Presets.all {
            let file = Self.folder.appendingPathComponent("\(preset.name).yaml")
            #expect(try ConfigFile.load(file) == preset, "\(preset.name)")
            #expect(!preset.summary.isEmpty, "\(preset.name) needs a description for `initscope presets`")
        }
    }

    @Test func anUnknownPresetListsTheKnownOnes() throws {
        #expect(throws: ConfigError.unknownPreset(name: "nope", known: Presets.all.map(\.name))) { try Presets.text(named: "nope") }
        #expect(throws: ConfigError.unknownPreset(name: "nope", known: Presets.all.map(\.name))) { try Presets.named("nope") }
    }
}
