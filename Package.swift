// swift-tools-version: 6.0
//
// initscope — train one network under many weight initializers and report why each one
// works or fails. Module flow (nothing imports upwards):
//   Tensor → Initializers, Network, Datasets → Training → Experiments → initscope (CLI)
import PackageDescription

let package = Package(
    name: "initscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "initscope", targets: ["initscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // C libraries, each behind exactly one Swift file.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-pthread-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        .target(name: "Tensor", dependencies: ["CBLAS"]),
        .target(name: "Initializers", dependencies: ["Tensor"]),
        .target(name: "Network", dependencies: ["Tensor"]),
        .target(name: "Datasets", dependencies: ["Tensor", "CZlib"]),
        .target(name: "Training", dependencies: ["Tensor", "Network", "Datasets"]),
        .target(name: "Experiments",
                dependencies: ["Tensor", "Initializers", "Network", "Datasets", "Training"]),
        .executableTarget(name: "initscope", dependencies: [
            "Tensor", "Experiments", "Datasets", "Initializers",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Test helpers: fixture paths and small numeric utilities shared by the test targets.
        .target(name: "TestSupport", dependencies: ["Tensor", "Datasets"], path: "Tests/TestSupport"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"]),
        .testTarget(name: "InitializersTests", dependencies: ["Initializers", "Tensor", "TestSupport"]),
        .testTarget(name: "NetworkTests", dependencies: ["Network", "Tensor", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensor", "TestSupport"]),
        .testTarget(name: "TrainingTests",
                    dependencies: ["Training", "Network", "Initializers", "Datasets", "Tensor", "TestSupport"]),
        .testTarget(name: "ExperimentsTests",
                    dependencies: ["Experiments", "Datasets", "Initializers", "Training", "TestSupport"]),
        .testTarget(name: "initscopeTests", dependencies: ["initscope", "TestSupport"]),
    ]
)
