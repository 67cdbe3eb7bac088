import Foundation

extension Array<UInt8> {
    /// Where `needle` first occurs at or after `start`. It jumps with `memchr` from one
    /// occurrence of the needle's byte at `anchor` to the next, and compares with `memcmp`:
    /// readers search whole files with it, so a byte that is rare in text makes a good anchor.
    func firstOffset(of needle: [UInt8], from start: Int, anchor: Int = 0) -> Int? {
        guard needle.indices.contains(anchor), start >= 0 else { return nil }
        return withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                var from = start + anchor
                while let found = bytes.firstOffset(of: needle[anchor], from: from) {
                    let candidate = found - anchor
                    guard candidate + needle.count <= bytes.count else { return nil }
                    if memcmp(bytes.baseAddress! + candidate, needle.baseAddress!, needle.count) == 0 { return candidate }
                    from = found + 1
                }
                return nil
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where `byte` first occurs at or after `start`, found with `memchr`.
    func firstOffset(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count,
              let found = memchr(base + start, Int32(byte), count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
