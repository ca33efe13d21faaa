import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Maps over an array on all cores, keeping the order.
enum ParallelMap {
    /// Below this many elements the work is done on the calling thread: spreading a handful
    /// of small parses over threads costs more than it saves.
    static let threshold = 64

    /// How many elements one task maps, at most. Tasks are handed out as threads free up,
    /// so small tasks keep the cores busy to the end even when elements differ in cost or
    /// another process takes a core for a while (with a few large tasks, the last one
    /// left one core idle for a tenth of a national `validate`).
    static let taskSize = 64

    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count >= threshold else { return items.map(transform) }
        let tasks = min(items.count, max(ProcessInfoCores.count * 16, (items.count + taskSize - 1) / taskSize))
        // Each task initialises its own range of the result; all are initialised when
        // `concurrentPerform` returns.
        return [R](unsafeUninitializedCapacity: items.count) { buffer, count in
            let box = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                let lower = items.count * task / tasks
                let upper = items.count * (task + 1) / tasks
                for i in lower..<upper { box.buffer.initializeElement(at: i, to: transform(items[i])) }
            }
            count = items.count
        }
    }
}

extension ParallelMap {
    /// Maps batches on all cores while the calling thread prepares the next one.
    ///
    /// `next` runs on the calling thread (it may read from something that is not
    /// thread-safe, such as a libgit2 repository) until it returns nil; each batch is mapped
    /// on all cores while `next` reads the following one, so reading and parsing overlap.
    /// `consume` gets each batch with its results, in order, on the calling thread.
    static func pipeline<T: Sendable, R: Sendable>(
        next: () -> [T]?, transform: @escaping @Sendable (T) -> R, consume: ([T], [R]) -> Void
    ) {
        var pending: (items: [T], group: DispatchGroup, box: ResultBox<[R]>)?
        while let batch = next() {
            let box = ResultBox<[R]>()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { box.value = map(batch, transform) }
            if let previous = pending {
                previous.group.wait()
                consume(previous.items, previous.box.value ?? [])
            }
            pending = (batch, group, box)
        }
        if let last = pending {
            last.group.wait()
            consume(last.items, last.box.value ?? [])
        }
    }
}

/// Written by one task before its group leaves, read after waiting on the group.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}

/// Each chunk writes a disjoint range of the buffer, so sharing it across threads is safe.
private struct UnsafeSendableBuffer<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R>
    init(_ buffer: UnsafeMutableBufferPointer<R>) { self.buffer = buffer }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 2
        #endif
    }()
}
