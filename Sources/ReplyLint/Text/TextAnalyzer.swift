/// Turns text into paragraphs, sentences and normalised, stemmed tokens.
///
/// It owns ICU break iterators and Snowball stemmers, which are not thread-safe, so each
/// worker creates its own analyzer and reuses it for every document it lints.
public final class TextAnalyzer {
    private let wordBreaker: Breaker
    private let sentenceBreaker: Breaker
    private let normalizer = Normalizer()
    private let detector = LanguageDetector()
    private let stemmers: [Language: any Stemmer]
    /// Words repeat: stemming each distinct form once per language pays for the dictionary.
    private var stemCache: [Language: [FormKey: String]] = [:]
    private static let stemCacheLimit = 200_000
    /// The same for ICU folding of non-ASCII words, keyed by the written bytes. Tokens of one
    /// word also share one form string, which keeps a large document's tokens small.
    private var foldCache: [FormKey: String] = [:]

    public init() throws {
        wordBreaker = try Breaker(.word)
        sentenceBreaker = try Breaker(.sentence)
        stemmers = try Self.makeStemmers()
    }

    static func makeStemmers() throws -> [Language: any Stemmer] {
        guard let russian = SnowballStemmer(algorithm: "russian"),
              let english = SnowballStemmer(algorithm: "english")
        else { throw StemmerUnavailable() }
        return [.ru: russian, .en: english, .lv: LatvianStemmer()]
    }

    /// Normalises and stems one word the way the analyzer treats tokens of `language`.
    func foldAndStem(_ word: String, language: Language) -> (form: String, stem: String) {
        let form = normalizer.fold(word)
        return (form, stem(form, language: language))
    }

    /// Analyses `text`; `language` forces one language for every paragraph, and text written
    /// in one of `placeholders` becomes a single placeholder token.
    public func analyze(_ text: String, language forced: Language? = nil,
                        placeholders: [PlaceholderSyntax] = PlaceholderSyntax.defaults) -> AnalyzedText {
        var text = text
        let original = text
        var analysis = text.withUTF8 { utf8 in
            var tokens = mergingPlaceholders(tokenize(utf8, of: original), PlaceholderFinder(placeholders).ranges(in: utf8),
                                             in: utf8, of: original)
            let paragraphRanges = Self.paragraphRanges(utf8)

            // Language per paragraph; a paragraph with too little evidence follows the document.
            var totals: [Language: Int] = [:]
            var detected: [Language?] = []
            var tokenIndex = 0
            for range in paragraphRanges {
                let first = tokenIndex
                while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < range.upperBound { tokenIndex += 1 }
                let scores = detector.scores(tokens[first..<tokenIndex])
                totals.merge(scores, uniquingKeysWith: +)
                detected.append(detector.decide(scores))
            }
            let documentLanguage = forced ?? detector.decide(totals, minimum: 1) ?? .en

            var sentences: [AnalyzedText.Sentence] = []
            var paragraphs: [AnalyzedText.Paragraph] = []
            tokenIndex = 0
            for (range, language) in zip(paragraphRanges, detected) {
                let language = forced ?? language ?? documentLanguage
                let firstSentence = sentences.count
                for sentenceRange in sentenceRanges(utf8, paragraph: range, tokens: tokens, language: language) {
                    let first = tokenIndex
                    while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < sentenceRange.upperBound {
                        if tokens[tokenIndex].kind == .word {
                            tokens[tokenIndex].stem = stem(tokens[tokenIndex].form, language: language)
                        }
                        tokenIndex += 1
                    }
                    sentences.append(.init(range: sentenceRange, tokens: first..<tokenIndex, language: language))
                }
                paragraphs.append(.init(range: range, sentences: firstSentence..<sentences.count, language: language))
            }
            return AnalyzedText(text: "", tokens: tokens, sentences: sentences,
                                paragraphs: paragraphs, language: documentLanguage)
        }
        analysis.text = text
        return analysis
    }

    private func stem(_ form: String, language: Language) -> String {
        let key = FormKey(form)
        if let stem = stemCache[language]?[key] { return stem }
        let stem = stemmers[language]!.stem(form)
        if stemCache[language, default: [:]].count >= Self.stemCacheLimit { stemCache[language] = [:] }
        stemCache[language, default: [:]][key] = stem
        return stem
    }

    // MARK: Words

    /// ICU word break, then the joins ICU does not make: hyphenated words and numbers
    /// («кто-то», «e-pasts», 2-3, 2025-03-15), clock times (14:00) and slashed dates (15/03).
    /// `utf8` is the contiguous storage of `text`.
    private func tokenize(_ utf8: UnsafeBufferPointer<UInt8>, of text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 6)
        // The current token's segments: parts alternating with joiners, and at the end
        // perhaps a segment that joins the next part to them if the part comes.
        var pending: [Breaker.Segment] = []
        func flush(_ segments: ArraySlice<Breaker.Segment>) {
            guard let first = segments.first, let last = segments.last else { return }
            let range = first.start..<last.end
            let (form, isWrittenAsForm) = fold(range, in: utf8, of: text)
            tokens.append(Token(range: range, kind: Self.kind(of: segments, form: form), form: form,
                                isWrittenAsForm: isWrittenAsForm))
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

    /// `tokens` with the tokens of each placeholder (`{`, `{`, `deadline`, `}`, `}`) made one
    /// placeholder token; a placeholder whose edges fall inside a token is left as it is.
    private func mergingPlaceholders(_ tokens: [Token], _ placeholders: [Range<Int>],
                                     in utf8: UnsafeBufferPointer<UInt8>, of text: String) -> [Token] {
        guard !placeholders.isEmpty else { return tokens }
        var merged: [Token] = []
        merged.reserveCapacity(tokens.count)
        var next = 0, index = 0
        while index < tokens.count {
            let start = tokens[index].range.lowerBound
            while next < placeholders.count, placeholders[next].lowerBound < start { next += 1 }
            if next < placeholders.count, placeholders[next].lowerBound == start,
               let last = tokens[index...].firstIndex(where: { $0.range.upperBound >= placeholders[next].upperBound }),
               tokens[last].range.upperBound == placeholders[next].upperBound {
                let range = placeholders[next]
                merged.append(Token(range: range, kind: .placeholder, form: fold(range, in: utf8, of: text).0))
                index = last + 1
            } else {
                merged.append(tokens[index])
                index += 1
            }
        }
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

    /// The normalised form of a token's bytes, and whether the text is written exactly so.
    private func fold(_ range: Range<Int>, in utf8: UnsafeBufferPointer<UInt8>, of text: String) -> (String, Bool) {
        let written = UnsafeBufferPointer(rebasing: utf8[range])
        let form: String
        if written.allSatisfy({ $0 < 0x80 }) {
            form = normalizer.fold(written)
        } else {
            let key = FormKey(text[text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)..<text.utf8.index(text.utf8.startIndex, offsetBy: range.upperBound)])
            if let cached = foldCache[key] {
                form = cached
            } else {
                form = normalizer.fold(written)
                if foldCache.count >= Self.stemCacheLimit { foldCache = [:] }
                // A key of its own: a substring of the text would keep the whole document alive.
                foldCache[FormKey(String(key.text))] = form
            }
        }
        let isWrittenAsForm = form.utf8.withContiguousStorageIfAvailable { sameBytes($0, written) } ?? false
        return (form, isWrittenAsForm)
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
    /// directly by a full stop.
    private func endsWithAbbreviation(_ sentence: Range<Int>, tokens: [Token], language: Language) -> Bool {
        // Binary search for the last token inside the sentence.
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.upperBound <= sentence.upperBound { low = mid + 1 } else { high = mid }
        }
        guard low >= 2 else { return false }
        let stop = tokens[low - 1], word = tokens[low - 2]
        return stop.form == "." && word.range.upperBound == stop.range.lowerBound
            && word.range.lowerBound >= sentence.lowerBound
            && Abbreviations.nonFinal[language, default: []].contains(word.form)
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
