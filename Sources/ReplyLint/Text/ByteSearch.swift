import Foundation

extension Array<UInt8> {
    /// Where `needle` first occurs at or after `start`. It jumps with `memchr` from one
    /// occurrence of the needle's first byte to the next, and compares with `memcmp`: readers
    /// search whole files with it.
    func firstOffset(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        return withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                var start = start
                while start + needle.count <= bytes.count, let offset = bytes.firstOffset(of: first, from: start) {
                    guard offset + needle.count <= bytes.count else { return nil }
                    if memcmp(bytes.baseAddress! + offset, needle.baseAddress!, needle.count) == 0 { return offset }
                    start = offset + 1
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
