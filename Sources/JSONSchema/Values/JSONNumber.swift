/// A JSON number that keeps integers exact and everything else as a `Double`.
///
/// JSON Schema compares numbers by mathematical value, so `1` and `1.0` are equal and hash
/// alike, and a double with no fractional part counts as an integer for `"type": "integer"`.
public enum JSONNumber: Sendable {
    /// An integer written without a fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number: with a fraction or exponent, or too large for `Int64`.
    case double(Double)

    /// The value as a `Double`; may round integers beyond 2^53.
    public var doubleValue: Double {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// Whether the number has no fractional part (`1.0` is an integer).
    public var isInteger: Bool {
        switch self {
        case .integer: return true
        case .double(let d): return d.isFinite && d.rounded(.towardZero) == d
        }
    }

    /// The exact integer value when the number is integral and fits in `Int64`, else nil.
    public var int64Value: Int64? {
        switch self {
        case .integer(let i):
            return i
        case .double(let d):
            guard d.isFinite, d.rounded(.towardZero) == d,
                d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0
            else { return nil }
            return Int64(d)
        }
    }

    /// Three-way comparison by mathematical value: -1, 0 or 1.
    ///
    /// Mixed integer/double comparisons avoid converting the integer to `Double`, which would
    /// round integers above 2^53 and make distinct values compare equal.
    static func compare(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        switch (a, b) {
        case (.integer(let x), .integer(let y)):
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let x), .double(let y)):
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let d), .integer(let i)):
            return compare(d, i)
        case (.integer(let i), .double(let d)):
            return -compare(d, i)
        }
    }

    private static func compare(_ d: Double, _ i: Int64) -> Int {
        if d.isNaN { return 0 }
        if d >= 9_223_372_036_854_775_808.0 { return 1 }
        if d < -9_223_372_036_854_775_808.0 { return -1 }
        let floor = d.rounded(.down)
        let f = Int64(floor)
        if f < i { return -1 }
        if f > i { return 1 }
        return d > floor ? 1 : 0
    }

    /// Whether `self` is an integer multiple of `divisor`.
    ///
    /// Doubles are checked with a small relative tolerance because decimal fractions such as
    /// 0.0001 have no exact binary form (0.0075 / 0.0001 is 74.99999999999999).
    func isMultiple(of divisor: JSONNumber) -> Bool {
        if case .integer(let a) = self, case .integer(let b) = divisor {
            if b == 0 { return false }
            if b == -1 { return true }
            return a % b == 0
        }
        let b = divisor.doubleValue
        guard b != 0 else { return false }
        let q = doubleValue / b
        guard q.isFinite else {
            // Overflowed quotient: an integer is still a multiple of 1/k for integer k.
            let reciprocal = 1 / b
            return isInteger && reciprocal.isFinite && reciprocal.rounded() == reciprocal
        }
        let r = q.rounded()
        return abs(q - r) <= 1e-9 * max(1, abs(q))
    }
}

extension JSONNumber: Hashable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        // Equal values must hash alike across the two cases, so integral doubles hash as Int64.
        if let i = int64Value {
            hasher.combine(i)
        } else {
            hasher.combine(doubleValue)
        }
    }
}

extension JSONNumber: Comparable {
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) < 0
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The number as JSON text: integers without a fraction, doubles in their shortest form.
    public var description: String {
        switch self {
        case .integer(let i):
            return String(i)
        case .double(let d):
            if d.isFinite, d.rounded(.towardZero) == d, abs(d) < 1e15 {
                return String(Int64(d)) + ".0"
            }
            return String(d)
        }
    }
}
