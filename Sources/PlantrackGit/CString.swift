#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The length of a NUL-terminated C string libgit2 returned (`strlen`).
func cStringLength(_ text: UnsafePointer<CChar>) -> Int {
    strlen(text)
}
