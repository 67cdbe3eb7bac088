/// A document's text broken into paragraphs, sentences and tokens, each with its language.
/// Every range is in `utf8`, the text's bytes; `Sentence.tokens` indexes `tokens`.
public struct AnalyzedText: Sendable {
    /// The text as valid UTF-8: kept as bytes, as rules read only a few excerpts of it.
    public var utf8: [UInt8]
    public var tokens: [Token]
    /// The distinct words of the text: each form once per language it is written in.
    public var words: [Word]
    public var sentences: [Sentence]
    public var paragraphs: [Paragraph]
    /// The indexes in `tokens` of the placeholder tokens, in order: most texts have none, and
    /// the rules that look for them need not read every token.
    public var placeholders: [Int]
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

    /// Whether a word is among the tokens: a text without one (white space, a lone emoji) is
    /// not a reply that lacks something.
    public var hasWords: Bool { tokens.contains { $0.kind == .word } }

    public func form(of token: Token) -> String { words[Int(token.word)].form }

    public func stem(of token: Token) -> String { words[Int(token.word)].stem }

    /// The text as a `String`, made anew at each use.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The text of a byte range.
    public func excerpt(_ range: Range<Int>) -> String { String(decoding: utf8[range], as: UTF8.self) }
}
