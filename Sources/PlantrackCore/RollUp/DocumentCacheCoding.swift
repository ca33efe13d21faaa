/// The byte format of the persistent cache of parsed documents (`.git/plantrack/`).
///
/// `PTDC`, the format version, the count, the entries, then an FNV-1a 64-bit checksum of
/// everything before it. A file with another magic, another version, a bad checksum or any
/// malformed entry decodes to nil as a whole: the cache is never partly trusted. Entries are
/// keyed by document kind and blob id; the path and reference are not stored, because the
/// same blob may sit at several paths.
public enum DocumentCacheCoding {
    /// Bump whenever the encoding, ``Document``, the YAML parser or ``DocumentReader``
    /// change what a blob parses to.
    public static let version: UInt32 = 1
    static let magic: [UInt8] = Array("PTDC".utf8)

    /// The cache key of a blob read as a document of `kind`.
    public static func key(kind: DocumentKind, blob: String) -> String { "\(kind.rawValue):\(blob)" }

    /// Encodes documents by key.
    public static func encode(_ documents: [String: Document]) -> [UInt8] {
        var w = Writer()
        w.bytes += magic
        w.u32(version)
        w.int(documents.count)
        for key in documents.keys.sorted() {
            guard let document = documents[key] else { continue }
            w.string(key)
            w.location(document.frontMatterLocation)
            w.int(document.bodyFirstLine)
            w.string(document.body)
            w.mapping(document.frontMatter)
        }
        w.u64(checksum(w.bytes[...]))
        return w.bytes
    }

    /// Decodes a cache file; nil when anything about it is not exactly right. Documents come
    /// back with an empty path and no reference; the caller stamps them.
    public static func decode(_ bytes: [UInt8]) -> [String: Document]? {
        guard bytes.count >= magic.count + 12 else { return nil }
        let payload = bytes[0..<(bytes.count - 8)]
        var tail = Reader(bytes: bytes, position: bytes.count - 8)
        guard let stored = tail.u64(), stored == checksum(payload) else { return nil }
        var r = Reader(bytes: Array(payload), position: 0)
        guard r.take(magic.count) == magic[...], r.u32() == version, let count = r.int(), count >= 0 else { return nil }
        var result: [String: Document] = [:]
        for _ in 0..<count {
            guard let key = r.string(), let location = r.location(), let bodyLine = r.int(), let body = r.string(),
                  let mapping = r.mapping(depth: 0),
                  let kindText = key.split(separator: ":").first, let kind = DocumentKind(rawValue: String(kindText))
            else { return nil }
            result[key] = Document(path: "", kind: kind, reference: nil, contentID: String(key.dropFirst(kindText.count + 1)),
                                   frontMatter: mapping, frontMatterLocation: location, body: body, bodyFirstLine: bodyLine)
        }
        guard r.position == r.bytes.count else { return nil }
        return result
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
        mutating func string(_ s: String) {
            let utf8 = Array(s.utf8)
            int(utf8.count)
            bytes += utf8
        }
        mutating func location(_ l: SourceLocation) {
            int(l.line)
            int(l.column)
        }
        mutating func node(_ n: YAMLNode) {
            location(n.location)
            switch n.content {
            case .null: bytes.append(0)
            case .bool(let b): bytes.append(1); bytes.append(b ? 1 : 0)
            case .integer(let i): bytes.append(2); int(i)
            case .float(let d): bytes.append(3); u64(d.bitPattern)
            case .string(let s): bytes.append(4); string(s)
            case .sequence(let items):
                bytes.append(5)
                int(items.count)
                for item in items { node(item) }
            case .mapping(let m): bytes.append(6); mapping(m)
            }
        }
        mutating func mapping(_ m: YAMLMapping) {
            int(m.entries.count)
            for entry in m.entries {
                string(entry.key)
                location(entry.keyLocation)
                node(entry.value)
            }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position: Int
        /// Nesting is limited like the YAML parser's, so a crafted file cannot overflow the stack.
        static let maxDepth = 256

        mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, position + n <= bytes.count else { return nil }
            defer { position += n }
            return bytes[position..<(position + n)]
        }
        mutating func u32() -> UInt32? {
            guard let b = take(4) else { return nil }
            return b.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        mutating func u64() -> UInt64? {
            guard let b = take(8) else { return nil }
            return b.reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }
        mutating func count() -> Int? {
            guard let n = int(), n >= 0, n <= bytes.count - position else { return nil }
            return n
        }
        mutating func string() -> String? {
            guard let n = count(), let b = take(n) else { return nil }
            return String(validating: b, as: UTF8.self)
        }
        mutating func location() -> SourceLocation? {
            guard let line = int(), let column = int() else { return nil }
            return SourceLocation(line: line, column: column)
        }
        mutating func node(depth: Int) -> YAMLNode? {
            guard depth < Self.maxDepth, let at = location(), let tag = take(1)?.first else { return nil }
            switch tag {
            case 0: return YAMLNode(.null, at: at)
            case 1:
                guard let b = take(1)?.first, b <= 1 else { return nil }
                return YAMLNode(.bool(b == 1), at: at)
            case 2: return int().map { YAMLNode(.integer($0), at: at) }
            case 3: return u64().map { YAMLNode(.float(Double(bitPattern: $0)), at: at) }
            case 4: return string().map { YAMLNode(.string($0), at: at) }
            case 5:
                guard let n = count() else { return nil }
                var items: [YAMLNode] = []
                for _ in 0..<n {
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return YAMLNode(.sequence(items), at: at)
            case 6: return mapping(depth: depth + 1).map { YAMLNode(.mapping($0), at: at) }
            default: return nil
            }
        }
        mutating func mapping(depth: Int) -> YAMLMapping? {
            guard depth < Self.maxDepth, let n = count() else { return nil }
            var entries: [YAMLMapping.Entry] = []
            for _ in 0..<n {
                guard let key = string(), let at = location(), let value = node(depth: depth + 1) else { return nil }
                entries.append(YAMLMapping.Entry(key: key, keyLocation: at, value: value))
            }
            return YAMLMapping(entries)
        }
    }
}
