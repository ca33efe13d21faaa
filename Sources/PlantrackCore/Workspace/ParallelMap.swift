#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Maps over an array on all cores, keeping the order.
enum ParallelMap {
    /// Below this many elements the work is done on the calling thread: spreading a handful
    /// of small parses over threads costs more than it saves.
    static let threshold = 64

    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count >= threshold else { return items.map(transform) }
        let chunks = min(items.count, ProcessInfoCores.count * 4)
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        // The elements must be deinitialized before the memory goes, or every result leaks.
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let box = UnsafeSendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = items.count * chunk / chunks
            let upper = items.count * (chunk + 1) / chunks
            for i in lower..<upper { box.buffer[i] = transform(items[i]) }
        }
        return results.compactMap { $0 }
    }
}

/// Each chunk writes a disjoint range of the buffer, so sharing it across threads is safe.
private struct UnsafeSendableBuffer<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R?>
    init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
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
