import Foundation

extension Array<UInt8> {
    /// Where `needle` first occurs at or after `start`. It jumps with `memchr` from one
    /// occurrence of the needle's first byte to the next: readers search whole files with it.
    func firstOffset(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        return withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var start = start
            while start + needle.count <= bytes.count,
                  let found = memchr(base + start, Int32(first), bytes.count - start) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard offset + needle.count <= bytes.count else { return nil }
                if bytes[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
                start = offset + 1
            }
            return nil
        }
    }
}
