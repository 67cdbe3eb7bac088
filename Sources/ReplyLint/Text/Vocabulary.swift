/// Every spelling and every normalised form one worker has met, so that each is folded,
/// classified, weighed for its language and stemmed once, not once per occurrence: most
/// tokens of a reply are words the worker has already seen.
///
/// Indexes are valid within one `generation`; the vocabulary starts over when it grows past
/// `limit`, so memory stays bounded over a run of any length.
struct Vocabulary {
    /// A way a token is written («Извините», «извините»), and what its bytes make of it.
    struct Spelling {
        var form: Int32
        var kind: Token.Kind
        var casing: Token.Casing
    }

    /// A normalised form («извините») and what is known of it in each language.
    struct Form {
        var text: String
        /// The stem in each language, found when first needed.
        var stems = PerLanguage<String?>(ru: nil, lv: nil, en: nil)
    }

    /// Identifies one generation of indexes: texts analysed before a reset carry another one.
    final class Generation: Sendable {}

    private(set) var generation = Generation()
    private var spellingTable = ByteStringTable()
    private(set) var spellings: [Spelling] = []
    private var formTable = ByteStringTable()
    private(set) var forms: [Form] = []
    /// Per form, which language the word is evidence for and how strongly (see
    /// `LanguageDetector`): apart from the forms, as every word of every paragraph reads it,
    /// and three bytes a form stay in the cache where a `Form` would not.
    private(set) var evidence: [LanguageDetector.Evidence?] = []
    /// Per chunk met (the bytes between two runs of ASCII white space, when short and
    /// self-contained: see `Breaker.isSelfContained`), its tokens, their ranges from its start:
    /// most chunks of a reply are words and their punctuation that the worker has met before,
    /// so each is looked up whole instead of broken and looked up spelling by spelling.
    private var chunkTable = ByteStringTable()
    /// Where each chunk's tokens start in `chunkTokens`, and, in the next element, end.
    private var chunkBounds: [Int32] = [0]
    private var chunkTokens: [Token] = []
    /// Longer chunks (links, long numbers) seldom come again: they are broken each time.
    static let longestChunk = 64
    /// How many spellings, forms or chunks it holds at most before it starts over.
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Starts over when full; true when it did, so the caller drops what it keyed by index.
    mutating func startOverIfFull() -> Bool {
        guard spellings.count > limit || forms.count > limit || chunkBounds.count > limit else { return false }
        self = Vocabulary(limit: limit)
        return true
    }

    /// What `written` makes, if the vocabulary has met it: most tokens take this path, which
    /// makes no closure and no `String`.
    func spelling(of written: UnsafeBufferPointer<UInt8>) -> Spelling? {
        spellingTable.existingIndex(of: written).map { spellings[Int($0)] }
    }

    /// Appends the tokens of `chunk`, which starts at `offset` of its text, if the vocabulary
    /// has kept them; false if not.
    /// Inlined: called for every chunk of every text, and as a call it would be given a copy of
    /// the whole vocabulary.
    @inline(__always)
    func appendTokens(ofChunk chunk: UnsafeBufferPointer<UInt8>, at offset: Int, to tokens: inout [Token]) -> Bool {
        guard chunk.count <= Self.longestChunk, let index = chunkTable.existingIndex(of: chunk) else { return false }
        let (start, end) = (Int(chunkBounds[Int(index)]), Int(chunkBounds[Int(index) + 1]))
        chunkTokens.withUnsafeBufferPointer { kept in
            for position in start..<end { tokens.append(kept[position].moved(by: offset)) }
        }
        return true
    }

    /// Keeps `tokens` as those of `chunk`, which starts at `offset` of its text and is
    /// self-contained, unless it is too long to be met again.
    mutating func addChunk(_ chunk: UnsafeBufferPointer<UInt8>, tokens: ArraySlice<Token>, at offset: Int) {
        guard chunk.count <= Self.longestChunk else { return }
        _ = chunkTable.index(of: chunk)
        for token in tokens { chunkTokens.append(token.moved(by: -offset)) }
        chunkBounds.append(Int32(chunkTokens.count))
    }

    /// Adds `written`, which `spelling(of:)` did not find, with its normalised form `text` and
    /// `kind`; `evidence` tells what a new form says of its language.
    mutating func addSpelling(_ written: UnsafeBufferPointer<UInt8>, form text: String, kind: Token.Kind,
                              evidence: (String) -> LanguageDetector.Evidence?) -> Spelling {
        // Hashed a second time: only a spelling met for the first time pays that.
        _ = spellingTable.index(of: written)
        let spelling = Spelling(form: form(text, evidence: evidence), kind: kind,
                                casing: Token.Casing(written: written, form: text))
        spellings.append(spelling)
        return spelling
    }

    /// The index of the form `text`; `evidence` tells what it says of its language the first time.
    mutating func form(_ text: String, evidence: (String) -> LanguageDetector.Evidence?) -> Int32 {
        var text = text
        let (index, isNew) = text.withUTF8 { formTable.index(of: $0) }
        if isNew {
            forms.append(Form(text: text))
            self.evidence.append(evidence(text))
        }
        return index
    }

    /// The stem of `form` in `language`, from `stemmer` the first time.
    mutating func stem(of form: Int32, in language: Language, stemmer: (String) -> String) -> String {
        if let stem = forms[Int(form)].stems[language] { return stem }
        let stem = stemmer(forms[Int(form)].text)
        forms[Int(form)].stems[language] = stem
        return stem
    }
}

extension Language {
    /// The position in `allCases`: for tables with one slot per language.
    var index: Int {
        switch self {
        case .ru: 0
        case .lv: 1
        case .en: 2
        }
    }
}

/// One value per language, stored inline.
struct PerLanguage<Value> {
    var ru: Value
    var lv: Value
    var en: Value

    subscript(language: Language) -> Value {
        get {
            switch language {
            case .ru: ru
            case .lv: lv
            case .en: en
            }
        }
        // In place, so that a value holding arrays is changed without a copy of them.
        _modify {
            switch language {
            case .ru: yield &ru
            case .lv: yield &lv
            case .en: yield &en
            }
        }
    }
}

extension PerLanguage: Sendable where Value: Sendable {}

extension PerLanguage where Value == Int {
    /// Adds `amount` to `language`'s count: a plain method, inlined where the subscript's
    /// in-place access is a call, on every word of every text.
    mutating func add(_ amount: Int, to language: Language) {
        switch language {
        case .ru: ru += amount
        case .lv: lv += amount
        case .en: en += amount
        }
    }

    /// The language with the largest count above zero (of equal counts, the first in
    /// alphabetical order); nil when every count is zero.
    var largest: Language? {
        var largest: Language?
        for language in Language.allCases where self[language] > 0 {
            guard let best = largest else {
                largest = language
                continue
            }
            if (self[language], best.rawValue) > (self[best], language.rawValue) { largest = language }
        }
        return largest
    }
}
