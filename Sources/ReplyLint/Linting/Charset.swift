import CICUBridge

/// Text in a named charset, decoded to UTF-8 by ICU's converters.
enum Charset {
    /// `text` read as `name` ("windows-1251", "KOI8-R": any case, ICU's aliases), each
    /// character mapped to the original through the map `text` already has.
    static func decode(_ text: MappedText, as name: String) throws -> MappedText {
        var capacity = text.bytes.count * 2 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            var offsets = [Int32](repeating: 0, count: capacity)
            let length = text.bytes.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { out in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        rl_convert_to_utf8(name, UnsafeRawPointer(input.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) },
                                           Int32(input.count), UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self),
                                           offsets.baseAddress, Int32(capacity))
                    }
                }
            }
            switch Int(length) {
            case Int(RL_CHARSET_UNKNOWN): throw DocumentError("unknown charset '\(name)'")
            case ..<0: throw DocumentError("cannot decode the charset '\(name)'")
            case ...capacity: return mapped(Array(out.prefix(Int(length))), offsets: offsets, from: text)
            default: capacity = Int(length)
            }
        }
    }

    private static func mapped(_ utf8: [UInt8], offsets: [Int32], from source: MappedText) -> MappedText {
        var builder = MappedTextBuilder(source: source)
        var start = 0
        while start < utf8.count {
            var end = start + 1
            while end < utf8.count, utf8[end] & 0xC0 == 0x80 { end += 1 }
            let offset = Int(offsets[start])
            builder.append(utf8[start..<end], for: offset..<offset)
            start = end
        }
        return builder.finish(end: source.bytes.count)
    }
}
