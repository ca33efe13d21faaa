extension String {
    /// Whether this string sorts before `other` by their UTF-8 bytes: git's order of paths,
    /// and the order every listing here is in.
    ///
    /// Compares the contiguous bytes directly; `utf8.lexicographicallyPrecedes` walks a
    /// generic view and showed in profiles of sorting tens of thousands of paths.
    public func precedesInByteOrder(_ other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                for i in 0..<Swift.min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] }
                return a.count < b.count
            }
        }
    }
}
