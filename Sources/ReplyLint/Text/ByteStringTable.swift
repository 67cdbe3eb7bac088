/// A set of byte strings, each numbered in the order it was first added.
///
/// The analyzer looks up every word of every document here, so this is an open-addressing
/// table over one byte arena: no `String`, no allocation per key, and a hash that reads eight
/// bytes at a time instead of SipHash. The hash is seeded per table, so a file written to make
/// its words collide cannot know the seed.
struct ByteStringTable {
    private var arena: [UInt8] = []
    /// Per string: where its bytes start in `arena` and, in the next element, where they end.
    private var bounds: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// Index of the string in each slot, or -1; the count is a power of two.
    private var slots = [Int32](repeating: -1, count: 1024)
    private let seed = UInt64.random(in: .min ... .max)

    var count: Int { hashes.count }

    /// The bytes of string `index`.
    func withBytes<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(bounds[Int(index)])..<Int(bounds[Int(index) + 1])])) }
    }

    /// The number of `key`, or nil if it was never added.
    func existingIndex(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (slot, hash) = find(key)
        return slots[slot] >= 0 && hashes[Int(slots[slot])] == hash ? slots[slot] : nil
    }

    /// The number of `key`, adding it when it is new.
    mutating func index(of key: UnsafeBufferPointer<UInt8>) -> (index: Int32, isNew: Bool) {
        let (slot, hash) = find(key)
        if slots[slot] >= 0 { return (slots[slot], false) }
        let index = Int32(hashes.count)
        arena.append(contentsOf: key)
        bounds.append(Int32(arena.count))
        hashes.append(hash)
        slots[slot] = index
        if hashes.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The slot that holds `key`, or the empty slot where it would go, and its hash.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, hash: UInt32) {
        let hash = UInt32(truncatingIfNeeded: Self.hash(key, seed: seed))
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let index = slots[slot]
            if hashes[Int(index)] == hash, equals(index, key) { break }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (slot, hash)
    }

    private func equals(_ index: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(bounds[Int(index)]), end = Int(bounds[Int(index) + 1])
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { sameBytes(UnsafeBufferPointer(rebasing: $0[start..<end]), key) }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index)
        }
    }

    /// A multiply-xorshift hash over eight-byte words (the mixing of wyhash and splitmix).
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash = seed ^ UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawBufferPointer(key)
        var offset = 0
        while offset + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < key.count {
            tail = tail << 8 | UInt64(key[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ hash >> 29
    }
}
