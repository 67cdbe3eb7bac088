import Foundation

/// What a file gives to lint: one or more prose units, each with the map from its offsets
/// back to the file, and the words of others the reply answers, kept aside as context.
///
/// Plain text and Markdown are blanked in place: bytes that are not the writer's prose become
/// spaces (line breaks stay), so offsets need no mapping. Decoded formats (HTML, email,
/// template libraries) build their prose and map each offset back to the original byte.
/// Zero-width spaces become word joiners, of the same length.
public struct Document: Sendable {
    public enum Format: Sendable, Equatable {
        /// Plain text: links and quoted lines («> …», the client's words) are left out.
        case text
        /// Markdown: also front matter, code blocks and spans, HTML comments, link targets.
        case markdown
        /// HTML (an email body): tags, `<head>`, `<style>`, `<script>` left out, entities decoded.
        case html
        /// An RFC 5322 message: its text part (or HTML part), decoded.
        case email
        /// A JSON or YAML library of reply templates: each string value is linted on its own.
        case templates

        public init(path: String) {
            // The last name's extension, as `NSString.pathExtension` gives it, found in the path's
            // bytes and lowered as ASCII: bridging, splitting or Unicode case mapping of the path
            // cost more than linting a short reply.
            var path = path
            let fileExtension = path.withUTF8 { utf8 -> String in
                var end = utf8.count
                while end > 0, utf8[end - 1] == UInt8(ascii: "/") { end -= 1 }
                var start = end
                while start > 0, utf8[start - 1] != UInt8(ascii: "/") { start -= 1 }
                guard let dot = utf8[start..<end].lastIndex(of: UInt8(ascii: ".")), dot > start else { return "" }
                return String(decoding: utf8[(dot + 1)..<end].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            }
            switch fileExtension {
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            case "eml": self = .email
            case "json", "yaml", "yml": self = .templates
            default: self = .text
            }
        }
    }

    /// One text linted on its own: a whole reply, or one template of a library.
    public struct Unit: Sendable {
        /// What the linter reads, in UTF-8: bytes, so that a large file's prose is not copied
        /// once more into a `String` (the linter reads it a piece at a time).
        public var bytes: [UInt8]
        /// From offsets in `bytes` to offsets in the original file.
        public var map: OffsetMap
        /// The template's name in a library (its key path, as "refunds.late"); nil for a whole file.
        public var template: String?
        /// Where findings about the whole unit (`missing-*`) are placed in the file.
        public var start: Int
        /// Whether `bytes` are known to be UTF-8 (checked, and changed only in ways that keep
        /// them so): then the linter does not check them again.
        var isValidUTF8 = false

        /// A whole file's bytes, linted as they are.
        init(bytes: [UInt8]) {
            self.init(bytes: bytes, map: .identity, template: nil, start: 0)
        }

        init(bytes: [UInt8], map: OffsetMap, template: String?, start: Int) {
            self.bytes = bytes
            self.map = map
            self.template = template
            self.start = start
        }

        /// What the linter reads, as text.
        public var prose: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The file's bytes.
    public var original: [UInt8]
    /// Whether `original` is UTF-8: not so for a page or an email in another charset.
    public var isUTF8: Bool
    public var units: [Unit]
    /// The words the reply answers (quoted lines, quoted messages, blockquotes), never linted:
    /// for rules that compare the reply with the complaint.
    public var context: [String]

    public init(_ original: String, format: Format, templateKeys: Set<String>? = nil) throws {
        try self.init(bytes: Array(original.utf8), format: format, templateKeys: templateKeys)
    }

    /// Reads `bytes` in `format`. `templateKeys` limits a template library to the string values
    /// under those keys (nil: every string value). Throws `DocumentError` for input it cannot read.
    public init(bytes: [UInt8], format: Format, templateKeys: Set<String>? = nil) throws {
        original = bytes
        context = []
        isUTF8 = true
        switch format {
        case .text, .markdown:
            try UTF8Check.require(bytes)
            units = [Self.unit(MappedText(original: bytes), markdown: format == .markdown, context: &context)]
            // Blanking replaces whole characters, and a zero-width space by a word joiner.
            units[0].isValidUTF8 = true
        case .html:
            // A page saved in another charset says so in a <meta> tag.
            var text = MappedText(original: bytes)
            if let charset = HTMLReader.declaredCharset(bytes), !["utf-8", "utf8", "us-ascii"].contains(charset),
               !UTF8Check.isValid(bytes) {
                text = try Charset.decode(text, as: charset)
                isUTF8 = false
            } else {
                try UTF8Check.require(bytes)
            }
            let body = HTMLReader.read(text)
            context += body.quoted
            units = [Self.unit(body.text, email: true, context: &context)]
        case .email:
            isUTF8 = UTF8Check.isValid(bytes)
            let message = try EmailReader.read(bytes)
            context += message.quoted
            units = [Self.unit(message.text, email: true, context: &context)]
            // A reply that quotes nothing still answers the complaint its subject names.
            if context.isEmpty, let subject = message.repliedSubject { context = [subject] }
        case .templates:
            try UTF8Check.require(bytes)
            var templates: [Unit] = []
            for template in try TemplateLibrary.read(bytes, keys: templateKeys) {
                var unit = Self.unit(template.text, context: &context)
                unit.template = template.name
                unit.start = template.start
                templates.append(unit)
            }
            units = templates
        }
    }

    /// Leaves out of `text` what is not the writer's prose, setting quoted words aside.
    private static func unit(_ text: MappedText, markdown: Bool = false, email: Bool = false,
                             context: inout [String]) -> Unit {
        var blanker = Blanker(bytes: text.bytes)
        if email { context += blanker.cutQuotedMessageAndSignature() }
        if markdown { blanker.blankMarkdownStructure() }
        context += blanker.blankQuotedLines()
        blanker.blankURLs()
        if markdown { blanker.blankInlineMarkdown() }
        joinAcrossZeroWidthSpaces(&blanker.bytes)
        return Unit(bytes: blanker.bytes, map: text.map, template: nil, start: 0)
    }

    /// A zero-width space is invisible, so a word with one inside (pasted from a web page) still
    /// reads as one word. It becomes a word joiner, which word breaking keeps inside the word;
    /// both are three bytes in UTF-8, so offsets stay the same.
    private static func joinAcrossZeroWidthSpaces(_ bytes: inout [UInt8]) {
        let zeroWidthSpace: [UInt8] = [0xE2, 0x80, 0x8B]
        var index = 0
        while let found = bytes.firstOffset(of: zeroWidthSpace, from: index) {
            (bytes[found + 1], bytes[found + 2]) = (0x81, 0xA0)
            index = found + 3
        }
    }
}

/// Why a file could not be read; the run reports it and goes on.
public struct DocumentError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}

enum UTF8Check {
    /// Throws naming the first byte that is not UTF-8, counted in `original` through `map`.
    static func require(_ bytes: [UInt8], map: OffsetMap = .identity) throws {
        guard let bad = firstInvalidByte(bytes) else { return }
        throw DocumentError("not valid UTF-8 (first bad byte at offset \(map.original(bad)))")
    }

    static func isValid(_ bytes: [UInt8]) -> Bool { firstInvalidByte(bytes) == nil }

    /// Where the first sequence that is not UTF-8 (RFC 3629: no overlong forms, surrogates or
    /// values past U+10FFFF) begins; nil when there is none. Checked in place: validating
    /// through `String(validating:)` would copy a 200 MB file once more.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { utf8 in
            let count = utf8.count
            var index = 0
            while index < count {
                let lead = utf8[index]
                if lead < 0x80 {
                    index += 1
                    // Then eight ASCII bytes at a time: most of an English reply. Tried only
                    // after an ASCII byte, as Cyrillic and Latvian letters follow each other.
                    while index + 8 <= count,
                          UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                    }
                    continue
                }
                // Two bytes, as every Cyrillic and Latvian letter is; then four such letters at a
                // time while they last (most of a Russian word): each lead 110xxxxx but not C0
                // or C1 (its low bits not all zero), each second byte 10xxxxxx.
                if lead >= 0xC2, lead <= 0xDF, index + 1 < count, utf8[index + 1] & 0xC0 == 0x80 {
                    index += 2
                    while index + 8 <= count {
                        let word = UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        let leadBits = (word & 0x001E_001E_001E_001E) &+ 0x7FFF_7FFF_7FFF_7FFF
                        guard word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0,
                              leadBits & 0x8000_8000_8000_8000 == 0x8000_8000_8000_8000 else { break }
                        index += 8
                    }
                    continue
                }
                let length: Int, second: ClosedRange<UInt8>
                switch lead {
                case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
                case 0xE0: (length, second) = (3, 0xA0...0xBF)
                case 0xED: (length, second) = (3, 0x80...0x9F)
                case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
                case 0xF0: (length, second) = (4, 0x90...0xBF)
                case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
                case 0xF4: (length, second) = (4, 0x80...0x8F)
                default: return index
                }
                guard index + length <= count, second.contains(utf8[index + 1]) else { return index }
                for offset in 2..<length where utf8[index + offset] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
    }
}

/// Blanks byte ranges of a text in place, line by line or by pattern.
private struct Blanker {
    var bytes: [UInt8]

    private static let space: UInt8 = 0x20, newline: UInt8 = 0x0A

    /// Replaces every byte of `range` but line breaks with a space. Whole UTF-8 sequences
    /// are always blanked together, so the result stays valid UTF-8.
    mutating func blank(_ range: Range<Int>) {
        for index in range where bytes[index] != Self.newline { bytes[index] = Self.space }
    }

    /// Each line as a byte range without its line break.
    var lines: [Range<Int>] {
        var ranges: [Range<Int>] = []
        // Room for a reply's lines at once, and for the empty one `blankQuotedLines` adds.
        ranges.reserveCapacity(32)
        var start = 0
        bytes.withUnsafeBufferPointer { bytes in
            while let end = bytes.firstOffset(of: Self.newline, from: start) {
                ranges.append(start..<end)
                start = end + 1
            }
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    private func firstByte(afterSpacesIn line: Range<Int>) -> UInt8? {
        bytes.withUnsafeBufferPointer { bytes in
            var index = line.lowerBound
            while index < line.upperBound, bytes[index] == Self.space { index += 1 }
            return index < line.upperBound ? bytes[index] : nil
        }
    }

    private func text(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }

    /// Front matter, fenced and indented code blocks.
    mutating func blankMarkdownStructure() {
        let lines = lines
        var index = 0
        // Front matter: a first line of "---" up to the next "---" or "...".
        if text(lines[0]).trimmingTrailingSpaces == "---",
           let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains(text($0).trimmingTrailingSpaces) }) {
            blank(lines[0].lowerBound..<lines[end].upperBound)
            index = end + 1
        }
        var previousBlank = true
        while index < lines.count {
            let line = text(lines[index])
            let trimmed = line.drop { $0 == " " }
            if line.count - trimmed.count <= 3, let fence = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) {
                let close = lines[(index + 1)...].firstIndex { text($0).drop { $0 == " " }.hasPrefix(fence) } ?? lines.count - 1
                blank(lines[index].lowerBound..<lines[close].upperBound)
                index = close + 1
                previousBlank = true
                continue
            }
            let isIndentedCode = (line.hasPrefix("    ") || line.hasPrefix("\t")) && previousBlank
                && !trimmed.trimmingTrailingSpaces.isEmpty
            if isIndentedCode {
                blank(lines[index])
            } else {
                previousBlank = trimmed.trimmingTrailingSpaces.isEmpty
            }
            index += 1
        }
    }

    /// Lines starting with ">" quote someone else, usually the client's complaint: each run of
    /// them is returned, without the markers, and blanked.
    mutating func blankQuotedLines() -> [String] {
        var passages: [String] = []
        var passage: [Substring] = []
        // An empty line after the last, so that a passage at the end is returned like the others.
        var lines = lines
        lines.append(bytes.count..<bytes.count)
        for line in lines {
            // Most lines quote nothing: their first byte after spaces says so without a String.
            guard firstByte(afterSpacesIn: line) == UInt8(ascii: ">") else {
                if !passage.isEmpty { passages.append(passage.joined(separator: "\n")) }
                passage = []
                continue
            }
            passage.append(text(line).drop { $0 == ">" || $0 == " " }.trimmingTrailingSpaces)
            blank(line)
        }
        return passages
    }

    /// An email's tail: the signature (after a line "-- ") is dropped, and an earlier message
    /// quoted below the reply ("On … wrote:", «… пишет:», "-----Original Message-----") is cut
    /// off and returned. An attribution line over «> …» lines is only blanked: the reply may
    /// go on below the quote.
    mutating func cutQuotedMessageAndSignature() -> [String] {
        let lines = lines
        var signature: Int?
        for (index, line) in lines.enumerated() {
            let trimmed = text(line).trimmingTrailingSpaces
            if signature == nil, trimmed == "--" {
                signature = line.lowerBound
            } else if QuoteMarkers.isSeparator(trimmed) {
                return cut(at: signature, quoteFrom: line.lowerBound)
            } else if let first = attribution(endingAt: index, in: lines) {
                let next = lines[(index + 1)...].first { !text($0).trimmingTrailingSpaces.isEmpty }
                if let next, text(next).drop(while: { $0 == " " }).hasPrefix(">") {
                    blank(first.lowerBound..<line.upperBound)
                } else {
                    return cut(at: signature, quoteFrom: first.lowerBound)
                }
            }
        }
        guard let signature else { return [] }
        // Quoted lines below the signature are still the words the reply answers.
        var tail = Blanker(bytes: Array(bytes[signature...]))
        bytes.removeSubrange(signature...)
        return tail.blankQuotedLines()
    }

    /// The first line of an attribution ending on line `index`: that line, or the one above
    /// when a client wrapped "wrote:" onto a line of its own.
    private func attribution(endingAt index: Int, in lines: [Range<Int>]) -> Range<Int>? {
        let line = String(text(lines[index]).trimmingTrailingSpaces)
        if QuoteMarkers.isAttribution(line) { return lines[index] }
        guard index > 0, line.count < 16, QuoteMarkers.isAttribution(text(lines[index - 1]).trimmingTrailingSpaces + " " + line)
        else { return nil }
        return lines[index - 1]
    }

    private mutating func cut(at signature: Int?, quoteFrom start: Int) -> [String] {
        let quoted = String(decoding: bytes[start...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        bytes.removeSubrange((signature ?? start)...)
        return quoted.isEmpty ? [] : [quoted]
    }

    /// How a web address begins, and where each is searched for from: the ':' or the final
    /// '.', not the "h" or "w", which begin a word in every line of English.
    private static let urlMarkers: [(bytes: [UInt8], anchor: Int)] = ["https://", "http://", "www."].map { scheme in
        let marker = Array(scheme.utf8)
        return (marker, marker.firstIndex(of: UInt8(ascii: ":")) ?? marker.count - 1)
    }

    /// Web addresses are not prose: "https://example.com/SLA" must not read as an acronym.
    mutating func blankURLs() {
        for (marker, anchor) in Self.urlMarkers {
            var index = 0
            while let start = bytes.firstOffset(of: marker, from: index, anchor: anchor) {
                var end = start
                while end < bytes.count, !Self.endsURL(bytes[end]) { end += 1 }
                // A sentence's closing punctuation is not part of the address.
                while end > start, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[end - 1]) { end -= 1 }
                blank(start..<end)
                index = max(end, start + 1)
            }
        }
    }

    /// Inline code spans, HTML comments, and the brackets and target of links and images:
    /// the link text is prose, but "[text]" left in brackets would read as a placeholder.
    mutating func blankInlineMarkdown() {
        blankDelimited(open: "<!--", close: "-->")
        blankDelimited(open: "`", close: "`")
        blankDelimited(open: "](", close: ")") { start, blanker in
            if let bracket = blanker.bytes[..<start].lastIndex(where: { $0 == UInt8(ascii: "[") || $0 == Self.newline }),
               blanker.bytes[bracket] != Self.newline {
                blanker.blank(bracket..<(bracket + 1))
            }
        }
    }

    /// Blanks every `open … close` span, and lets `each` blank more around its start.
    private mutating func blankDelimited(open: String, close: String, each: (Int, inout Blanker) -> Void = { _, _ in }) {
        let opener = Array(open.utf8), closer = Array(close.utf8)
        var index = 0
        while let start = bytes.firstOffset(of: opener, from: index) {
            guard let end = bytes.firstOffset(of: closer, from: start + opener.count) else { return }
            blank(start..<(end + closer.count))
            each(start, &self)
            index = end + closer.count
        }
    }

    private static func endsURL(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
