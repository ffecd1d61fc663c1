// swift-tools-version:6.2
import PackageDescription

// Module graph follows the data flow:
//   Simulator (events, no money) ─┬─> CostModel (prices, no events) ─┬─> Analysis (verdict, findings) ─> Reports (Cairo)
//                                 └──────────────────────────────────┘
//   Scenarios reads YAML into Simulator values; Calibration reads kubectl exports (pods, nodes, events)
//   into cold-start phase fits, and Prometheus range data and cloud bills to validate a simulation;
//   the costsim CLI only wires the modules together.
//   Storage (internal) is the one SQLite connection and the one atomic file writer every module uses.
let package = Package(
    name: "costsim",
    // Linux only (no `platforms`): Reports, CostModel and the CLI use Glibc and Linux signal APIs, and
    // Cairo/SQLite come from Debian packages (scripts/setup.sh); macOS is not built or tested.
    // Swift 6.2 is the minimum: InlineArray.
    products: [
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "CostModel", targets: ["CostModel"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Sweeps", targets: ["Sweeps"]),
        .library(name: "Calibration", targets: ["Calibration"]),
        .executable(name: "costsim", targets: ["costsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-fc", providers: [.apt(["libcairo2-dev"])]),
        // zlib's deflate for the PNG encoder (Sources/CZlib).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "Simulator",
            dependencies: [
                "Storage",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(
            name: "Scenarios",
            dependencies: ["Simulator", .product(name: "Yams", package: "Yams")]
        ),
        // libsqlite3 through a thin C shim (Sources/CSQLite).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // SQLite connections and atomic output files, with their error types (no Foundation).
        .target(name: "Storage", dependencies: ["CSQLite"]),
        .target(name: "CostModel", dependencies: ["Simulator", "Storage"]),
        // A scenario's runs pooled per option, judged against the objectives (the verdict), explained
        // in sentences (findings) and across traffic volumes (break-even): what every output shares.
        .target(name: "Analysis", dependencies: ["Simulator", "CostModel"]),
        .target(
            name: "Reports", dependencies: ["Simulator", "CostModel", "Analysis", "Storage", "CCairo", "CZlib"]),
        // Parameter sweeps, confidence intervals, Pareto frontier, recommendations; results in SQLite.
        .target(name: "Sweeps", dependencies: ["Simulator", "CostModel", "Analysis", "Scenarios", "Storage", .product(name: "Yams", package: "Yams")]),
        // Cold-start phases from kubectl exports: one timeline per GPU node scale-up, lognormal fits;
        // Prometheus range data and cloud bills read to check a simulation against them.
        .target(name: "Calibration", dependencies: ["Simulator", "CostModel", "Storage"]),
        .executableTarget(
            name: "costsim",
            dependencies: [
                "Simulator", "Scenarios", "CostModel", "Analysis", "Reports", "Sweeps", "Storage", "Calibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Every input parser as a fuzz target (Fuzz/README.md); scripts/fuzz.sh runs one under libFuzzer.
        .target(name: "FuzzTargets", dependencies: ["Simulator", "Scenarios", "CostModel", "Sweeps", "Calibration"]),
        .executableTarget(name: "costsim-fuzz", dependencies: ["FuzzTargets"]),
        // Each test target names every module it imports, so an incremental build recompiles it when one changes.
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", .product(name: "Histogram", package: "hdrhistogram-swift")]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Simulator"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel", "Simulator", "Storage"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "CostModel", "Scenarios", "Simulator"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Analysis", "CostModel", "Simulator", "Storage"]),
        .testTarget(name: "CLITests", dependencies: ["costsim", "Analysis", "Simulator", "Storage", "Sweeps"]),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "Analysis", "CostModel", "Scenarios", "Simulator", "Storage"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "CostModel", "Scenarios", "Simulator"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
    ]
)
