import Foundation

/// Runs `transform` for every index of `0..<count` on up to `jobs` concurrent tasks (structured
/// concurrency) and hands the results to `consume` one by one in start order, each as soon as
/// it and every run started before it are done — so a caller that folds them as they come keeps
/// only what it folds, and folds in the same order whatever the number of jobs. At most
/// `4 × jobs` finished results wait for an earlier one: a later index does not start while
/// that many wait. For independent simulations — each owns its state. (`Sweep.run` has its own
/// loop: it adds progress, a stop flag and per-configuration summaries.)
///
/// - Parameter startOrder: the order in which to start and consume the indices (a permutation
///   of `0..<count`; default: ascending) — longest first, so that a long run does not start last
///   and leave the other cores idle.
/// - Throws: the error of the first failing run in start order (`transform`'s or `consume`'s);
///   no run starts after it.
public func concurrentForEach<Result: Sendable>(
    count: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, startOrder: [Int]? = nil,
    _ transform: @escaping @Sendable (Int) throws -> Result, consume: (Int, Result) throws -> Void
) async throws {
    let order = startOrder ?? Array(0..<count)
    precondition(order.count == count && Set(order) == Set(0..<count), "startOrder must be a permutation of 0..<count")
    let jobs = Swift.max(1, jobs)
    let window = 4 * jobs
    var failure: (any Error)?
    await withTaskGroup(of: (Int, Swift.Result<Result, any Error>).self) { group in
        var started = 0
        var finished = 0
        var consumed = 0
        var waiting: [Int: Swift.Result<Result, any Error>] = [:]  // by position in `order`
        func startMore() {
            while failure == nil, started < count, started - finished < jobs, started < consumed + window {
                let position = started
                let index = order[position]
                started += 1
                group.addTask { (position, Swift.Result { try transform(index) }) }
            }
        }
        startMore()
        for await (position, result) in group {
            finished += 1
            waiting[position] = result
            while let ready = waiting.removeValue(forKey: consumed) {
                if failure == nil {
                    do { try consume(order[consumed], ready.get()) } catch { failure = error }
                }
                consumed += 1
            }
            startMore()
        }
    }
    if let failure { throw failure }
}

/// `(0..<count).map(transform)` on up to `jobs` concurrent tasks
/// (``concurrentForEach(count:jobs:startOrder:_:consume:)``):
/// the results come back in index order whatever the number of jobs, and the error thrown is
/// that of the first failing index (every index runs).
public func concurrentMap<Result: Sendable>(
    count: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, startOrder: [Int]? = nil,
    _ transform: @escaping @Sendable (Int) throws -> Result
) async throws -> [Result] {
    var results = [Swift.Result<Result, any Error>?](repeating: nil, count: count)
    try await concurrentForEach(
        count: count, jobs: jobs, startOrder: startOrder, { index in Swift.Result { try transform(index) } }
    ) { index, result in
        results[index] = result
    }
    return try results.map { try $0!.get() }
}
