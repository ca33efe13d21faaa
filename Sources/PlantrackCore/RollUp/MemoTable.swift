/// One table of a ``RollUpMemo``: records by key, each the encoded value and a checksum
/// (see ``RollUpMemo/encoded(limit:)``), from a file or made in this run. Values are kept
/// encoded — a history's worth of figures takes a fraction of the memory as bytes — and
/// decoded when looked up; ``LastAnswers`` keeps the values used again decoded.
struct MemoTable<Value: Sendable>: Sendable {
    private let encode: @Sendable (Value, inout ByteWriter) -> Void
    private let decode: @Sendable (inout ByteReader) -> Value?
    /// Records by key: from the file, and made in this run.
    private var records: [String: ArraySlice<UInt8>] = [:]
    /// Keys of the records this run used or made.
    private var used: Set<String> = []
    /// Whether records were made in this run.
    private(set) var hasNewEntries = false
    /// Values made in this run from content without a stable id (the working tree).
    private var volatile: [String: Value] = [:]

    init(encode: @escaping @Sendable (Value, inout ByteWriter) -> Void, decode: @escaping @Sendable (inout ByteReader) -> Value?) {
        self.encode = encode
        self.decode = decode
    }

    var count: Int { records.count + volatile.count }

    /// The bytes of all records.
    var size: Int { records.values.reduce(0) { $0 + $1.count } }

    /// The value for `key`; nil when there is none or its record is damaged (which is then
    /// dropped, never trusted, and not written back).
    mutating func value(for key: MemoKey) -> Value? {
        if !key.isPersistent { return volatile[key.text] }
        guard let record = records[key.text] else { return nil }
        guard record.count >= 8 else {
            records[key.text] = nil
            return nil
        }
        let payload = record[..<(record.endIndex - 8)]
        var sumReader = ByteReader(bytes: record[payload.endIndex...])
        var body = ByteReader(bytes: payload)
        guard let sum = sumReader.u64(), sum == ByteWriter.checksum(key.text, payload),
            let value = decode(&body), body.isAtEnd
        else {
            records[key.text] = nil
            return nil
        }
        used.insert(key.text)
        return value
    }

    /// Records `value` for `key`.
    mutating func set(_ value: Value, for key: MemoKey) {
        set(recorder.record(of: value, for: key))
    }

    /// A value with its key and, for a persistent key, its encoded bytes: what ``set(_:)``
    /// stores. Making one is the costly part of recording, and may be done on any thread
    /// (``Recorder``).
    struct Record: Sendable {
        let key: MemoKey
        let value: Value
        let bytes: ArraySlice<UInt8>?
    }

    /// Makes records of this table's values, on any thread; it holds the encoder only, not
    /// the table (a copy of which would make the next ``set(_:)`` copy every record).
    struct Recorder: Sendable {
        fileprivate let encode: @Sendable (Value, inout ByteWriter) -> Void

        /// The record of `value` for `key` (encoded and checksummed when the key is persistent).
        func record(of value: Value, for key: MemoKey) -> Record {
            guard key.isPersistent else { return Record(key: key, value: value, bytes: nil) }
            var w = ByteWriter()
            encode(value, &w)
            let sum = ByteWriter.checksum(key.text, w.bytes[...])
            w.u64(sum)
            return Record(key: key, value: value, bytes: w.bytes[...])
        }
    }

    /// See ``Recorder``.
    var recorder: Recorder { Recorder(encode: encode) }

    /// Stores a record made by a ``Recorder``.
    mutating func set(_ record: Record) {
        guard let bytes = record.bytes else {
            volatile[record.key.text] = record.value
            return
        }
        records[record.key.text] = bytes
        used.insert(record.key.text)
        hasNewEntries = true
    }

    /// Writes the records (only those this run used or made when `onlyUsed`), calling
    /// `flush` after each.
    func write(into w: inout ByteWriter, onlyUsed: Bool, flush: (inout ByteWriter) -> Void) {
        let kept = onlyUsed ? records.filter { used.contains($0.key) } : records
        w.int(kept.count)
        for (key, record) in kept {
            w.string(key)
            w.int(record.count)
            w.bytes += record
            flush(&w)
        }
    }

    /// Reads a table written by ``write(into:)``; nil when it is malformed.
    mutating func read(from r: inout ByteReader) -> Bool {
        guard let count = r.count() else { return false }
        records.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = r.string(), let length = r.count(), let record = r.take(length) else { return false }
            records[key] = record
        }
        return true
    }
}

/// A memo key: text that names a plan and digests of what an entry was computed from.
/// Keys built from content without blob ids are not persistent.
struct MemoKey: Hashable, Sendable {
    var text: String
    var isPersistent: Bool
}
