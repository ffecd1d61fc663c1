// swift-tools-version:6.2
import PackageDescription

// Speed and memory benchmarks, kept out of the test run (as in swift-nio's Benchmarks/).
// Run: cd Benchmarks && swift run -c release costsim-bench [name ...]
let package = Package(
    name: "costsim-benchmarks",
    // Linux only, like costsim itself.
    dependencies: [
        // `name:` pins the identity whatever the checkout folder is called.
        .package(name: "costsim", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "costsim-bench",
            dependencies: [
                .product(name: "Simulator", package: "costsim"), .product(name: "Scenarios", package: "costsim"),
                .product(name: "CostModel", package: "costsim"), .product(name: "Sweeps", package: "costsim"),
                .product(name: "Reports", package: "costsim"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ]
)
