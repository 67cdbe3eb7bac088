import CICUBridge

/// Folds a token to the form lexicons compare: NFKC + case folding (ICU), then the
/// spelling variants a writer uses interchangeably: «ё» as «е», one apostrophe, one dash,
/// one double quote.
struct Normalizer {
    func fold(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII needs no NFKC and folds by lowercasing: the common case for en and numbers.
            return String(decoding: utf8.lazy.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return Self.replaceVariants(icuFold(utf8))
    }

    func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { fold($0) }
    }

    private func icuFold(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        let input = UnsafeRawPointer(utf8.baseAddress!).assumingMemoryBound(to: CChar.self)
        var capacity = utf8.count * 2 + 16
        while true {
            let (length, text) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
                let length = rl_fold_utf8(input, Int32(utf8.count), UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(capacity))
                return (Int(length), length >= 0 && Int(length) <= capacity ? String(decoding: out.prefix(Int(length)), as: UTF8.self) : nil)
            }
            if let text { return text }
            // An ICU failure leaves the word unfolded rather than dropping it.
            guard length > capacity else { return String(decoding: utf8, as: UTF8.self) }
            capacity = length
        }
    }

    private static func replaceVariants(_ folded: String) -> String {
        guard folded.unicodeScalars.contains(where: { variant($0) != nil }) else { return folded }
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars { scalars.append(variant(scalar) ?? scalar) }
        return String(scalars)
    }

    private static func variant(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "ё": "е"
        case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "`", "\u{00B4}": "'"
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
        case "«", "»", "„", "“", "”", "\u{201F}": "\""
        default: nil
        }
    }
}
