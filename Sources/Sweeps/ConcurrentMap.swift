import Foundation

/// `(0..<count).map(transform)` on up to `jobs` concurrent tasks (structured concurrency): the
/// results come back in index order whatever the number of jobs, and the error thrown is that of
/// the first failing index. For independent simulations — each owns its state. (`Sweep.run` has
/// its own loop: it adds progress, a stop flag and per-configuration summaries.)
///
/// - Parameter startOrder: the order in which to start the indices (a permutation of
///   `0..<count`; default: ascending) — longest first, so that a long run does not start last
///   and leave the other cores idle. Results and errors do not depend on it.
public func concurrentMap<Result: Sendable>(
    count: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, startOrder: [Int]? = nil,
    _ transform: @escaping @Sendable (Int) throws -> Result
) async throws -> [Result] {
    let order = startOrder ?? Array(0..<count)
    precondition(order.count == count && Set(order) == Set(0..<count), "startOrder must be a permutation of 0..<count")
    var results = [Swift.Result<Result, any Error>?](repeating: nil, count: count)
    await withTaskGroup(of: (Int, Swift.Result<Result, any Error>).self) { group in
        var next = 0
        func startNext() {
            guard next < count else { return }
            let index = order[next]
            next += 1
            group.addTask { (index, Swift.Result { try transform(index) }) }
        }
        for _ in 0..<Swift.max(1, jobs) { startNext() }
        for await (index, result) in group {
            results[index] = result
            startNext()
        }
    }
    return try results.map { try $0!.get() }
}
