/// A document's text broken into paragraphs, sentences and tokens, each with its language.
/// Every range is in UTF-8 bytes of `text`; `Sentence.tokens` indexes `tokens`.
public struct AnalyzedText: Sendable {
    public var text: String
    public var tokens: [Token]
    /// The distinct words of the text: each form once per language it is written in.
    public var words: [Word]
    public var sentences: [Sentence]
    public var paragraphs: [Paragraph]
    /// The language of most of the text: what whole-document findings are written in.
    public var language: Language

    /// Which vocabulary `Word.key` belongs to (see `TextAnalyzer`).
    var generation: Vocabulary.Generation

    public struct Word: Sendable {
        /// The normalised form (NFKC, case folded, «ё» → «е», one apostrophe and dash).
        public var form: String
        /// The stem of `form` in its sentence's language; empty for numbers and punctuation.
        public var stem: String
        /// The form and language in the analyzer's vocabulary: what per-worker caches key on.
        var key: Int32
    }

    public struct Sentence: Sendable {
        public var range: Range<Int>
        public var tokens: Range<Int>
        public var language: Language
        /// How many of its tokens are words, counted as the analyzer reads them.
        public var wordCount: Int
        /// Whether the sentence is mostly capitals (at least four words, more than half of them
        /// without a lowercase letter): shouting, not a run of acronyms.
        public var isShouted: Bool
    }

    public struct Paragraph: Sendable {
        public var range: Range<Int>
        public var sentences: Range<Int>
        public var language: Language
    }

    public func form(of token: Token) -> String { words[Int(token.word)].form }

    public func stem(of token: Token) -> String { words[Int(token.word)].stem }

    /// The text of a byte range.
    public func excerpt(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }
}
