// Compiled schemas are shared by threads. Every retain or release of a shared object is an
// atomic write to its reference count, and two threads doing that to the same objects make
// the cache line bounce between cores. Keywords therefore hold unretained references to
// their data; the owning `CompiledSchema` keeps the objects alive in `keptAlive`.

/// Collects the objects that compiled keywords refer to without retaining.
final class KeepAlive {
    private(set) var objects: [AnyObject] = []

    func keep(_ object: AnyObject) {
        objects.append(object)
    }
}
