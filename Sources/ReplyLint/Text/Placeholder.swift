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
    /// Per byte value, whether an opener starts with it: most bytes are skipped at one look.
    private let startsOpener: [Bool]
    private static let maximumName = 40

    init(_ syntaxes: [PlaceholderSyntax]) {
        // Longer openers first, so "{{x}}" is one placeholder, not "{" + "{x}" + "}".
        self.syntaxes = syntaxes.map { (Array($0.open.utf8), Array($0.close.utf8)) }.sorted { $0.open.count > $1.open.count }
        var startsOpener = [Bool](repeating: false, count: 256)
        for syntax in self.syntaxes { startsOpener[Int(syntax.open[0])] = true }
        self.startsOpener = startsOpener
    }

    /// The byte ranges of every placeholder, in order, not overlapping.
    func ranges(in utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard !syntaxes.isEmpty else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        startsOpener.withUnsafeBufferPointer { startsOpener in
            while index < utf8.count {
                if startsOpener[Int(utf8[index])], let end = placeholderEnd(at: index, utf8) {
                    found.append(index..<end)
                    index = end
                } else {
                    index += 1
                }
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
