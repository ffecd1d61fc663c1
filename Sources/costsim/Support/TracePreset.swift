import ArgumentParser
import Simulator

/// The named trace layouts of ``TraceFormat``.
enum TracePreset: String, ExpressibleByArgument, CaseIterable {
    case costsim
    case azureLLM = "azure-llm"
    case mooncake

    var format: TraceFormat {
        switch self {
        case .costsim: .costsim
        case .azureLLM: .azureLLM
        case .mooncake: .mooncake
        }
    }
}
