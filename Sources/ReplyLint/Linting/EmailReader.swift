/// Reads an RFC 5322 message (.eml) to the text of its reply: the first text/plain part (or,
/// failing that, the first text/html part through `HTMLReader`), with its transfer encoding
/// (quoted-printable, base64) and charset decoded. Every byte of the result maps back to the
/// file, so findings are placed in the message as stored.
enum EmailReader {
    struct Message {
        var text: MappedText
        var quoted: [String]
        /// The subject of a reply ("Re: …") without its prefixes: the client's own subject
        /// line, often the only trace of the complaint when the reply quotes nothing.
        var repliedSubject: String?
    }

    static func read(_ bytes: [UInt8]) throws -> Message {
        let file = MappedText(original: bytes)
        // A message saved from an mbox starts with a "From " line before its headers.
        let start = bytes.starts(with: Array("From ".utf8)) ? (bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count) : 0
        var leaves: [Part] = []
        let message = Part(bytes, range: start..<bytes.count)
        collectLeaves(of: message, in: bytes, depth: 0, into: &leaves)
        let subject = message.headers["subject"].flatMap { repliedSubject(EncodedWords.decode($0)) }
        let readable = leaves.filter { !$0.isAttachment }
        guard let part = readable.first(where: { $0.type == "text/plain" }) ?? readable.first(where: { $0.type == "text/html" }) else {
            throw DocumentError("no text/plain or text/html part to lint")
        }
        let decoded = try decodeCharset(decodeTransfer(part, of: file), part: part)
        guard part.type == "text/html" else { return Message(text: decoded, quoted: [], repliedSubject: subject) }
        let body = HTMLReader.read(decoded)
        return Message(text: body.text, quoted: body.quoted, repliedSubject: subject)
    }

    /// What follows the reply prefixes (English, German, Latvian, Russian mail clients), or
    /// nil when the subject is no reply's.
    static func repliedSubject(_ subject: String) -> String? {
        let prefix = /^\s*(?i:re|aw|atb\.?|отв|ответ)\s*(\[\d+\])?\s*:\s*/
        var rest = subject[...], replied = false
        while let match = rest.prefixMatch(of: prefix) {
            rest = rest[match.range.upperBound...]
            replied = true
        }
        let text = rest.trimmingCharacters(in: .whitespaces)
        return replied && !text.isEmpty ? text : nil
    }

    // MARK: MIME structure

    /// One entity: its headers and the range of its body in the file.
    struct Part {
        var headers: [String: String]
        var body: Range<Int>

        init(_ bytes: [UInt8], range: Range<Int>) {
            (headers, body) = Headers.parse(bytes, range: range)
        }

        /// "text/plain" when not given, as RFC 2045 says.
        var type: String { Headers.value(of: headers["content-type"] ?? "text/plain").lowercased() }
        func parameter(_ name: String) -> String? { Headers.parameter(name, of: headers["content-type"] ?? "") }
        var isAttachment: Bool { Headers.value(of: headers["content-disposition"] ?? "").lowercased() == "attachment" }
    }

    /// Nesting beyond this is no real message: its deeper parts are not looked at.
    private static let maximumDepth = 16

    private static func collectLeaves(of part: Part, in bytes: [UInt8], depth: Int, into leaves: inout [Part]) {
        guard part.type.hasPrefix("multipart/"), let boundary = part.parameter("boundary"), !boundary.isEmpty else {
            leaves.append(part)
            return
        }
        guard depth < maximumDepth else { return }
        for range in bodies(of: part.body, in: bytes, boundary: Array(("--" + boundary).utf8)) {
            collectLeaves(of: Part(bytes, range: range), in: bytes, depth: depth + 1, into: &leaves)
        }
    }

    /// The parts between boundary lines; the line break before a boundary belongs to it.
    private static func bodies(of range: Range<Int>, in bytes: [UInt8], boundary: [UInt8]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: boundary) {
                let rest = line.dropFirst(boundary.count)
                let closes = rest.starts(with: [0x2D, 0x2D])
                if closes || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        var end = lineStart
                        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                        parts.append(start..<max(start, end))
                    }
                    if closes { return parts }
                    partStart = min(lineEnd + 1, range.upperBound)
                }
            }
            lineStart = lineEnd + 1
        }
        // A message cut short still gives its last part.
        if let start = partStart, start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    // MARK: Decoding

    private static func decodeTransfer(_ part: Part, of file: MappedText) -> MappedText {
        var builder = MappedTextBuilder(source: file)
        let bytes = file.bytes, range = part.body
        switch Headers.value(of: part.headers["content-transfer-encoding"] ?? "").lowercased() {
        case "quoted-printable":
            var start = range.lowerBound, position = range.lowerBound
            while position < range.upperBound {
                guard bytes[position] == UInt8(ascii: "=") else {
                    position += 1
                    continue
                }
                builder.copy(start..<position)
                if position + 2 < range.upperBound, let high = hex(bytes[position + 1]), let low = hex(bytes[position + 2]) {
                    builder.append([high << 4 | low], for: position..<(position + 3))
                    position += 3
                } else {
                    // A soft line break ("=" at the end of a line, maybe after spaces) joins lines.
                    var end = position + 1
                    while end < range.upperBound, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
                    if end < range.upperBound, bytes[end] == 0x0A {
                        position = end + 1
                    } else if end == range.upperBound {
                        position = end
                    } else {
                        builder.copy(position..<(position + 1))
                        position += 1
                    }
                }
                start = position
            }
            builder.copy(start..<range.upperBound)
        case "base64":
            // Each group of four characters gives up to three bytes, mapped to the group's start.
            var group: [UInt8] = [], groupStart = range.lowerBound
            for position in range {
                guard let value = base64Value(bytes[position]) else { continue }
                if group.isEmpty { groupStart = position }
                group.append(value)
                if group.count == 4 {
                    builder.append(decodeGroup(group), for: groupStart..<(position + 1))
                    group = []
                }
            }
            if group.count > 1 { builder.append(decodeGroup(group), for: groupStart..<range.upperBound) }
        default:
            builder.copy(range)
        }
        return builder.finish(end: range.upperBound)
    }

    /// A declared charset is decoded by ICU; text without one must be UTF-8 (ASCII is), and is
    /// reported at its first bad byte otherwise. "us-ascii" is often declared for UTF-8 text.
    private static func decodeCharset(_ text: MappedText, part: Part) throws -> MappedText {
        let charset = part.parameter("charset")?.lowercased()
        guard let charset, !["us-ascii", "ascii", "utf-8", "utf8"].contains(charset) else {
            try UTF8Check.require(text.bytes, map: text.map)
            return text
        }
        return try Charset.decode(text, as: charset)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    private static func decodeGroup(_ group: [UInt8]) -> [UInt8] {
        let value = group.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (18 - 6 * $1.offset) }
        return (0..<(group.count - 1)).map { UInt8(truncatingIfNeeded: value >> (16 - 8 * $0)) }
    }
}

/// RFC 5322 header fields and MIME parameters.
enum Headers {
    /// The fields of the entity at `range` (names lowercased, folded lines joined) and the
    /// range of its body. Text that does not start with a header field is all body.
    static func parse(_ bytes: [UInt8], range: Range<Int>) -> (fields: [String: String], body: Range<Int>) {
        var fields: [String: String] = [:]
        var current: (name: String, value: String)?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).trimmingSuffix("\r")
            let next = min(lineEnd + 1, range.upperBound)
            if line.isEmpty {
                if let current { fields[current.name] = fields[current.name] ?? current.value }
                return (fields, next..<range.upperBound)
            }
            if line.first == " " || line.first == "\t", current != nil {
                current!.value += " " + line.drop { $0 == " " || $0 == "\t" }
            } else if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy({ $0.isASCII && $0 > " " }), colon > line.startIndex {
                // The first occurrence of a field counts, as mail readers show it.
                if let current { fields[current.name] = fields[current.name] ?? current.value }
                current = (line[..<colon].lowercased(), String(line[line.index(after: colon)...]).trimmingSpaces)
            } else {
                // Not a header line: the entity has no (more) headers; all of it is body.
                return current == nil ? ([:], range) : (fields, lineStart..<range.upperBound)
            }
            lineStart = next
        }
        if let current { fields[current.name] = fields[current.name] ?? current.value }
        return (fields, range.upperBound..<range.upperBound)
    }

    /// The value before any parameters: "text/plain" of "text/plain; charset=utf-8".
    static func value(of field: String) -> String {
        String(field.prefix { $0 != ";" }).trimmingSpaces
    }

    /// A parameter's value (`name=value` or `name="value"`), its name matched in any case.
    static func parameter(_ name: String, of field: String) -> String? {
        for parameter in field.split(separator: ";").dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            guard parameter[..<equals].trimmingSpaces.lowercased() == name else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmingSpaces
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }

    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}
