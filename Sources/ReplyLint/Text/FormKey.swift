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

/// Whether two byte buffers hold the same bytes.
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
}
