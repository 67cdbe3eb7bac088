import Foundation

/// A normalised form as a dictionary key, compared and hashed as raw UTF-8 bytes.
///
/// `String` hashes non-ASCII text through Unicode normalisation on every lookup, which
/// dominated the matcher's profile. Forms are already NFKC-folded, so byte equality is
/// exactly string equality for them.
struct FormKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: FormKey, rhs: FormKey) -> Bool {
        // Native strings are contiguous UTF-8; the fallback only serves bridged ones.
        lhs.text.utf8.withContiguousStorageIfAvailable { a in
            rhs.text.utf8.withContiguousStorageIfAvailable { b in sameBytes(a, b) }
        }.flatMap { $0 } ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}

/// Whether two byte buffers hold the same bytes. Most are words, of 16 bytes or fewer: those
/// are compared by two loads each, which may overlap, instead of by a call to `memcmp`.
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = a.count
    guard count == b.count else { return false }
    guard let first = a.baseAddress, let second = b.baseAddress else { return true }
    let (x, y) = (UnsafeRawPointer(first), UnsafeRawPointer(second))
    switch count {
    case 8...16:
        return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
            && x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
        return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
            && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    case 1..<4:
        return a[0] == b[0] && a[count / 2] == b[count / 2] && a[count - 1] == b[count - 1]
    default:
        return count == 0 || memcmp(first, second, count) == 0
    }
}
