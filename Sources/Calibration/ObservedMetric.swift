/// What a recorded time series counts, in the simulator's terms (docs/calibration.md, "What validate
/// compares").
public enum ObservedMetric: String, CaseIterable, Sendable, Codable {
    /// The worker deployment's replicas (desired or current).
    case replicas
    /// Its ready pods.
    case ready
    /// GPU nodes.
    case nodes
    /// Messages in the queue: RabbitMQ ready plus unacknowledged.
    case queue

    /// The metric `labels` (with `__name__`) counts; `nil` when the name is not one costsim knows.
    /// `kube_node_status_condition` counts only its `condition="Ready", status="true"` series, and
    /// yields `.ignored` for the others.
    static func of(labels: [String: String]) -> Classification {
        guard let name = labels["__name__"] else { return .unknown }
        switch name {
        case "kube_deployment_spec_replicas", "kube_deployment_status_replicas",
            "kube_horizontalpodautoscaler_status_current_replicas",
            "kube_horizontalpodautoscaler_status_desired_replicas":
            return .metric(.replicas)
        case "kube_deployment_status_replicas_ready", "kube_deployment_status_replicas_available":
            return .metric(.ready)
        case "kube_node_labels", "kube_node_info", "kube_node_created":
            return .metric(.nodes)
        case "kube_node_status_condition":
            return labels["condition"] == "Ready" && labels["status"] == "true" ? .metric(.nodes) : .ignored
        case "rabbitmq_queue_messages_ready", "rabbitmq_queue_messages_unacked",
            "rabbitmq_detailed_queue_messages_ready", "rabbitmq_detailed_queue_messages_unacked":
            return .metric(.queue)
        default:
            return .unknown
        }
    }

    /// How one series is counted.
    enum Classification: Equatable {
        case metric(ObservedMetric)
        /// A known metric's series that counts nothing (a node condition other than Ready=true).
        case ignored
        case unknown
    }
}
