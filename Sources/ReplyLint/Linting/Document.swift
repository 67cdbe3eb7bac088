/// The prose of a source: its text with everything that is not the writer's own prose
/// blanked out. Blanking replaces bytes with spaces and keeps line breaks, so every byte
/// offset, line and column in the prose is the same as in the file, and no mapping is needed.
/// (Zero-width spaces become word joiners, of the same length.)
public struct Document: Sendable {
    public enum Format: Sendable, Equatable {
        /// Plain text: links and quoted lines («> …», the client's words) are left out.
        case text
        /// Markdown: also front matter, code blocks and spans, HTML comments, link targets.
        case markdown

        public init(path: String) {
            let lowercased = path.lowercased()
            self = lowercased.hasSuffix(".md") || lowercased.hasSuffix(".markdown") ? .markdown : .text
        }
    }

    /// The text as the file has it.
    public var original: String
    /// The same bytes with non-prose blanked: what the linter reads.
    public var prose: String

    public init(_ original: String, format: Format) {
        self.original = original
        var bytes = Array(original.utf8)
        var blanker = Blanker(bytes: bytes)
        if format == .markdown { blanker.blankMarkdownStructure() }
        blanker.blankQuotedLines()
        blanker.blankURLs()
        if format == .markdown { blanker.blankInlineMarkdown() }
        bytes = blanker.bytes
        Self.joinAcrossZeroWidthSpaces(&bytes)
        prose = String(decoding: bytes, as: UTF8.self)
    }

    /// A zero-width space is invisible, so a word with one inside (pasted from a web page) still
    /// reads as one word. It becomes a word joiner, which word breaking keeps inside the word;
    /// both are three bytes in UTF-8, so offsets stay the same.
    private static func joinAcrossZeroWidthSpaces(_ bytes: inout [UInt8]) {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8B {
                (bytes[index + 1], bytes[index + 2]) = (0x81, 0xA0)
                index += 3
            } else {
                index += 1
            }
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
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == Self.newline {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
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

    /// Lines starting with ">" quote someone else, usually the client's complaint.
    mutating func blankQuotedLines() {
        for line in lines where text(line).drop(while: { $0 == " " }).hasPrefix(">") {
            blank(line)
        }
    }

    /// Web addresses are not prose: "https://example.com/SLA" must not read as an acronym.
    mutating func blankURLs() {
        for scheme in ["https://", "http://", "www."] {
            let marker = Array(scheme.utf8)
            var index = 0
            while let start = find(marker, from: index) {
                var end = start
                while end < bytes.count, !Self.endsURL(bytes[end]) { end += 1 }
                // A sentence's closing punctuation is not part of the address.
                while end > start, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[end - 1]) { end -= 1 }
                blank(start..<end)
                index = max(end, start + 1)
            }
        }
    }

    /// Inline code spans, HTML comments, and the target of links and images.
    mutating func blankInlineMarkdown() {
        blankDelimited(open: "<!--", close: "-->")
        blankDelimited(open: "`", close: "`")
        blankDelimited(open: "](", close: ")", keepingFirst: 1)
    }

    /// Blanks every `open … close` span; `keepingFirst` bytes of the opener stay (the "]").
    private mutating func blankDelimited(open: String, close: String, keepingFirst: Int = 0) {
        let opener = Array(open.utf8), closer = Array(close.utf8)
        var index = 0
        while let start = find(opener, from: index) {
            guard let end = find(closer, from: start + opener.count) else { return }
            blank((start + keepingFirst)..<(end + closer.count))
            index = end + closer.count
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
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
