import Testing
@testable import Calibration

/// Prometheus `query_range` exports (Tests/Fixtures/calibration/prometheus, README there).
@Suite struct PrometheusExportTests {
    static func path(_ name: String) -> String { Fixtures.path("prometheus/" + name) }

    static func message(_ name: String, as metric: ObservedMetric? = nil) -> String? {
        do {
            _ = try PrometheusExport.read(file: path(name), as: metric)
            return nil
        } catch {
            return error.description
        }
    }

    /// Series of one metric are summed per step; a series with no point at a step (the node is gone,
    /// a NaN) counts 0; a Ready=false condition series counts nothing.
    @Test func sumsTheSeriesOfEachMetricOnTheStepGrid() throws {
        let export = try PrometheusExport.read(file: Self.path("nodes-and-replicas.json"))
        #expect(Set(export.series.keys) == [.nodes, .replicas])
        let nodes = try #require(export.series[.nodes])
        #expect(nodes == StepSeries(startSeconds: 1_793_613_600, stepSeconds: 60, values: [1, 2, 2, 1]))
        let replicas = try #require(export.series[.replicas])
        #expect(replicas == StepSeries(startSeconds: 1_793_613_600, stepSeconds: 60, values: [0, 2, 0, 1, 0]))
        #expect(replicas.endSeconds == 1_793_613_900)
        #expect(replicas.value(at: 1_793_613_719.9) == 2)
        #expect(replicas.value(at: 1_793_613_899) == 0)
        #expect(replicas.value(at: 1_793_613_900) == nil)
    }

    /// An aggregated query (`count(kube_node_labels{…})`) has no `__name__`: KIND= names it.
    @Test func readsAnAggregatedQueryAsTheKindNamed() throws {
        let export = try PrometheusExport.read(file: Self.path("aggregated-nodes.json"), as: .nodes)
        #expect(export.series[.nodes]
            == StepSeries(startSeconds: 1_793_613_600.5, stepSeconds: 15, values: [0, 1, 0, 2]))
        #expect(Self.message("aggregated-nodes.json") == Self.path("aggregated-nodes.json")
            + ": data.result[0].metric.__name__: is missing (an aggregated query): say what the file counts with "
            + "--prometheus KIND=FILE (KIND: replicas, ready, nodes, queue)")
    }

    @Test func refusesAnInstantQuery() {
        #expect(Self.message("vector.json") == Self.path("vector.json")
            + ": data.resultType: \"vector\" is not \"matrix\": export a range query (/api/v1/query_range)")
    }

    @Test func refusesPointsOutOfOrder() {
        #expect(Self.message("out-of-order.json") == Self.path("out-of-order.json")
            + ": data.result[0].values[1][0]: 1793613600 is not after the previous point (1793613660.0): "
            + "points must be in time order")
    }

    @Test func refusesAMetricItDoesNotCompare() {
        #expect(Self.message("unknown-metric.json")?.contains(
            "data.result[0].metric.__name__: \"DCGM_FI_DEV_GPU_UTIL\" is not a metric costsim compares") == true)
    }

    @Test func refusesAKubectlExport() {
        #expect(Self.message("../scale-ups/pods.json") == Self.path("../scale-ups/pods.json")
            + ": data: is missing: not a Prometheus query_range response")
    }
}
