/// A way of writing a template's blank: `{{name}}`, `[Name]`, `%name%`…, given as its
/// opening and closing delimiters.
public struct PlaceholderSyntax: Sendable, Hashable, CustomStringConvertible {
    public var open: String
    public var close: String

    /// The syntaxes of issue 3: mustache, single braces, brackets, percent signs, guillemets.
    public static let defaults: [PlaceholderSyntax] = ["{{name}}", "{name}", "[name]", "%name%", "<<name>>"].map { Self(example: $0)! }

    /// A syntax from an example such as "{{name}}": the word `name` stands for the blank's name.
    public init?(example: String) {
        guard let name = example.range(of: "name") else { return nil }
        let open = String(example[..<name.lowerBound]), close = String(example[name.upperBound...])
        guard !open.isEmpty, !close.isEmpty, !open.contains("name"), !close.contains("name"),
              !(open + close).contains(where: { $0.isLetter || $0.isNumber || $0.isWhitespace })
        else { return nil }
        self.open = open
        self.close = close
    }

    public var description: String { open + "name" + close }
}

/// Finds placeholders in UTF-8 text. A name starts with a letter or "_", then letters,
/// digits, "_", "-", "." and single spaces, on one line, at most 40 bytes: so «скидка 10%,
/// а не 20%» and "[1]" are not placeholders, while "[Client Name]" and "{{срок}}" are.
struct PlaceholderFinder {
    private let syntaxes: [(open: [UInt8], close: [UInt8])]
    /// The bytes openers start with, each once: a text is searched for each with `memchr`,
    /// which skips the bytes between candidates many at a time.
    private let openerStarts: [UInt8]
    private static let maximumName = 40

    init(_ syntaxes: [PlaceholderSyntax]) {
        // Longer openers first, so "{{x}}" is one placeholder, not "{" + "{x}" + "}".
        self.syntaxes = syntaxes.map { (Array($0.open.utf8), Array($0.close.utf8)) }.sorted { $0.open.count > $1.open.count }
        var openerStarts: [UInt8] = []
        for syntax in self.syntaxes where !openerStarts.contains(syntax.open[0]) { openerStarts.append(syntax.open[0]) }
        self.openerStarts = openerStarts
    }

    /// The byte ranges of every placeholder, in order, not overlapping.
    func ranges(in utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard !syntaxes.isEmpty else { return [] }
        var found: [Range<Int>] = []
        // Per opener start, where it next occurs at or after `index` (the end: nowhere).
        var next = [Int](repeating: -1, count: openerStarts.count)
        var index = 0
        while index < utf8.count {
            var candidate = utf8.count
            for start in next.indices {
                if next[start] < index { next[start] = utf8.firstOffset(of: openerStarts[start], from: index) ?? utf8.count }
                candidate = min(candidate, next[start])
            }
            guard candidate < utf8.count else { break }
            if let end = placeholderEnd(at: candidate, utf8) {
                found.append(candidate..<end)
                index = end
            } else {
                index = candidate + 1
            }
        }
        return found
    }

    private func placeholderEnd(at start: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        for syntax in syntaxes where Self.hasPrefix(utf8, syntax.open, at: start) {
            let nameStart = start + syntax.open.count
            var index = nameStart
            while index < utf8.count, index - nameStart <= Self.maximumName {
                if Self.hasPrefix(utf8, syntax.close, at: index) {
                    return isName(UnsafeBufferPointer(rebasing: utf8[nameStart..<index])) ? index + syntax.close.count : nil
                }
                index += 1
            }
        }
        return nil
    }

    private func isName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let name = String(decoding: bytes, as: UTF8.self)
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              !name.hasSuffix(" "), !name.contains("  ")
        else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "_-. ".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    private static func hasPrefix(_ utf8: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= utf8.count else { return false }
        for offset in prefix.indices where utf8[index + offset] != prefix[offset] { return false }
        return true
    }
}

extension AnalyzedText {
    /// The words of a placeholder's name, folded: "{{Delivery_Date}}" → ["delivery", "date"].
    func placeholderWords(of token: Token) -> [Substring] {
        form(of: token).split { !($0.isLetter || $0.isNumber) }
    }
}
