/// A small deterministic random source (SplitMix64).
///
/// The generator never uses the standard library's `random(in:using:)` or `shuffled(using:)`:
/// how they consume random bits is not promised to stay the same between Swift releases,
/// and the same seed must give the same commit ids everywhere.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one part of the workspace (an entity, the schedule), so
    /// changing how much one part draws does not shift every other part.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A whole number in `range` (multiply-shift; the tiny bias does not matter here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        fraction() < probability
    }

    /// A number in 0..<1.
    mutating func fraction() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// One element; `items` must not be empty.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[int(0...(items.count - 1))]
    }

    /// `count` distinct elements in random order (Fisher–Yates on a copy).
    mutating func sample<Element>(_ items: [Element], count: Int) -> [Element] {
        var copy = items
        let wanted = min(count, copy.count)
        for index in 0..<wanted {
            copy.swapAt(index, int(index...(copy.count - 1)))
        }
        return Array(copy.prefix(wanted))
    }
}
