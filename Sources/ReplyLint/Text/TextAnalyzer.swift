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
    private var vocabulary: Vocabulary
    /// Per `Word.key`, its index in the words of the text being analysed, valid where
    /// `wordStamps` holds the current text's `stamp`: no table to clear per document.
    private var wordIndexes: [Int32] = []
    private var wordStamps: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Per compiled matcher, the lexicon atoms each vocabulary word satisfies.
    private var atomCaches: [ObjectIdentifier: AtomCache] = [:]

    /// `vocabularyLimit`: how many distinct spellings the worker remembers before it starts over.
    init(vocabularyLimit: Int) throws {
        vocabulary = Vocabulary(limit: vocabularyLimit)
        wordBreaker = try Breaker(.word)
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

    /// The worker's memo of what `matcher` makes of each word of texts of `generation`; a
    /// text from an older generation gets a memo of its own.
    func atomCache(for matcher: PhraseMatcher, generation: Vocabulary.Generation) -> AtomCache {
        guard generation === vocabulary.generation else { return AtomCache(matcher) }
        if let cache = atomCaches[ObjectIdentifier(matcher)] { return cache }
        let cache = AtomCache(matcher)
        atomCaches[ObjectIdentifier(matcher)] = cache
        return cache
    }

    /// Analyses `text`; `language` forces one language for every paragraph, and text written
    /// in one of `placeholders` becomes a single placeholder token.
    public func analyze(_ text: String, language forced: Language? = nil,
                        placeholders: [PlaceholderSyntax] = PlaceholderSyntax.defaults) -> AnalyzedText {
        startDocument()
        var text = text
        var analysis = text.withUTF8 { utf8 in
            var tokens = tokenize(utf8)
            let placeholderRanges = PlaceholderFinder(placeholders).ranges(in: utf8)
            if !placeholderRanges.isEmpty { mergePlaceholders(&tokens, placeholderRanges, in: utf8) }
            let paragraphRanges = Self.paragraphRanges(utf8)

            // Language per paragraph; a paragraph with too little evidence follows the document.
            var totals = PerLanguage(ru: 0, lv: 0, en: 0)
            var detected: [Language?] = []
            var tokenIndex = 0
            for range in paragraphRanges {
                var scores = PerLanguage(ru: 0, lv: 0, en: 0)
                while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < range.upperBound {
                    if tokens[tokenIndex].kind == .word, let evidence = vocabulary.forms[Int(tokens[tokenIndex].word)].evidence {
                        scores[evidence.language] += evidence.weight
                    }
                    tokenIndex += 1
                }
                for language in Language.allCases { totals[language] += scores[language] }
                detected.append(detector.decide(scores))
            }
            let documentLanguage = forced ?? detector.decide(totals, minimum: 1) ?? .en

            var words: [AnalyzedText.Word] = []
            var sentences: [AnalyzedText.Sentence] = []
            var paragraphs: [AnalyzedText.Paragraph] = []
            tokenIndex = 0
            // Tokens take their word in their sentence's language: its stem depends on it.
            func takeWords(upTo end: Int, language: Language) -> (words: Int, capitalised: Int) {
                var count = 0, capitalised = 0
                while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < end {
                    let token = tokens[tokenIndex]
                    if token.kind == .word {
                        count += 1
                        if token.casing == .noLowercase { capitalised += 1 }
                    }
                    tokens[tokenIndex].word = word(token.word, kind: token.kind, language: language, into: &words)
                    tokenIndex += 1
                }
                return (count, capitalised)
            }
            for (range, language) in zip(paragraphRanges, detected) {
                let language = forced ?? language ?? documentLanguage
                let firstSentence = sentences.count
                for sentenceRange in sentenceRanges(utf8, paragraph: range, tokens: tokens, language: language) {
                    let first = tokenIndex
                    let (count, capitalised) = takeWords(upTo: sentenceRange.upperBound, language: language)
                    sentences.append(.init(range: sentenceRange, tokens: first..<tokenIndex, language: language,
                                           isShouted: count >= 4 && capitalised * 2 > count))
                }
                paragraphs.append(.init(range: range, sentences: firstSentence..<sentences.count, language: language))
            }
            // Every token is in a sentence; this only keeps `word` meaningful if one were not.
            _ = takeWords(upTo: .max, language: documentLanguage)
            return AnalyzedText(text: "", tokens: tokens, words: words, sentences: sentences, paragraphs: paragraphs,
                                language: documentLanguage, generation: vocabulary.generation)
        }
        analysis.text = text
        return analysis
    }

    /// A new stamp for the text's words, and a new vocabulary when the old one is full.
    private func startDocument() {
        if vocabulary.startOverIfFull() {
            wordIndexes = []
            wordStamps = []
            atomCaches = [:]
        }
        stamp &+= 1
        if stamp == 0 {
            wordStamps = Array(repeating: 0, count: wordStamps.count)
            stamp = 1
        }
    }

    /// The index in `words` of vocabulary form `form` in `language`, added the first time.
    private func word(_ form: Int32, kind: Token.Kind, language: Language, into words: inout [AnalyzedText.Word]) -> Int32 {
        let key = Int(form) * 3 + language.index
        if key >= wordStamps.count {
            let count = max(key + 1, wordStamps.count * 2)
            wordStamps += repeatElement(0, count: count - wordStamps.count)
            wordIndexes += repeatElement(0, count: count - wordIndexes.count)
        }
        if wordStamps[key] == stamp { return wordIndexes[key] }
        let stem = kind == .word ? vocabulary.stem(of: form, in: language) { stemmers[language].stem($0) } : ""
        words.append(AnalyzedText.Word(form: vocabulary.forms[Int(form)].text, stem: stem, key: Int32(key)))
        wordStamps[key] = stamp
        wordIndexes[key] = Int32(words.count - 1)
        return wordIndexes[key]
    }

    private func describe(_ form: String) -> Vocabulary.Form {
        Vocabulary.Form(text: form, evidence: detector.evidence(of: form))
    }

    // MARK: Words

    /// ICU word break, then the joins ICU does not make: hyphenated words and numbers
    /// («кто-то», «e-pasts», 2-3, 2025-03-15), clock times (14:00) and slashed dates (15/03).
    /// Each token's `word` is its form in the vocabulary.
    private func tokenize(_ utf8: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 6)
        // The current token's segments: parts alternating with joiners, and at the end
        // perhaps a segment that joins the next part to them if the part comes.
        var pending: [Breaker.Segment] = []
        func flush(_ segments: ArraySlice<Breaker.Segment>) {
            guard let first = segments.first, let last = segments.last else { return }
            let written = UnsafeBufferPointer(rebasing: utf8[first.start..<last.end])
            let spelling = vocabulary.spelling(of: written, read: {
                let form = normalizer.fold(written)
                return (form, Self.kind(of: segments, form: form))
            }, describe: describe)
            tokens.append(Token(range: first.start..<last.end, kind: spelling.kind, word: spelling.form,
                                casing: spelling.casing))
        }
        wordBreaker.forEachSegment(in: utf8) { segment in
            if segment.status == 0, utf8[segment.start..<segment.end].allSatisfy(Self.isSpace) { return }
            if pending.count.isMultiple(of: 2), let joiner = pending.last {
                if isJoinable(pending[pending.count - 2], joiner, segment, utf8) {
                    pending.append(segment)
                    return
                }
                // Not a joiner after all: the token ends before it, and it begins the next one.
                flush(pending.dropLast())
                pending.removeFirst(pending.count - 1)
            }
            pending.append(segment)
        }
        if pending.count.isMultiple(of: 2), let last = pending.last {
            flush(pending.dropLast())
            flush([last])
        } else {
            flush(pending[...])
        }
        return tokens
    }

    /// Makes the tokens of each placeholder (`{`, `{`, `deadline`, `}`, `}`) one placeholder
    /// token, in place (a large text has millions of tokens); a placeholder whose edges fall
    /// inside a token is left as it is.
    private func mergePlaceholders(_ tokens: inout [Token], _ placeholders: [Range<Int>], in utf8: UnsafeBufferPointer<UInt8>) {
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
                tokens[kept] = Token(range: range, kind: .placeholder, word: vocabulary.form(form, describe: describe),
                                     casing: Token.Casing(written: written, form: form))
                index = last + 1
            } else {
                tokens[kept] = tokens[index]
                index += 1
            }
            kept += 1
        }
        tokens.removeLast(tokens.count - kept)
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

    /// `segments` alternate parts and joiners; the parts decide the kind.
    private static func kind(of segments: ArraySlice<Breaker.Segment>, form: String) -> Token.Kind {
        let parts = stride(from: segments.startIndex, to: segments.endIndex, by: 2).lazy.map { segments[$0] }
        if parts.allSatisfy(isNumber) { return .number(.of(form)) }
        if segments.count == 1, isOrdinal(form) { return .number(.plain) }
        return parts.contains { $0.status != 0 } ? .word : .punctuation
    }

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
        var start: Int?
        var lineStart = 0
        while lineStart < utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
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

    /// ICU sentence break over one paragraph, with line breaks read as spaces (replies are
    /// often hard-wrapped), then rejoined after abbreviations ICU does not know.
    private func sentenceRanges(_ utf8: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>,
                                tokens: [Token], language: Language) -> [Range<Int>] {
        let unwrapped = utf8[paragraph].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        var ranges: [Range<Int>] = []
        unwrapped.withUnsafeBufferPointer { buffer in
            sentenceBreaker.forEachSegment(in: buffer) { segment in
                let range = (paragraph.lowerBound + segment.start)..<(paragraph.lowerBound + Self.trimmedEnd(buffer, segment.end))
                if let last = ranges.last, endsWithAbbreviation(last, tokens: tokens, language: language) {
                    ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
                } else if !range.isEmpty {
                    ranges.append(range)
                }
            }
        }
        return ranges
    }

    /// Whether a sentence ends in "abbreviation." — a word in the language's list followed
    /// directly by a full stop. `tokens` still name vocabulary forms.
    private func endsWithAbbreviation(_ sentence: Range<Int>, tokens: [Token], language: Language) -> Bool {
        // Binary search for the last token inside the sentence.
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.upperBound <= sentence.upperBound { low = mid + 1 } else { high = mid }
        }
        guard low >= 2 else { return false }
        let stop = tokens[low - 1], word = tokens[low - 2]
        return vocabulary.forms[Int(stop.word)].text == "." && word.range.upperBound == stop.range.lowerBound
            && word.range.lowerBound >= sentence.lowerBound
            && Abbreviations.nonFinal[language, default: []].contains(vocabulary.forms[Int(word.word)].text)
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
