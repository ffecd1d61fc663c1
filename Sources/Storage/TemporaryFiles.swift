import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The temporary files (and new directories) alive right now, removed if the process is
/// interrupted: while one is registered, SIGINT and SIGTERM run a handler that unlinks them
/// (directories: `rmdir`, only if empty) and exits with status 128 + signal.
///
/// The handler is installed when the first path is registered and the previous disposition is
/// restored when the last is released, and only for a signal whose disposition is the default:
/// an ignored signal stays ignored, and a command's own handler (`costsim sweep` counts Ctrl-C
/// while it runs, then writes what finished) is left alone.
///
/// The handler is async-signal-safe: paths are copied into preallocated C buffers when they are
/// registered, so it only reads atomics and calls `unlink`, `rmdir` and `_exit`. A signal that
/// arrives while a batch is being committed waits for the renames to finish.
package enum TemporaryFiles {
    /// A registered path; `release()` it once the file is renamed or removed.
    package struct Registration {
        fileprivate let slot: Int

        package func release() { TemporaryFiles.release(slot) }
    }

    package enum Kind: Int {
        case file = 1, directory = 2
    }

    /// How many paths can be registered at once; beyond that, paths are not registered (and not
    /// removed on interrupt).
    static let capacity = 64
    /// The longest path registered, in bytes with the terminating NUL.
    static let pathCapacity = Int(PATH_MAX)

    /// `capacity` buffers of `pathCapacity` bytes, allocated once and never freed.
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(
        capacity: capacity * pathCapacity)
    /// Per buffer: 0 free, else the ``Kind`` of the path in it.
    nonisolated(unsafe) private static let states: UnsafeMutablePointer<Atomic<Int>> = {
        let states = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: capacity)
        for slot in 0..<capacity { (states + slot).initialize(to: Atomic(0)) }
        return states
    }()
    /// Commits in progress; -1 once the handler has started removing files.
    private static let commits = Atomic<Int>(0)
    /// A signal that arrived during a commit, handled when the commit ends.
    private static let pendingSignal = Atomic<Int32>(0)

    /// Which buffers are in use, how many, and the signal dispositions the handler replaced.
    private struct Slots {
        var used = [Bool](repeating: false, count: capacity)
        var registered = 0
        var replacedActions: [(signal: Int32, action: sigaction)] = []
    }
    private static let slots = Mutex(Slots())

    /// Registers `path` (made absolute) for removal on interrupt; `nil` if it cannot be
    /// registered (too long, or `capacity` paths already registered).
    package static func register(_ path: String, kind: Kind) -> Registration? {
        let bytes = Array(FileIdentity.absolute(path).utf8CString)
        guard bytes.count <= pathCapacity else { return nil }
        return slots.withLock { slots in
            guard let slot = slots.used.firstIndex(of: false) else { return nil }
            slots.used[slot] = true
            bytes.withUnsafeBufferPointer {
                (paths + slot * pathCapacity).update(from: $0.baseAddress!, count: $0.count)
            }
            states[slot].store(kind.rawValue, ordering: .releasing)
            slots.registered += 1
            if slots.registered == 1 { slots.replacedActions = installHandlers() }
            return Registration(slot: slot)
        }
    }

    fileprivate static func release(_ slot: Int) {
        slots.withLock { slots in
            guard slots.used[slot] else { return }
            states[slot].store(0, ordering: .releasing)
            slots.used[slot] = false
            slots.registered -= 1
            if slots.registered == 0 {
                restoreHandlers(slots.replacedActions)
                slots.replacedActions = []
            }
        }
    }

    /// Holds off the interrupt handler until ``endCommit()``, so that a batch's renames are
    /// not cut in half.
    static func beginCommit() {
        while true {
            let current = commits.load(ordering: .acquiring)
            if current < 0 {
                while true { pause() }  // the handler is removing the files and will exit the process
            }
            let entered = commits.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if entered.exchanged { return }
        }
    }

    /// Ends a commit; if a signal arrived during it, handles it now (removes what is still
    /// registered and exits).
    static func endCommit() {
        let remaining = commits.subtract(1, ordering: .acquiringAndReleasing).newValue
        let signal = pendingSignal.load(ordering: .acquiring)
        guard remaining == 0, signal != 0,
            commits.compareExchange(expected: 0, desired: -1, ordering: .acquiringAndReleasing).exchanged
        else { return }
        removeRegisteredAndExit(signal)
    }

    // MARK: Signal handling

    private static let signals: [Int32] = [SIGINT, SIGTERM]

    /// Installs the handler for each signal at its default disposition; returns what it replaced.
    private static func installHandlers() -> [(signal: Int32, action: sigaction)] {
        var replacedActions: [(signal: Int32, action: sigaction)] = []
        // Initialize every static the handler reads now, so that it never runs an initializer.
        _ = (
            commits.load(ordering: .relaxed), pendingSignal.load(ordering: .relaxed), states, paths, capacity,
            pathCapacity
        )
        for signal in signals {
            var current = sigaction()
            // nil: SIG_DFL
            guard sigaction(signal, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { TemporaryFiles.interrupted($0) }
            sigemptyset(&action.sa_mask)
            for blocked in signals { sigaddset(&action.sa_mask, blocked) }
            if sigaction(signal, &action, nil) == 0 { replacedActions.append((signal, current)) }
        }
        return replacedActions
    }

    private static func restoreHandlers(_ replacedActions: [(signal: Int32, action: sigaction)]) {
        for var replaced in replacedActions { sigaction(replaced.signal, &replaced.action, nil) }
    }

    /// The signal handler: defers to a commit in progress, else removes the registered paths and
    /// exits with 128 + `signal`.
    private static func interrupted(_ signal: Int32) {
        while true {
            let current = commits.load(ordering: .acquiring)
            if current > 0 {
                pendingSignal.store(signal, ordering: .releasing)
                return
            }
            if current < 0 { return }  // another thread is already removing the files
            if commits.compareExchange(expected: 0, desired: -1, ordering: .acquiringAndReleasing).exchanged { break }
        }
        removeRegisteredAndExit(signal)
    }

    /// Unlinks the registered files, removes the registered directories that are empty
    /// (innermost first: repeated until none can be removed) and exits. Async-signal-safe.
    private static func removeRegisteredAndExit(_ signal: Int32) -> Never {
        for slot in 0..<capacity where states[slot].load(ordering: .acquiring) == Kind.file.rawValue {
            unlink(paths + slot * pathCapacity)
        }
        var removedOne = true
        while removedOne {
            removedOne = false
            for slot in 0..<capacity where states[slot].load(ordering: .acquiring) == Kind.directory.rawValue {
                if rmdir(paths + slot * pathCapacity) == 0 {
                    states[slot].store(0, ordering: .releasing)
                    removedOne = true
                }
            }
        }
        _exit(128 + signal)
    }
}
