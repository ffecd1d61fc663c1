import Foundation

// Inputs that outputs must not overwrite (``AtomicFile/refuseSameFile(outputs:inputs:)``).

extension ScenarioOptions {
    /// The files these options read, as (option, path).
    var inputFiles: [(option: String, path: String?)] {
        [("--scenario", scenario), ("--trace", trace), ("--keda", keda), ("--nodepool", nodepool)]
    }
}

extension PricingOptions {
    /// The price catalog file read, as (option, path).
    var inputFiles: [(option: String, path: String?)] {
        [("--pricing", pricing)]
    }
}
