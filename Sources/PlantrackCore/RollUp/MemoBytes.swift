// The memo's bytes: little-endian numbers, strings and dates, checked on reading.

/// Little-endian writer of the memo's records.
struct ByteWriter: Sendable {
    var bytes: [UInt8] = []

    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes += s.utf8
    }
    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }
    mutating func date(_ d: CalendarDate?) {
        bool(d != nil)
        if let d {
            int(d.year)
            int(d.month)
            int(d.day)
        }
    }
    mutating func reference(_ r: ItemReference) {
        string(r.county)
        bool(r.year != nil)
        if let year = r.year { int(year) }
        optionalString(r.id)
    }

    /// The checksum of a record's key and bytes (the first half of their ``ContentDigest``).
    static func checksum(_ key: String, _ bytes: ArraySlice<UInt8>) -> UInt64 {
        var digest = ContentDigest()
        digest.add(key)
        digest.add(bytes: bytes)
        return digest.value.0
    }
}

/// Reader of what ``ByteWriter`` wrote, in place (a record is read where the file's bytes
/// hold it); every read is checked, nil on anything malformed.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, n <= bytes.endIndex - position else { return nil }
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
    mutating func bool() -> Bool? {
        guard let b = take(1)?.first, b <= 1 else { return nil }
        return b == 1
    }
    /// A count that cannot exceed the bytes left (each counted thing takes at least one).
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= bytes.endIndex - position else { return nil }
        return n
    }
    mutating func string() -> String? {
        guard let n = count(), let b = take(n) else { return nil }
        return String(validating: b, as: UTF8.self)
    }
    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var list: [String] = []
        for _ in 0..<n {
            guard let s = string() else { return nil }
            list.append(s)
        }
        return list
    }
    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return string().map { .some($0) }
    }
    mutating func optionalDouble() -> Double?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return u64().map { .some(Double(bitPattern: $0)) }
    }
    mutating func date() -> CalendarDate?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let y = int(), let m = int(), let d = int(), let date = CalendarDate(year: y, month: m, day: d) else { return nil }
        return .some(date)
    }
    mutating func reference() -> ItemReference? {
        guard let county = string(), let hasYear = bool() else { return nil }
        var year: Int?
        if hasYear {
            guard let y = int() else { return nil }
            year = y
        }
        guard let id = optionalString() else { return nil }
        return ItemReference(county: county, year: year, id: id)
    }

}
