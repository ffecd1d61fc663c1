import ArgumentParser
import Simulator

/// The named trace layouts of ``TraceFormat``, and ServeGen's per-window rate files.
enum TracePreset: String, ExpressibleByArgument, CaseIterable {
    case costsim
    case azureLLM = "azure-llm"
    case mooncake
    /// ingress-nginx access logs (default `log-format-upstream`).
    case nginx
    /// Envoy / Istio access logs in Istio's default JSON layout.
    case envoyJSON = "envoy-json"
    /// Not requests but per-window rates to generate them from (``RateTrace``).
    case servegen

    /// The layout of a request trace; `nil` for a rate file.
    var format: TraceFormat? {
        switch self {
        case .costsim: .costsim
        case .azureLLM: .azureLLM
        case .mooncake: .mooncake
        case .nginx: .nginx()
        case .envoyJSON: .envoyJSON
        case .servegen: nil
        }
    }
}
