import Foundation
import Testing
@testable import Calibration

/// Exports that are not what calibrate reads: the error names the file and the field.
@Suite struct BadExportTests {
    static func message(_ paths: [String]) -> String? {
        do {
            _ = try ClusterExport.read(paths: paths)
            return nil
        } catch {
            return error.description
        }
    }

    static let kinds = "is not one of List, PodList, NodeList, EventList, NodeClaimList, Pod, Node, Event or NodeClaim"

    @Test func refusesAListOfAnotherKind() {
        let path = Fixtures.path("bad/deployments.json")
        #expect(Self.message([path])
            == "\(path): kind: \"DeploymentList\" \(Self.kinds)")
    }

    @Test func refusesAnItemOfAnotherKindInAList() {
        let path = Fixtures.path("bad/list-of-deployments.json")
        #expect(Self.message([path])
            == "\(path): items[0].kind: \"Deployment\" \(Self.kinds)")
    }

    @Test func namesTheFieldOfATimestampThatDoesNotParse() {
        let path = Fixtures.path("bad/bad-timestamp.json")
        #expect(Self.message([path])
            == "\(path): items[0].metadata.creationTimestamp: \"2026-11-02 10:00:00\" is not an RFC 3339 time")
    }

    /// A FIFO would block the read: it is named by its kind, as every other input names it.
    @Test func refusesAFIFOByName() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("events.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(Self.message([fifo]) == "\(fifo): is a named pipe (FIFO), not a regular file")
    }

    @Test func refusesWhatIsNotAKubernetesExport() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notJSON = directory.appendingPathComponent("a.json").path
        try "kind: PodList\n".write(toFile: notJSON, atomically: true, encoding: .utf8)
        #expect(Self.message([notJSON])?.hasPrefix("\(notJSON): is not JSON") == true)
        let array = directory.appendingPathComponent("b.json").path
        try "[]".write(toFile: array, atomically: true, encoding: .utf8)
        #expect(Self.message([array]) == "\(array): is not a JSON object (kubectl get … -o json)")
        let noKind = directory.appendingPathComponent("c.json").path
        try "{\"items\": []}".write(toFile: noKind, atomically: true, encoding: .utf8)
        #expect(Self.message([noKind]) == "\(noKind): kind: is missing: not a Kubernetes export")
        let badCount = directory.appendingPathComponent("d.json").path
        try """
            {"kind": "EventList", "items": [{"involvedObject": {"kind": "Pod", "name": "p"}, "reason": "Pulled",
             "firstTimestamp": "2026-11-02T10:00:00Z", "count": -3}]}
            """.write(toFile: badCount, atomically: true, encoding: .utf8)
        #expect(Self.message([badCount]) == "\(badCount): items[0].count: is not a whole number within 1...1000000000")
        let missing = directory.appendingPathComponent("none.json").path
        #expect(Self.message([missing]) == "\(missing): no such file or directory")
    }
}
