// swift-tools-version: 6.0
//
// initscope — train one network under many weight initializers and report why each one
// works or fails. Module flow (nothing imports upwards):
//   Tensor → Initializers, Network, Datasets → Training → Experiments → Report → initscope (CLI)
//   Charts (pure Swift) → CairoRenderer (PNG) → Report
import PackageDescription

let package = Package(
    name: "initscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "initscope", targets: ["initscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // C libraries, each behind exactly one Swift file.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-pthread-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CGather", path: "Sources/CGather"),
        .systemLibrary(name: "CAdamAVX", path: "Sources/CAdamAVX"),
        .systemLibrary(name: "CStatsAVX", path: "Sources/CStatsAVX"),

        .target(name: "Tensor", dependencies: ["CBLAS", "CStatsAVX"]),
        .target(name: "Initializers", dependencies: ["Tensor"]),
        .target(name: "Network", dependencies: ["Tensor", "CAdamAVX"]),
        .target(name: "Compression", dependencies: ["CZlib"]),
        .target(name: "Datasets", dependencies: ["Tensor", "Compression", "CGather"]),
        .target(name: "Training", dependencies: ["Tensor", "Network", "Datasets"]),
        // Observers of training: per-layer statistics and histograms, never steering it.
        .target(name: "Probes", dependencies: ["Tensor", "Network", "Training"]),
        // Rules over the probes and losses → findings; the static variance forecast.
        .target(name: "Diagnostics", dependencies: ["Tensor", "Network", "Training", "Probes", "Initializers"]),
        // Fixtures/configs/*.yaml compiled into the binary: the presets, also runnable as files.
        // A new preset: its YAML file, one .embedInCode line here, one entry in PresetFiles.swift.
        .target(name: "PresetFiles", path: "Fixtures/configs", sources: ["PresetFiles.swift"],
                resources: [
                    .embedInCode("udacity.yaml"),
                    .embedInCode("zeros-symmetry.yaml"),
                    .embedInCode("glorot2010.yaml"),
                    .embedInCode("he2015.yaml"),
                    .embedInCode("saxe2013.yaml"),
                    .embedInCode("batchnorm.yaml"),
                ]),
        .target(name: "Experiments",
                dependencies: ["Tensor", "Initializers", "Network", "Datasets", "Training", "Probes", "Diagnostics",
                               "PresetFiles", .product(name: "Yams", package: "Yams")]),
        // Charts know nothing about networks: numbers and labels in, draw calls out.
        .target(name: "Charts"),
        .target(name: "CairoRenderer", dependencies: ["Charts", "CCairo", "Compression"]),
        // Templates/ compiled into the binary; --templates DIR overrides them at run time.
        .target(name: "Templates", path: "Templates", sources: ["Templates.swift"],
                resources: [.embedInCode("report.mustache"), .embedInCode("compare.mustache"), .embedInCode("report.css"),
                            .embedInCode("partials")]),
        .target(name: "Report", dependencies: [
            "Experiments", "Probes", "Diagnostics", "Tensor", "Charts", "CairoRenderer", "Templates", "Compression",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "initscope", dependencies: [
            "Tensor", "Experiments", "Datasets", "Initializers", "Network", "Training", "Report", "Diagnostics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Every parser of outside bytes (IDX, gzip, CSV, YAML config) as a function of bytes:
        // what the libFuzzer drivers below call and what FuzzEntryPointsTests replays.
        .target(name: "FuzzEntryPoints", dependencies: ["Datasets", "Compression", "Experiments"]),

        // Test helpers: fixture paths and small numeric utilities shared by the test targets.
        .target(name: "TestSupport", dependencies: ["Tensor", "Datasets"], path: "Tests/TestSupport"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"]),
        .testTarget(name: "InitializersTests", dependencies: ["Initializers", "Tensor", "TestSupport"]),
        .testTarget(name: "NetworkTests", dependencies: ["Network", "Tensor", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Compression", "Tensor", "TestSupport"]),
        .testTarget(name: "TrainingTests",
                    dependencies: ["Training", "Network", "Initializers", "Datasets", "Tensor", "TestSupport"]),
        .testTarget(name: "ExperimentsTests",
                    dependencies: ["Experiments", "Datasets", "Initializers", "Network", "Training", "Probes", "Diagnostics", "Tensor", "TestSupport"]),
        .testTarget(name: "ProbesTests",
                    dependencies: ["Probes", "Training", "Network", "Initializers", "Datasets", "Tensor", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests",
                    dependencies: ["Diagnostics", "Probes", "Training", "Network", "Initializers", "Datasets", "Tensor", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "CairoRendererTests", dependencies: ["CairoRenderer", "Charts"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Experiments", "Training", "Charts", "Templates", "Compression", "Probes", "Tensor", "TestSupport"]),
        .testTarget(name: "FuzzEntryPointsTests", dependencies: ["FuzzEntryPoints", "TestSupport"]),
        .testTarget(name: "initscopeTests", dependencies: ["initscope", "Experiments", "Training", "Diagnostics", "TestSupport"]),
    ]
)

// libFuzzer drivers, one per FuzzTarget (Fuzz/Fuzz<Target>/main.swift). Declared only when
// INITSCOPE_FUZZ=1, which `make fuzz` sets: they need libFuzzer, which only -sanitize=fuzzer
// links, and an ordinary build has no use for them.
if Context.environment["INITSCOPE_FUZZ"] == "1" {
    package.targets.append(.systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"))
    for name in ["FuzzIDX", "FuzzGzip", "FuzzCSV", "FuzzConfig"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["CLibFuzzer", "FuzzEntryPoints"], path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
