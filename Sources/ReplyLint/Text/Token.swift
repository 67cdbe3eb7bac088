/// A word, number or punctuation mark of a document, with its place in the text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number(NumberShape)
        case punctuation
        /// A template's blank such as `{{deadline}}` or `[Name]`: one opaque token, which no
        /// lexicon word matches; its form is the written placeholder, folded.
        case placeholder
    }

    /// What a number token looks like, so patterns can ask for a clock time or a date.
    public enum NumberShape: Sendable, Hashable {
        case plain // 5, 48, 3.5
        case time // 14:00
        case date // 15.03, 15.03.2025, 2025-03-15, 15/03
        case range // 2-3
    }

    /// UTF-8 byte offsets into the document text.
    public var range: Range<Int>
    public var kind: Kind
    /// The normalised form (NFKC, case folded, «ё» → «е», one apostrophe and dash).
    public var form: String
    /// The stem of `form` in its sentence's language; empty for numbers and punctuation.
    public var stem: String = ""
    /// Whether the text is written exactly as `form`, so it has no capitals: lets checks
    /// about capitals skip almost every token without looking at its letters.
    public var isWrittenAsForm = true

    /// Words and numbers are what phrases are made of; punctuation only separates them.
    public var isWordLike: Bool {
        if case .punctuation = kind { return false }
        return true
    }
}
