/// A growable set of small non-negative integers: the positions of object members or array
/// items that some keyword has evaluated. The first 64 live inline, so typical documents
/// never allocate for it.
struct BitSet {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    mutating func insert(_ i: Int) {
        if i < 64 {
            low |= 1 << UInt64(i)
            return
        }
        let word = i / 64 - 1
        if high.count <= word {
            high.append(contentsOf: repeatElement(0, count: word - high.count + 1))
        }
        high[word] |= 1 << UInt64(i % 64)
    }

    func contains(_ i: Int) -> Bool {
        if i < 64 { return low & (1 << UInt64(i)) != 0 }
        let word = i / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(i % 64)) != 0
    }

    mutating func formUnion(_ other: BitSet) {
        low |= other.low
        if other.high.isEmpty { return }
        if high.count < other.high.count {
            high.append(contentsOf: repeatElement(0, count: other.high.count - high.count))
        }
        for (i, w) in other.high.enumerated() {
            high[i] |= w
        }
    }

    /// Inserts every position in `range`.
    mutating func insert(_ range: Range<Int>) {
        for i in range { insert(i) }
    }
}
