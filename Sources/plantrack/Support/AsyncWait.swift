import Dispatch

/// Runs asynchronous library code to its end from a synchronous command (`ParsableCommand`'s
/// `run()` on the main thread): the work runs as a task on Swift's concurrent executor while
/// the main thread waits on a semaphore. The main thread is not one of the executor's
/// threads, so waiting there cannot starve the task. Used by `indicators fetch`
/// (AsyncHTTPClient is asynchronous); every other command is synchronous throughout.
enum AsyncWait {
    /// The result of `work`, or its error, once it has finished.
    static func result<Value: Sendable, Failure: Error>(
        of work: @escaping @Sendable () async throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let box = ResultBox<Value, Failure>()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do throws(Failure) {
                box.result = .success(try await work())
            } catch {
                box.result = .failure(error)
            }
            finished.signal()
        }
        finished.wait()
        // The semaphore orders the task's write before this read.
        guard let result = box.result else { preconditionFailure("the task ended without a result") }
        return try result.get()
    }
}

/// Where the task leaves its result; written once by the task before the semaphore is
/// signalled, read once after the wait.
private final class ResultBox<Value: Sendable, Failure: Error>: @unchecked Sendable {
    var result: Result<Value, Failure>?
}
