/// Reads HTML (an email body) into prose: tags stripped, entities decoded, `<head>`, `<style>`
/// and `<script>` left out, block elements made into paragraph breaks. Quoted earlier messages
/// (`<blockquote>`, Gmail's and Thunderbird's quote containers, Outlook's reply header and what
/// follows it) are set aside as context; signatures are dropped.
///
/// A small tokenizer over UTF-8 bytes, forgiving as browsers are: any input gives some text,
/// each step moves forward, and nesting is a plain stack.
enum HTMLReader {
    struct Body {
        var text: MappedText
        var quoted: [String]
    }

    /// The charset an HTML file declares in its first bytes (`<meta charset="windows-1251">` or
    /// `content="text/html; charset=koi8-r"`), if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let marker = head.range(of: "charset=") else { return nil }
        let value = head[marker.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return value.isEmpty ? nil : String(value)
    }

    static func read(_ source: MappedText) -> Body {
        var reader = Reader(source: source)
        reader.run()
        return Body(text: reader.prose.finish(end: source.bytes.count), quoted: reader.quoted)
    }

    private enum Role { case plain, quote, skipped }

    private struct Element {
        var name: [UInt8]
        var role: Role
    }

    private struct Reader {
        let bytes: [UInt8]
        var prose: MappedTextBuilder
        /// The quoted passage being read, and those read so far.
        var quote: MappedTextBuilder
        var quoted: [String] = []
        var stack: [Element] = []
        var quoteDepth = 0, skipDepth = 0, headDepth = 0
        /// After Outlook's reply header everything is the earlier message.
        var inOutlookTail = false
        var index = 0

        init(source: MappedText) {
            bytes = source.bytes
            prose = MappedTextBuilder(source: source)
            quote = MappedTextBuilder(source: source)
        }

        mutating func run() {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), let end = markupEnd(from: index) {
                    let start = index
                    // Markup may move on further itself (past a script's content).
                    index = end
                    markup(start..<end)
                } else {
                    var end = index + 1
                    while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                    text(index..<end)
                    index = end
                }
            }
            flushQuote()
        }

        // MARK: Text

        private mutating func text(_ range: Range<Int>) {
            guard skipDepth == 0 else { return }
            var start = range.lowerBound, position = range.lowerBound
            while position < range.upperBound {
                let byte = bytes[position]
                if byte == UInt8(ascii: "&"), let (decoded, end) = Entities.decode(bytes, at: position, limit: range.upperBound) {
                    copy(start..<position)
                    append(decoded, for: position..<end)
                    position = end
                    start = end
                } else if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    // Line breaks in markup are spaces: paragraphs come from elements.
                    copy(start..<position)
                    append(" ", for: position..<(position + 1))
                    position += 1
                    start = position
                } else {
                    position += 1
                }
            }
            copy(start..<range.upperBound)
        }

        private var quoting: Bool { quoteDepth > 0 || inOutlookTail }

        private mutating func copy(_ range: Range<Int>) {
            if quoting { quote.copy(range) } else { prose.copy(range) }
        }

        private mutating func append(_ decoded: String, for range: Range<Int>) {
            guard skipDepth == 0 else { return }
            if quoting { quote.append(decoded, for: range) } else { prose.append(decoded, for: range) }
        }

        private mutating func flushQuote() {
            guard !quote.bytes.isEmpty else { return }
            let passage = String(decoding: quote.bytes, as: UTF8.self)
                .split(whereSeparator: \.isNewline)
                .map { $0.split(separator: " ").joined(separator: " ") }
                .filter { !$0.isEmpty }
                .joined(separator: "\n")
            if !passage.isEmpty { quoted.append(passage) }
            quote = MappedTextBuilder(source: quote.source)
        }

        // MARK: Markup

        /// Where the markup starting at `start` ends, or nil when "<" is just text ("a < b").
        /// The second "<" of "<<" is text too: "<<name>>" is a template's placeholder, not a tag.
        private func markupEnd(from start: Int) -> Int? {
            let next = start + 1 < bytes.count ? bytes[start + 1] : 0
            if start > 0, bytes[start - 1] == UInt8(ascii: "<") { return nil }
            if Self.starts(bytes, at: start, with: "<!--") {
                return bytes.firstOffset(of: Array("-->".utf8), from: start + 4).map { $0 + 3 } ?? bytes.count
            }
            guard Self.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            else { return nil }
            // A tag ends at the first ">" outside a quoted attribute value.
            var position = start + 1, quote: UInt8?
            while position < bytes.count {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    // Only a value's opening quote (after "=") opens a quoted run.
                    if bytes[position - 1] == UInt8(ascii: "=") { quote = byte }
                } else if byte == UInt8(ascii: ">") {
                    return position + 1
                }
                position += 1
            }
            return bytes.count
        }

        private mutating func markup(_ range: Range<Int>) {
            let tag = Tag(bytes[range])
            guard let tag, !tag.name.isEmpty else { return }
            if tag.isEnd { close(tag.name, at: range) } else { open(tag, at: range) }
        }

        private mutating func open(_ tag: Tag, at range: Range<Int>) {
            // Anything but head content ends an unclosed <head>, as in browsers.
            if !Self.headContent.contains(tag.name), headDepth > 0 { close(Self.head, at: range) }
            if Self.rawText.contains(tag.name), !tag.isSelfClosing {
                // Script and style content is not markup: skip to the closing tag.
                let closing = Array("</".utf8) + tag.name
                index = Self.findIgnoringCase(bytes, closing, from: range.upperBound) ?? bytes.count
                return
            }
            if tag.id == "divRplyFwdMsg" || tag.id == "appendonsend" {
                breakParagraph(at: range)
                inOutlookTail = true
            }
            breakParagraph(tag.name, at: range)
            guard !tag.isSelfClosing, !Self.void.contains(tag.name) else { return }
            let role: Role
            if tag.name == Self.head || tag.classes.contains(where: Self.signatureClasses.contains) {
                role = .skipped
            } else if tag.name == Array("blockquote".utf8) || tag.classes.contains(where: Self.quoteClasses.contains) {
                role = .quote
            } else {
                role = .plain
            }
            stack.append(Element(name: tag.name, role: role))
            if role == .quote { quoteDepth += 1 }
            if role == .skipped { skipDepth += 1 }
            if tag.name == Self.head { headDepth += 1 }
        }

        private mutating func close(_ name: [UInt8], at range: Range<Int>) {
            breakParagraph(name, at: range)
            // A stray end tag is looked for only among the innermost elements, so that markup
            // nested thousands deep stays linear.
            guard let position = stack[max(0, stack.count - 512)...].lastIndex(where: { $0.name == name }) else { return }
            for element in stack[position...] {
                if element.role == .quote { quoteDepth -= 1 }
                if element.role == .skipped { skipDepth -= 1 }
                if element.name == Self.head { headDepth -= 1 }
            }
            stack.removeSubrange(position...)
            if quoteDepth == 0, !inOutlookTail { flushQuote() }
        }

        private mutating func breakParagraph(_ name: [UInt8], at range: Range<Int>) {
            if name == Array("br".utf8) {
                append("\n", for: range)
            } else if Self.blocks.contains(name) {
                breakParagraph(at: range)
            }
        }

        private mutating func breakParagraph(at range: Range<Int>) { append("\n\n", for: range) }

        // MARK: Tables

        private static let blocks: Set<[UInt8]> = Set([
            "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
            "hr", "pre", "section", "article", "header", "footer", "dl", "dt", "dd", "address", "center",
        ].map { Array($0.utf8) })
        private static let void: Set<[UInt8]> = Set([
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        ].map { Array($0.utf8) })
        private static let head = Array("head".utf8)
        private static let headContent: Set<[UInt8]> = Set([
            "head", "title", "meta", "link", "style", "script", "base", "noscript",
        ].map { Array($0.utf8) })
        private static let rawText: Set<[UInt8]> = Set(["script", "style", "title", "textarea", "xmp"].map { Array($0.utf8) })
        private static let quoteClasses: Set<String> = ["gmail_quote", "gmail_quote_container", "moz-cite-prefix", "yahoo_quoted"]
        private static let signatureClasses: Set<String> = ["gmail_signature", "moz-signature"]

        // MARK: Bytes

        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

        private static func starts(_ bytes: [UInt8], at start: Int, with prefix: String) -> Bool {
            let prefix = Array(prefix.utf8)
            return start + prefix.count <= bytes.count && bytes[start..<(start + prefix.count)].elementsEqual(prefix)
        }

        /// Where `needle` (lowercase) first occurs at or after `start`, ASCII letters in any case.
        private static func findIgnoringCase(_ bytes: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
            let fold: (UInt8) -> UInt8 = { isLetter($0) ? $0 | 0x20 : $0 }
            for position in start...(bytes.count - needle.count)
            where zip(bytes[position...], needle).allSatisfy({ fold($0) == fold($1) }) {
                return position
            }
            return nil
        }
    }

    /// A start or end tag: its lowercased name, and the attributes replylint looks at.
    private struct Tag {
        var name: [UInt8]
        var isEnd: Bool
        var isSelfClosing: Bool
        var id: String?
        var classes: [String] = []

        /// Nil for a comment, a doctype or a processing instruction.
        init?(_ bytes: ArraySlice<UInt8>) {
            var position = bytes.startIndex + 1
            isEnd = position < bytes.endIndex && bytes[position] == UInt8(ascii: "/")
            if isEnd { position += 1 }
            guard position < bytes.endIndex, Reader.isLetter(bytes[position]) else { return nil }
            let nameStart = position
            while position < bytes.endIndex, !Self.endsName(bytes[position]) { position += 1 }
            name = bytes[nameStart..<position].map { Reader.isLetter($0) ? $0 | 0x20 : $0 }
            let last = bytes.last == UInt8(ascii: ">") ? bytes.endIndex - 1 : bytes.endIndex
            isSelfClosing = last > position && bytes[last - 1] == UInt8(ascii: "/")
            guard !isEnd else { return }
            for (key, value) in Self.attributes(bytes[position..<last]) {
                if key == "id" { id = value }
                if key == "class" { classes = value.split(separator: " ").map(String.init) }
            }
        }

        private static func endsName(_ byte: UInt8) -> Bool {
            byte <= 0x20 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
        }

        /// `key=value`, `key="value"`, `key='value'` and bare `key`, keys lowercased.
        private static func attributes(_ bytes: ArraySlice<UInt8>) -> [(String, String)] {
            var result: [(String, String)] = []
            var position = bytes.startIndex
            func skipSpaces() { while position < bytes.endIndex, bytes[position] <= 0x20 || bytes[position] == UInt8(ascii: "/") { position += 1 } }
            while true {
                skipSpaces()
                guard position < bytes.endIndex else { return result }
                let keyStart = position
                while position < bytes.endIndex, bytes[position] > 0x20, bytes[position] != UInt8(ascii: "=") { position += 1 }
                let key = String(decoding: bytes[keyStart..<position], as: UTF8.self).lowercased()
                guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "=") else {
                    result.append((key, ""))
                    continue
                }
                position += 1
                var valueStart = position, valueEnd: Int
                if position < bytes.endIndex, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                    let quote = bytes[position]
                    valueStart += 1
                    valueEnd = valueStart
                    while valueEnd < bytes.endIndex, bytes[valueEnd] != quote { valueEnd += 1 }
                    position = min(valueEnd + 1, bytes.endIndex)
                } else {
                    valueEnd = position
                    while valueEnd < bytes.endIndex, bytes[valueEnd] > 0x20 { valueEnd += 1 }
                    position = valueEnd
                }
                result.append((key, String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)))
            }
        }
    }
}

/// HTML character references: named (the ones email bodies use), decimal and hexadecimal.
enum Entities {
    /// The text of the reference at `start` and where it ends, or nil when "&" is just text.
    static func decode(_ bytes: [UInt8], at start: Int, limit: Int) -> (String, Int)? {
        var end = start + 1
        while end < limit, end - start <= 32, bytes[end] != UInt8(ascii: ";"), bytes[end] > 0x20, bytes[end] != UInt8(ascii: "&") {
            end += 1
        }
        guard end < limit, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            // Zero and values that are no Unicode scalar read as the replacement character.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), end + 1)
        }
        guard let named = named[body] else { return nil }
        return (named, end + 1)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        // A no-break space reads as a space: replies use it only for layout.
        "nbsp": " ", "shy": "", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "bdquo": "„", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•", "middot": "·", "times": "×", "deg": "°",
        "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "sect": "§", "numero": "№",
        "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
    ]
}
