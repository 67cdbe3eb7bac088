/// Turns text into paragraphs, sentences and normalised, stemmed tokens.
///
/// It owns ICU break iterators and Snowball stemmers, which are not thread-safe, so each
/// worker creates its own analyzer and reuses it for every document it lints. It also keeps
/// the worker's vocabulary: each spelling is folded and each form stemmed once per worker.
public final class TextAnalyzer {
    private let wordBreaker: Breaker
    private let sentenceBreaker: Breaker
    private let normalizer = Normalizer()
    private let detector = LanguageDetector()
    private let stemmers: PerLanguage<any Stemmer>
    private let keepsChunks: Bool
    /// What the worker remembers between documents. `analyze` takes it out for one document
    /// and puts it back: read as a local value, its fields cost no run-time exclusivity check,
    /// which would cost more than the read itself on every token.
    private var memory: Memory?
    /// Per compiled matcher, what it has worked out for this worker (see `MatchMemo`); lent out
    /// while a document is matched (see `takeMatchMemo`).
    private var matchMemos: [ObjectIdentifier: MatchMemo] = [:]
    /// The finder for the placeholder syntaxes the last text was analysed with: every text of
    /// a run has the same ones, and making a finder is a tenth of a small file's analysis.
    private var placeholderFinder: (syntaxes: [PlaceholderSyntax], finder: PlaceholderFinder)?

    private struct Memory {
        var vocabulary: Vocabulary
        /// Per `Word.key`, its index in the words of the text being analysed, valid where the
        /// slot holds the current text's `stamp`: no table to clear per document. Both halves
        /// of a slot sit together, as each token reads them at a place of its own.
        var wordSlots: [WordSlot] = []
        var stamp: UInt32 = 0

        struct WordSlot {
            var stamp: UInt32 = 0
            var index: Int32 = 0
        }

        /// A new stamp for the next text's words, and a new vocabulary when the old one is
        /// full; true when it started over, so the caller drops what it keyed by vocabulary index.
        mutating func startDocument() -> Bool {
            let startsOver = vocabulary.startOverIfFull()
            if startsOver { wordSlots = [] }
            stamp &+= 1
            if stamp == 0 {
                wordSlots = Array(repeating: WordSlot(), count: wordSlots.count)
                stamp = 1
            }
            return startsOver
        }

        /// Gives the tokens from `index` that begin before `end` their word in `language` (a
        /// word's stem depends on its sentence's language) and moves `index` past them; returns
        /// how many are words, and how many of those have no lowercase letter. A method taking
        /// everything it changes, not a closure capturing it: a captured variable would cost a
        /// run-time exclusivity check per token.
        mutating func takeWords(_ tokens: inout [Token], from index: inout Int, upTo end: Int, language: Language,
                                stemmers: PerLanguage<any Stemmer>, into words: inout [AnalyzedText.Word]) -> (words: Int, capitalised: Int) {
            // Every form is in the vocabulary by now: the table is grown once, and read by pointer.
            let needed = vocabulary.forms.count * 3
            if wordSlots.count < needed {
                wordSlots += repeatElement(WordSlot(), count: max(needed, wordSlots.count * 2) - wordSlots.count)
            }
            var count = 0, capitalised = 0
            let stamp = self.stamp
            tokens.withUnsafeMutableBufferPointer { tokens in
                wordSlots.withUnsafeMutableBufferPointer { slots in
                    while index < tokens.count, tokens[index].range.lowerBound < end {
                        let token = tokens[index]
                        if token.kind == .word {
                            count += 1
                            if token.casing == .noLowercase { capitalised += 1 }
                        }
                        // A form's word in each language it is met in: its stem depends on the language.
                        let key = Int(token.word) * 3 + language.index
                        if slots[key].stamp != stamp {
                            let stem = token.kind == .word
                                ? vocabulary.stem(of: token.word, in: language) { stemmers[language].stem($0) } : ""
                            words.append(AnalyzedText.Word(form: vocabulary.forms[Int(token.word)].text, stem: stem, key: Int32(key)))
                            slots[key] = WordSlot(stamp: stamp, index: Int32(words.count - 1))
                        }
                        tokens[index].word = slots[key].index
                        index += 1
                    }
                }
            }
            return (count, capitalised)
        }
    }

    /// `vocabularyLimit`: how many distinct spellings the worker remembers before it starts over.
    /// `keepsChunks`: whether texts are tokenized chunk by chunk, each chunk broken once per
    /// worker (see `tokenize`); without, each text is broken whole, which is what tests check
    /// the chunks against.
    init(vocabularyLimit: Int, keepsChunks: Bool = true) throws {
        self.keepsChunks = keepsChunks
        memory = Memory(vocabulary: Vocabulary(limit: vocabularyLimit))
        wordBreaker = try Breaker(.wordSkippingSpaces)
        sentenceBreaker = try Breaker(.sentence)
        guard let russian = SnowballStemmer(algorithm: "russian"),
              let english = SnowballStemmer(algorithm: "english")
        else { throw StemmerUnavailable() }
        stemmers = PerLanguage(ru: russian, lv: LatvianStemmer(), en: english)
    }

    public convenience init() throws {
        try self.init(vocabularyLimit: 500_000)
    }

    /// Normalises and stems one word the way the analyzer treats tokens of `language`.
    func foldAndStem(_ word: String, language: Language) -> (form: String, stem: String) {
        let form = normalizer.fold(word)
        return (form, stemmers[language].stem(form))
    }

    /// The worker's memo of what `matcher` has worked out for texts of `generation`, lent for
    /// one document: taken out, so that adding to it copies nothing, and given back with
    /// `giveBack(_:generation:)`. A text from an older generation gets a memo of its own.
    func takeMatchMemo(for matcher: PhraseMatcher, generation: Vocabulary.Generation) -> MatchMemo {
        guard generation === memory?.vocabulary.generation else { return MatchMemo(matcher) }
        return matchMemos.removeValue(forKey: ObjectIdentifier(matcher)) ?? MatchMemo(matcher)
    }

    /// Keeps a memo lent by `takeMatchMemo` for the next document, if its words are still current.
    func giveBack(_ memo: MatchMemo, generation: Vocabulary.Generation) {
        guard generation === memory?.vocabulary.generation else { return }
        matchMemos[ObjectIdentifier(memo.matcher)] = memo
    }

    /// Analyses `text`; `language` forces one language for every paragraph, and text written
    /// in one of `placeholders` becomes a single placeholder token.
    public func analyze(_ text: String, language forced: Language? = nil,
                        placeholders: [PlaceholderSyntax] = PlaceholderSyntax.defaults) -> AnalyzedText {
        analyze(utf8: Array(text.utf8), language: forced, placeholders: placeholders)
    }

    /// Analyses `text`, which must be valid UTF-8: a file's prose is analysed as the bytes it
    /// was checked as, not copied and checked once more into a `String`.
    func analyze(utf8 text: [UInt8], language forced: Language? = nil,
                 placeholders: [PlaceholderSyntax] = PlaceholderSyntax.defaults) -> AnalyzedText {
        // A worker analyses one text at a time, so the memory is always there to take.
        var memory = self.memory.take()!
        defer { self.memory = memory }
        if memory.startDocument() { matchMemos = [:] }
        return text.withUnsafeBufferPointer { utf8 in
            var tokens = tokenize(utf8, vocabulary: &memory.vocabulary)
            let placeholderRanges = finder(for: placeholders).ranges(in: utf8)
            let placeholders = placeholderRanges.isEmpty ? []
                : mergePlaceholders(&tokens, placeholderRanges, in: utf8, vocabulary: &memory.vocabulary)
            let paragraphRanges = Self.paragraphRanges(utf8)

            // Language per paragraph; a paragraph with too little evidence follows the document.
            var totals = PerLanguage(ru: 0, lv: 0, en: 0)
            var detected: [Language?] = []
            detected.reserveCapacity(paragraphRanges.count)
            var tokenIndex = 0
            for range in paragraphRanges {
                var scores = PerLanguage(ru: 0, lv: 0, en: 0)
                while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < range.upperBound {
                    if tokens[tokenIndex].kind == .word, let evidence = memory.vocabulary.evidence[Int(tokens[tokenIndex].word)] {
                        scores.add(Int(evidence.weight), to: evidence.language)
                    }
                    tokenIndex += 1
                }
                for language in Language.allCases { totals.add(scores[language], to: language) }
                detected.append(detector.decide(scores))
            }
            let documentLanguage = forced ?? detector.decide(totals, minimum: 1) ?? .en

            // Sized for a reply at once, not grown from nothing a few times over: a long text
            // grows them further, against many more tokens.
            var words: [AnalyzedText.Word] = []
            words.reserveCapacity(min(tokens.count, 512))
            var sentences: [AnalyzedText.Sentence] = []
            sentences.reserveCapacity(min(tokens.count / 8 + 1, 64))
            var paragraphs: [AnalyzedText.Paragraph] = []
            paragraphs.reserveCapacity(paragraphRanges.count)
            var sentenceRanges: [Range<Int>] = []
            tokenIndex = 0
            for (range, language) in zip(paragraphRanges, detected) {
                let language = forced ?? language ?? documentLanguage
                let firstSentence = sentences.count
                findSentences(utf8, paragraph: range, tokens: tokens, language: language, forms: memory.vocabulary.forms,
                              into: &sentenceRanges)
                for sentenceRange in sentenceRanges {
                    let first = tokenIndex
                    let (count, capitalised) = memory.takeWords(&tokens, from: &tokenIndex, upTo: sentenceRange.upperBound,
                                                                language: language, stemmers: stemmers, into: &words)
                    sentences.append(.init(range: sentenceRange, tokens: first..<tokenIndex, language: language,
                                           wordCount: count, isShouted: count >= 4 && capitalised * 2 > count))
                }
                paragraphs.append(.init(range: range, sentences: firstSentence..<sentences.count, language: language))
            }
            // Every token is in a sentence; this only keeps `word` meaningful if one were not.
            _ = memory.takeWords(&tokens, from: &tokenIndex, upTo: .max, language: documentLanguage, stemmers: stemmers,
                                 into: &words)
            return AnalyzedText(utf8: text, tokens: tokens, words: words, sentences: sentences, paragraphs: paragraphs,
                                placeholders: placeholders, language: documentLanguage, generation: memory.vocabulary.generation)
        }
    }

    private func finder(for syntaxes: [PlaceholderSyntax]) -> PlaceholderFinder {
        if let kept = placeholderFinder, kept.syntaxes == syntaxes { return kept.finder }
        let finder = PlaceholderFinder(syntaxes)
        placeholderFinder = (syntaxes, finder)
        return finder
    }

    private func evidence(of form: String) -> LanguageDetector.Evidence? { detector.evidence(of: form) }

    // MARK: Words

    /// The text's tokens: chunk by chunk (see `appendTokensByChunk`), else, if one chunk's
    /// breaks may depend on what is around it, with the whole text broken at once.
    private func tokenize(_ utf8: UnsafeBufferPointer<UInt8>, vocabulary: inout Vocabulary) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 6)
        if keepsChunks, appendTokensByChunk(of: utf8, to: &tokens, vocabulary: &vocabulary) { return tokens }
        tokens.removeAll(keepingCapacity: true)
        appendTokens(of: utf8, at: 0, to: &tokens, vocabulary: &vocabulary)
        return tokens
    }

    /// Appends the text's tokens chunk by chunk: the bytes between runs of ASCII white space,
    /// which no token crosses. A chunk the vocabulary has kept is copied from it; another is
    /// broken and kept. Stops and returns false at a chunk whose breaks may depend on the white
    /// space around it or on more than its own letters (see `Breaker.isSelfContained`).
    private func appendTokensByChunk(of utf8: UnsafeBufferPointer<UInt8>, to tokens: inout [Token],
                                     vocabulary: inout Vocabulary) -> Bool {
        var end = 0
        while true {
            var start = end
            while start < utf8.count, Self.isSpace(utf8[start]) { start += 1 }
            guard start < utf8.count else { return true }
            end = start + 1
            while end < utf8.count, !Self.isSpace(utf8[end]) { end += 1 }
            let chunk = UnsafeBufferPointer(rebasing: utf8[start..<end])
            if vocabulary.appendTokens(ofChunk: chunk, at: start, to: &tokens) { continue }
            guard Breaker.isSelfContained(chunk) else { return false }
            let first = tokens.count
            appendTokens(of: chunk, at: start, to: &tokens, vocabulary: &vocabulary)
            vocabulary.addChunk(chunk, tokens: tokens[first...], at: start)
        }
    }

    /// Appends the tokens of `part`, which starts at `offset` of its text: ICU word break, then
    /// the joins ICU does not make: hyphenated words and numbers («кто-то», «e-pasts», 2-3,
    /// 2025-03-15), clock times (14:00) and slashed dates (15/03). Each token's `word` is its
    /// form in the vocabulary.
    private func appendTokens(of part: UnsafeBufferPointer<UInt8>, at offset: Int, to tokens: inout [Token],
                              vocabulary: inout Vocabulary) {
        // The token being read, and the segment after it, which joins the next part to it if
        // the part comes; if not, that segment begins the next token. A plain loop with no
        // closure: a variable a closure captured would cost an exclusivity check per token.
        var token: PendingToken?
        var joiner: Breaker.Segment?
        // The breaker leaves out the segments of white space between words.
        var segments = wordBreaker.segments(of: part)
        while let segment = segments.next() {
            guard let current = token else {
                token = PendingToken(segment)
                continue
            }
            guard let candidate = joiner else {
                joiner = segment
                continue
            }
            if isJoinable(current.last, candidate, segment, part) {
                token?.join(segment)
                joiner = nil
            } else {
                append(current, of: part, at: offset, to: &tokens, vocabulary: &vocabulary)
                token = PendingToken(candidate)
                joiner = segment
            }
        }
        if let token { append(token, of: part, at: offset, to: &tokens, vocabulary: &vocabulary) }
        if let joiner { append(PendingToken(joiner), of: part, at: offset, to: &tokens, vocabulary: &vocabulary) }
    }

    /// Appends the token read as `token` from `part`, which starts at `offset` of its text, with
    /// its spelling's form, kind and casing: from the vocabulary, or folded and classified the
    /// first time the worker meets the spelling.
    private func append(_ token: PendingToken, of part: UnsafeBufferPointer<UInt8>, at offset: Int, to tokens: inout [Token],
                        vocabulary: inout Vocabulary) {
        let written = UnsafeBufferPointer(rebasing: part[token.start..<token.last.end])
        let spelling: Vocabulary.Spelling
        if let known = vocabulary.spelling(of: written) {
            spelling = known
        } else {
            let form = normalizer.fold(written)
            spelling = vocabulary.addSpelling(written, form: form, kind: token.kind(form: form), evidence: evidence)
        }
        tokens.append(Token(range: (offset + token.start)..<(offset + token.last.end), kind: spelling.kind, word: spelling.form,
                            casing: spelling.casing))
    }

    /// A token while its segments are read: parts alternating with joiners.
    private struct PendingToken {
        var start: Int
        var last: Breaker.Segment
        var isOneSegment = true
        var allPartsAreNumbers: Bool
        var hasWordPart: Bool

        init(_ segment: Breaker.Segment) {
            (start, last) = (segment.start, segment)
            allPartsAreNumbers = TextAnalyzer.isNumber(segment)
            hasWordPart = segment.status != 0
        }

        /// Takes in the joiner after the last part, and `part` after it.
        mutating func join(_ part: Breaker.Segment) {
            last = part
            isOneSegment = false
            allPartsAreNumbers = allPartsAreNumbers && TextAnalyzer.isNumber(part)
            hasWordPart = hasWordPart || part.status != 0
        }

        /// The parts decide the kind.
        func kind(form: String) -> Token.Kind {
            if allPartsAreNumbers { return .number(.of(form)) }
            if isOneSegment, TextAnalyzer.isOrdinal(form) { return .number(.plain) }
            return hasWordPart ? .word : .punctuation
        }
    }

    /// Makes the tokens of each placeholder (`{`, `{`, `deadline`, `}`, `}`) one placeholder
    /// token, in place (a large text has millions of tokens); a placeholder whose edges fall
    /// inside a token is left as it is. Returns the indexes of the placeholder tokens.
    private func mergePlaceholders(_ tokens: inout [Token], _ placeholders: [Range<Int>], in utf8: UnsafeBufferPointer<UInt8>,
                                   vocabulary: inout Vocabulary) -> [Int] {
        var merged: [Int] = []
        var next = 0, index = 0, kept = 0
        while index < tokens.count {
            let start = tokens[index].range.lowerBound
            while next < placeholders.count, placeholders[next].lowerBound < start { next += 1 }
            if next < placeholders.count, placeholders[next].lowerBound == start,
               let last = tokens[index...].firstIndex(where: { $0.range.upperBound >= placeholders[next].upperBound }),
               tokens[last].range.upperBound == placeholders[next].upperBound {
                let range = placeholders[next]
                let written = UnsafeBufferPointer(rebasing: utf8[range])
                let form = normalizer.fold(written)
                tokens[kept] = Token(range: range, kind: .placeholder, word: vocabulary.form(form, evidence: evidence),
                                     casing: Token.Casing(written: written, form: form))
                merged.append(kept)
                index = last + 1
            } else {
                tokens[kept] = tokens[index]
                index += 1
            }
            kept += 1
        }
        tokens.removeLast(tokens.count - kept)
        return merged
    }

    private func isJoinable(_ left: Breaker.Segment, _ joiner: Breaker.Segment, _ right: Breaker.Segment,
                            _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.end == joiner.start, joiner.end == right.start,
              left.status != 0, right.status != 0 else { return false }
        let mark = UnsafeBufferPointer(rebasing: utf8[joiner.start..<joiner.end])
        func isMark(_ candidates: String...) -> Bool { candidates.contains { mark.elementsEqual($0.utf8) } }
        if isMark("-", "\u{2010}", "\u{2011}") { return true }
        return isMark("\u{2013}", ":", "/") && Self.isNumber(left) && Self.isNumber(right)
    }

    private static func isNumber(_ segment: Breaker.Segment) -> Bool { (100..<200).contains(segment.status) }

    /// English ordinals ("14th", "1st") are numbers to patterns, as «14.» is.
    private static func isOrdinal(_ form: String) -> Bool {
        let bytes = form.utf8
        let digits = bytes.prefix { (0x30...0x39).contains($0) }.count
        guard (1...4).contains(digits), bytes.count == digits + 2 else { return false }
        let suffix = bytes.dropFirst(digits)
        return ["st", "nd", "rd", "th"].contains { suffix.elementsEqual($0.utf8) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    // MARK: Paragraphs and sentences

    /// Paragraphs are separated by blank lines; a paragraph ends with its last non-blank line.
    private static func paragraphRanges(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(16)
        var start: Int?
        var lineStart = 0
        while lineStart < utf8.count {
            let lineEnd = utf8.firstOffset(of: 0x0A, from: lineStart) ?? utf8.count
            let blank = utf8[lineStart..<lineEnd].allSatisfy(isSpace)
            if blank, let first = start {
                ranges.append(first..<trimmedEnd(utf8, lineStart))
                start = nil
            } else if !blank, start == nil {
                start = lineStart
            }
            lineStart = lineEnd + 1
        }
        if let first = start { ranges.append(first..<trimmedEnd(utf8, utf8.count)) }
        return ranges
    }

    private static func trimmedEnd(_ utf8: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var end = end
        while end > 0, isSpace(utf8[end - 1]) { end -= 1 }
        return end
    }

    /// ICU sentence break over one paragraph, which reads line breaks as spaces (replies are
    /// often hard-wrapped), then rejoined after abbreviations ICU does not know: into `ranges`,
    /// which it empties first, so that one array serves every paragraph.
    private func findSentences(_ utf8: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>, tokens: [Token],
                               language: Language, forms: [Vocabulary.Form], into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        let buffer = UnsafeBufferPointer(rebasing: utf8[paragraph])
        sentenceBreaker.forEachSegment(in: buffer) { segment in
            let range = (paragraph.lowerBound + segment.start)..<(paragraph.lowerBound + Self.trimmedEnd(buffer, segment.end))
            if let last = ranges.last, Self.endsWithAbbreviation(last, tokens: tokens, language: language, forms: forms) {
                ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
            } else if !range.isEmpty {
                ranges.append(range)
            }
        }
    }

    /// Whether a sentence ends in "abbreviation." — a word in the language's list followed
    /// directly by a full stop. `tokens` still name vocabulary `forms`.
    private static func endsWithAbbreviation(_ sentence: Range<Int>, tokens: [Token], language: Language,
                                             forms: [Vocabulary.Form]) -> Bool {
        // Binary search for the last token inside the sentence.
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.upperBound <= sentence.upperBound { low = mid + 1 } else { high = mid }
        }
        guard low >= 2 else { return false }
        let stop = tokens[low - 1], word = tokens[low - 2]
        guard forms[Int(stop.word)].text == ".", word.range.upperBound == stop.range.lowerBound,
              word.range.lowerBound >= sentence.lowerBound else { return false }
        var form = forms[Int(word.word)].text
        return form.withUTF8 { Abbreviations.isNonFinal($0, in: language) }
    }
}

struct StemmerUnavailable: Error, CustomStringConvertible {
    var description: String { "libstemmer has no Russian or English stemmer" }
}

extension Token.NumberShape {
    /// Classifies a normalised number token: a clock time, a numeric date, a range, or plain.
    static func of(_ form: String) -> Self {
        let parts = form.split(whereSeparator: { ":.-/".contains($0) }).map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return .plain }
        let numbers = parts.map { $0! }
        let digits = form.split(whereSeparator: { ":.-/".contains($0) }).map(\.count)
        if form.contains(":") {
            return numbers.count == 2 && numbers[0] <= 24 && numbers[1] < 60 && digits[1] == 2 ? .time : .plain
        }
        if form.contains("-") {
            if numbers.count == 3, digits[0] == 4, (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) { return .date }
            return numbers.count == 2 ? .range : .plain
        }
        if form.contains(".") || form.contains("/") {
            let dayMonth = numbers.count >= 2 && (1...31).contains(numbers[0]) && (1...12).contains(numbers[1])
                && digits[0] <= 2 && digits[1] == 2
            let year = numbers.count == 2 || (numbers.count == 3 && (digits[2] == 2 || digits[2] == 4))
            return dayMonth && year ? .date : .plain
        }
        return .plain
    }
}
