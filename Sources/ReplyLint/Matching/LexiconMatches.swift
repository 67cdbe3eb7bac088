/// The lexicon matches of one document, with exceptions applied: what rules read.
public struct LexiconMatches: Sendable {
    /// A surviving match of a lexicon entry.
    /// Small, because a large document has hundreds of thousands: `texts(of:)` gives its entry's texts.
    public struct Hit: Sendable, Hashable {
        /// The language of the lexicon file matched.
        public var language: Language
        fileprivate var file: Int32
        fileprivate var entry: Int32
        private var first: Int32
        private var last: Int32

        /// Document token indexes of the first and last word.
        public var tokens: ClosedRange<Int> { Int(first)...Int(last) }

        fileprivate init(language: Language, file: Int, entry: Int, tokens: ClosedRange<Int>) {
            self.language = language
            self.file = Int32(file)
            self.entry = Int32(entry)
            first = Int32(tokens.lowerBound)
            last = Int32(tokens.upperBound)
        }
    }

    private let library: LexiconLibrary
    /// Per language, the hits of each file, by the matcher's file number: a large document has
    /// hundreds of thousands of matches, so none of them hashes its rule's name.
    private var hitsByFile = PerLanguage(ru: FileHits(), lv: FileHits(), en: FileHits())
    /// Per language and file, the tokens its file-level exceptions match, which also silence a
    /// rule's code checks.
    private var exceptionsByFile = PerLanguage<[TokenSet]>(ru: [], lv: [], en: [])

    /// Matches `text`, the reply or the complaint as `matched` says, against its lexicon files.
    init(text: AnalyzedText, matched: MatchedText, library: LexiconLibrary, analyzer: TextAnalyzer) {
        var matches: [PhraseMatcher.Match] = []
        var exceptions: [PhraseMatcher.Match] = []
        // In match order, every language's: grouped by language and file once the text is matched.
        var hits: [Hit] = []
        // Looked up once per language, not per sentence: the library's lookup takes a lock. Apart
        // from their memos, which are changed in place: a pair read whole would copy its memo.
        var matchers = PerLanguage<PhraseMatcher?>(ru: nil, lv: nil, en: nil)
        var memos = PerLanguage<MatchMemo?>(ru: nil, lv: nil, en: nil)
        for (index, sentence) in text.sentences.enumerated() {
            let language = sentence.language
            matches.removeAll(keepingCapacity: true)
            let matcher: PhraseMatcher
            if let known = matchers[language] {
                matcher = known
            } else {
                matcher = library.matcher(for: language, over: matched, analyzer: analyzer)
                matchers[language] = matcher
                memos[language] = analyzer.takeMatchMemo(for: matcher, generation: text.generation)
                exceptionsByFile[language] = Array(repeating: TokenSet(), count: library.files(for: language).count)
            }
            matcher.matches(in: text, sentence: index, memo: &memos[language]!, into: &matches)
            exceptions.removeAll(keepingCapacity: true)
            for match in matches where match.owner.role == .exception {
                if match.owner.entry == nil {
                    exceptionsByFile[language][match.owner.file].insert(match.tokens)
                } else {
                    exceptions.append(match)
                }
            }
            for match in matches where match.owner.role == .entry {
                let file = match.owner.file, entry = match.owner.entry!
                let cancelled = exceptionsByFile[language][file].containsAny(match.tokens) || exceptions.contains {
                    $0.owner.file == file && $0.owner.entry == entry && $0.tokens.overlaps(match.tokens)
                }
                if !cancelled {
                    hits.append(Hit(language: language, file: file, entry: entry, tokens: match.tokens))
                }
            }
        }
        for language in Language.allCases {
            guard let memo = memos[language] else { continue }
            analyzer.giveBack(memo, generation: text.generation)
            hitsByFile[language] = FileHits(grouping: hits, of: language, files: library.files(for: language).count)
        }
        self.library = library
    }

    /// The message and rewrite of a hit: its entry's own, else its file's. Read in place from
    /// the file the hit names: a phrase rule reads them for every hit, and neither looking the
    /// file up by its rule's name nor copying the file or the entry (which would retain all
    /// their strings and arrays) is needed.
    public func texts(of hit: Hit) -> HitTexts {
        library.files(for: hit.language).withUnsafeBufferPointer { files in
            files[Int(hit.file)].entries.withUnsafeBufferPointer { entries in
                HitTexts(message: entries[Int(hit.entry)].message ?? files[Int(hit.file)].message,
                         suggest: entries[Int(hit.entry)].suggest ?? files[Int(hit.file)].suggest)
            }
        }
    }

    /// What a lexicon says of a hit; nil where neither the entry nor its file says anything.
    public struct HitTexts: Sendable {
        public var message: String?
        public var suggest: String?
    }

    /// The hits of `files` (a rule's), file by file.
    private func hits(in files: [(language: Language, file: Int)]) -> [Hit] {
        var hits: [Hit] = []
        for (language, file) in files where !hitsByFile[language].isEmpty {
            hits += hitsByFile[language][file]
        }
        return hits
    }

    /// Whether one of `files` (a rule's) has a hit.
    private func hasHits(in files: [(language: Language, file: Int)]) -> Bool {
        files.contains { language, file in !hitsByFile[language].isEmpty && !hitsByFile[language][file].isEmpty }
    }

    /// Every surviving match of `rule`, in text order.
    public func hits(for rule: String) -> [Hit] {
        hits(in: library.fileNumbers(of: rule))
            .sorted { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
    }

    /// Whether `rule` has a surviving match: all that a rule requiring a phrase asks.
    public func hasHits(for rule: String) -> Bool { hasHits(in: library.fileNumbers(of: rule)) }

    /// The matches of `rule` that do not overlap a longer or earlier one: what a phrase rule
    /// reports, so «вам следовало» inside «вам следовало прочитать» is one finding.
    public func outermostHits(for rule: String) -> [Hit] {
        let files = library.fileNumbers(of: rule)
        // Most rules have no hit in a reply: answered without making an array.
        guard hasHits(in: files) else { return [] }
        let ranked = hits(in: files).sorted {
            ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count)
        }
        // In start order, a hit overlaps a kept one exactly when it starts within the furthest
        // reach of those kept: one comparison instead of a scan, so a huge file stays linear.
        var kept: [Hit] = []
        kept.reserveCapacity(ranked.count)
        var reach = Int.min
        for hit in ranked where hit.tokens.lowerBound > reach {
            kept.append(hit)
            reach = max(reach, hit.tokens.upperBound)
        }
        return kept
    }

    /// Whether a file-level `unless` of `rule` covers the token at `index`.
    public func isExcepted(rule: String, token index: Int) -> Bool {
        library.fileNumbers(of: rule).contains { language, file in
            !exceptionsByFile[language].isEmpty && exceptionsByFile[language][file].contains(index)
        }
    }
}

/// The hits of one language's lexicon files in one array, grouped by file, each file's in the
/// order they were matched: an array per file, grown hit by hit, cost more than matching.
private struct FileHits: Sendable {
    private var hits: [LexiconMatches.Hit] = []
    /// Where each file's hits start in `hits`, and where the last file's end; empty when the
    /// language was not matched.
    private var bounds: [Int32] = []

    init() {}

    /// Groups the hits of `language` in `matched`, in the order they were matched, by file (a
    /// counting sort, which keeps their order within each file).
    init(grouping matched: [LexiconMatches.Hit], of language: Language, files: Int) {
        var starts = [Int32](repeating: 0, count: files + 1)
        for hit in matched where hit.language == language { starts[Int(hit.file) + 1] += 1 }
        for file in 0..<files { starts[file + 1] += starts[file] }
        bounds = starts
        guard starts[files] > 0 else { return }
        // Every slot is written below: any hit fills them meanwhile.
        hits = Array(repeating: matched[0], count: Int(starts[files]))
        for hit in matched where hit.language == language {
            hits[Int(starts[Int(hit.file)])] = hit
            starts[Int(hit.file)] += 1
        }
    }

    var isEmpty: Bool { bounds.isEmpty }

    subscript(file: Int) -> ArraySlice<LexiconMatches.Hit> { hits[Int(bounds[file])..<Int(bounds[file + 1])] }
}

/// Token indexes covered by matches, one bit each: a large document has hundreds of thousands
/// of matches of file-level exceptions (stop words, for one), and rules ask about single tokens.
private struct TokenSet: Sendable {
    private var words: [UInt64] = []

    mutating func insert(_ range: ClosedRange<Int>) {
        let needed = range.upperBound / 64 + 1
        if needed > words.count { words += repeatElement(0, count: needed - words.count) }
        for index in range { words[index / 64] |= 1 << UInt64(index % 64) }
    }

    func contains(_ index: Int) -> Bool {
        index / 64 < words.count && words[index / 64] & 1 << UInt64(index % 64) != 0
    }

    func containsAny(_ range: ClosedRange<Int>) -> Bool {
        !words.isEmpty && range.contains { contains($0) }
    }
}
