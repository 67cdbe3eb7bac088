import Foundation

/// RFC 2047 encoded words in a header value: "=?windows-1251?B?0fDu6iE=?=",
/// "=?ISO-8859-13?Q?Kav=E7ta_pieg=E2de?=", decoded through ICU's converters. A word that
/// cannot be decoded (unknown charset, broken encoding) stays as written.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        let word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/
        var out = "", rest = value[...], lastWasWord = false
        while let match = rest.firstMatch(of: word) {
            let between = rest[..<match.range.lowerBound]
            // Space between two encoded words only separates them (RFC 2047, 6.2).
            if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { out += between }
            let decoded = decode(Array(match.output.3.utf8), encoding: match.output.2, charset: String(match.output.1))
            out += decoded ?? String(match.output.0)
            lastWasWord = decoded != nil
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }

    private static func decode(_ text: [UInt8], encoding: Substring, charset: String) -> String? {
        let bytes: [UInt8]?
        if encoding.lowercased() == "b" {
            let padded = text + Array(repeating: UInt8(ascii: "="), count: (4 - text.count % 4) % 4)
            bytes = Data(base64Encoded: Data(padded)).map(Array.init)
        } else {
            bytes = quoted(text)
        }
        // "utf-8*lv": RFC 2231 lets a language follow the charset.
        let name = String(charset.prefix { $0 != "*" })
        guard let bytes, let text = try? Charset.decode(MappedText(original: bytes), as: name) else { return nil }
        return String(validating: text.bytes, as: UTF8.self)
    }

    /// The Q encoding: "_" is a space, "=XX" a byte in hex.
    private static func quoted(_ text: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = [], index = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "_"):
                bytes.append(0x20)
            case UInt8(ascii: "="):
                guard index + 2 < text.count, let byte = UInt8(String(decoding: text[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(byte)
                index += 2
            default:
                bytes.append(text[index])
            }
            index += 1
        }
        return bytes
    }
}
