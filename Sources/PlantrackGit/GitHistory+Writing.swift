import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The writing half of the seam: the working tree, the write lock, commits and tags.
extension GitHistory {
    public func workingTree() -> any Snapshot { DirectorySnapshot(root: root) }

    public func state(ofWorkingFile path: String) throws -> WorkingFileState {
        let status: PathStatus
        do {
            status = try repository.status(ofPath: path)
        } catch {
            throw HistoryError.failed("\(error)")
        }
        return WorkingFileState(
            isUnchanged: status.isUnchanged, isAbsent: status.isAbsent, isIgnored: status.isIgnored,
            summary: status.summary)
    }

    public func configuredAuthor() throws -> Author {
        do {
            return try Author.default(in: repository)
        } catch {
            throw HistoryError.noIdentity
        }
    }

    /// Holds `.git/plantrack-write.lock` (``RepositoryWriteLock``) and, with
    /// `includingIndex`, waits while another git program holds `.git/index.lock`.
    public func withWriteLock<Result>(
        waiting seconds: Double, includingIndex: Bool, _ body: () throws -> Result
    ) throws -> Result {
        let lock: RepositoryWriteLock
        do {
            lock = try RepositoryWriteLock(repository, timeout: seconds)
        } catch {
            throw HistoryError.locked(detail: "\(error); waited \(Self.seconds(seconds))")
        }
        defer { lock.release() }
        if includingIndex {
            // A commit updates the index: wait (bounded) for a git program that holds it.
            let deadline = RepositoryWriteLock.now() + max(0, seconds)
            while repository.isIndexLocked {
                if RepositoryWriteLock.now() >= deadline {
                    throw HistoryError.locked(
                        detail: "the git index is locked (\(repository.path)index.lock exists): another git program is "
                            + "working in this repository. Waited \(Self.seconds(seconds)); try again when it has finished "
                            + "(if none is running, delete the lock file)")
                }
                usleep(50_000)
            }
        }
        return try body()
    }

    public func writeWorkingFiles(_ files: [String: [UInt8]]) throws {
        for path in files.keys.sorted() {
            guard let bytes = files[path] else { continue }
            try AtomicFile.write(bytes, to: root + "/" + path)
        }
    }

    public func commitWorkingFiles(_ paths: [String], message: String, author: Author) throws -> HistoryCommit {
        let id: ObjectID
        do {
            id = try repository.commitWorkingFiles(paths, message: message, signature: author)
        } catch {
            throw HistoryError.failed("\(error)")
        }
        return try commit(id: id.hex)
    }

    public func createTag(named name: String, at id: String, tagger: Author, message: String) throws {
        do {
            guard let objectID = ObjectID(hex: id) else { throw HistoryError.failed("'\(id)' is not a commit id") }
            let target = try repository.commit(objectID)
            try repository.createTag(named: name, target: target, tagger: tagger, message: message)
        } catch let error as GitError where error.code == .exists {
            throw HistoryError.tagExists(name)
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError.failed("\(error)")
        }
    }

    /// `10 s`, `0.5 s`: a wait as messages say it.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
