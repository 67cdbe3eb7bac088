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
    /// Per slot, a string's hash and number together, so that a probe reads one place (most
    /// lookups miss the cache at the slot they start from); `Slot.empty` where none is.
    private var slots = [Slot](repeating: .empty, count: 1024)
    private var count = 0
    private let seed = UInt64.random(in: .min ... .max)

    private struct Slot {
        var hash: UInt32
        var index: Int32

        static let empty = Slot(hash: 0, index: -1)
    }

    /// The number of `key`, or nil if it was never added.
    func existingIndex(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (slot, _) = find(key)
        return slots[slot].index >= 0 ? slots[slot].index : nil
    }

    /// The number of `key`, adding it when it is new.
    mutating func index(of key: UnsafeBufferPointer<UInt8>) -> (index: Int32, isNew: Bool) {
        let (slot, hash) = find(key)
        if slots[slot].index >= 0 { return (slots[slot].index, false) }
        let index = Int32(count)
        arena.append(contentsOf: key)
        bounds.append(Int32(arena.count))
        slots[slot] = Slot(hash: hash, index: index)
        count += 1
        if count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The slot that holds `key`, or the empty slot where it would go, and its hash.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, hash: UInt32) {
        let hash = UInt32(truncatingIfNeeded: Self.hash(key, seed: seed))
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot].index >= 0 {
            if slots[slot].hash == hash, equals(slots[slot].index, key) { break }
            slot = (slot + 1) & mask
        }
        return (slot, hash)
    }

    private func equals(_ index: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(bounds[Int(index)]), end = Int(bounds[Int(index) + 1])
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { sameBytes(UnsafeBufferPointer(rebasing: $0[start..<end]), key) }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.index >= 0 {
            var slot = Int(entry.hash) & mask
            while slots[slot].index >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// A multiply-xorshift hash over eight-byte words (the mixing of wyhash and splitmix). The
    /// bytes after the last whole word are read with at most two loads, as wyhash reads short
    /// keys: most words are shorter than eight bytes, and a byte at a time cost a loop each.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash = seed ^ UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawBufferPointer(key)
        let count = key.count
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        let rest = count - offset
        let tail: UInt64
        if rest >= 4 {
            // Two four-byte loads that overlap when fewer than eight bytes are left.
            tail = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) << 32
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else if rest > 0 {
            tail = UInt64(key[offset]) << 16 | UInt64(key[offset + rest / 2]) << 8 | UInt64(key[count - 1])
        } else {
            tail = 0
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ hash >> 29
    }
}
