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

    // Sixteen bytes a token: a large document has millions of them.
    private var start: Int32
    private var end: Int32
    /// The token's word in `AnalyzedText.words`: its normalised form and stem. While the
    /// analyzer is still reading the text, an index into its vocabulary's forms.
    public internal(set) var word: Int32
    public var kind: Kind
    public var casing: Casing

    /// UTF-8 byte offsets into the document text.
    public var range: Range<Int> { Int(start)..<Int(end) }

    /// How a token's letters are written, as far as checks about capitals need to know: most
    /// tokens are written as their form, so those checks skip them without reading letters.
    public enum Casing: Sendable, Hashable {
        /// Exactly as its form, so without capitals.
        case asForm
        /// Otherwise, with a lowercase letter: "Sorry", «ёлка», "don’t".
        case mixed
        /// Otherwise, without a lowercase letter: "SLA", «ВНИМАНИЕ».
        case noLowercase

        init(written: UnsafeBufferPointer<UInt8>, form: String) {
            if form.utf8.elementsEqual(written) {
                self = .asForm
            } else if written.allSatisfy({ $0 < 0x80 }) {
                self = written.contains { (0x61...0x7A).contains($0) } ? .mixed : .noLowercase
            } else {
                self = String(decoding: written, as: UTF8.self).unicodeScalars.contains(where: \.properties.isLowercase) ? .mixed : .noLowercase
            }
        }
    }

    init(range: Range<Int>, kind: Kind, word: Int32, casing: Casing) {
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
        self.kind = kind
        self.word = word
        self.casing = casing
    }

    /// The same token `offset` bytes further on: a chunk's tokens are kept from its start.
    func moved(by offset: Int) -> Token {
        var token = self
        token.start += Int32(offset)
        token.end += Int32(offset)
        return token
    }

    /// Words and numbers are what phrases are made of; punctuation only separates them.
    public var isWordLike: Bool {
        if case .punctuation = kind { return false }
        return true
    }
}
