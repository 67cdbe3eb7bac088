/// A document's text broken into paragraphs, sentences and tokens, each with its language.
/// Every range is in UTF-8 bytes of `text`; `Sentence.tokens` indexes `tokens`.
public struct AnalyzedText: Sendable {
    public var text: String
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var paragraphs: [Paragraph]
    /// The language of most of the text: what whole-document findings are written in.
    public var language: Language

    public struct Sentence: Sendable {
        public var range: Range<Int>
        public var tokens: Range<Int>
        public var language: Language
    }

    public struct Paragraph: Sendable {
        public var range: Range<Int>
        public var sentences: Range<Int>
        public var language: Language
    }

    /// Whether a sentence is mostly capitals (at least four words, more than half of them
    /// without a lowercase letter): shouting, not a run of acronyms.
    public func isShouted(_ sentence: Sentence) -> Bool {
        let words = sentence.tokens.filter { tokens[$0].kind == .word }
        guard words.count >= 4 else { return false }
        let capitals = words.filter {
            !tokens[$0].isWrittenAsForm && excerpt(tokens[$0].range).unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        }
        return capitals.count * 2 > words.count
    }

    /// The text of a byte range.
    public func excerpt(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }
}
