/// The lexicon matches of one document, with exceptions applied: what rules read.
public struct LexiconMatches: Sendable {
    /// A surviving match of a lexicon entry.
    public struct Hit: Sendable, Hashable {
        public var file: LexiconFile
        public var entry: LexiconEntry
        /// Document token indexes of the first and last word.
        public var tokens: ClosedRange<Int>
        public var sentence: Int
    }

    private var hitsByRule: [String: [Hit]] = [:]
    /// File-level exception matches per rule, which also silence a rule's code checks.
    private var exceptionsByRule: [String: [(tokens: ClosedRange<Int>, sentence: Int)]] = [:]

    init(text: AnalyzedText, library: LexiconLibrary, analyzer: TextAnalyzer) {
        var matches: [PhraseMatcher.Match] = []
        var scratch = PhraseMatcher.Scratch()
        // Looked up once per language, not per sentence: the library's lookup takes a lock.
        var matchers = PerLanguage<(matcher: PhraseMatcher, files: [LexiconFile], atoms: AtomCache)?>(ru: nil, lv: nil, en: nil)
        for (index, sentence) in text.sentences.enumerated() {
            let language = sentence.language
            matches.removeAll(keepingCapacity: true)
            if matchers[language] == nil {
                let matcher = library.matcher(for: language, analyzer: analyzer)
                matchers[language] = (matcher, library.files(for: language), matcher.atomCache(for: text, analyzer: analyzer))
            }
            let (matcher, files, atoms) = matchers[language]!
            matcher.matches(in: text, sentence: index, atomCache: atoms, scratch: &scratch, into: &matches)
            let exceptions = matches.filter { $0.owner.role == .exception }
            for match in matches {
                let file = files[match.owner.file]
                guard let entryIndex = match.owner.entry else {
                    exceptionsByRule[file.rule, default: []].append((match.tokens, index))
                    continue
                }
                guard match.owner.role == .entry else { continue }
                let cancelled = exceptions.contains {
                    $0.owner.file == match.owner.file && ($0.owner.entry == nil || $0.owner.entry == entryIndex)
                        && $0.tokens.overlaps(match.tokens)
                }
                if !cancelled {
                    hitsByRule[file.rule, default: []].append(Hit(file: file, entry: file.entries[entryIndex], tokens: match.tokens, sentence: index))
                }
            }
        }
    }

    /// Every surviving match of `rule`, in text order.
    public func hits(for rule: String) -> [Hit] {
        (hitsByRule[rule] ?? []).sorted { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
    }

    /// The matches of `rule` that do not overlap a longer or earlier one: what a phrase rule
    /// reports, so «вам следовало» inside «вам следовало прочитать» is one finding.
    public func outermostHits(for rule: String) -> [Hit] {
        let ranked = (hitsByRule[rule] ?? []).sorted {
            ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count)
        }
        // In start order, a hit overlaps a kept one exactly when it starts within the furthest
        // reach of those kept: one comparison instead of a scan, so a huge file stays linear.
        var kept: [Hit] = []
        var reach = Int.min
        for hit in ranked where hit.tokens.lowerBound > reach {
            kept.append(hit)
            reach = max(reach, hit.tokens.upperBound)
        }
        return kept
    }

    /// Whether a file-level `unless` of `rule` covers the token at `index`.
    public func isExcepted(rule: String, token index: Int) -> Bool {
        exceptionsByRule[rule]?.contains { $0.tokens.contains(index) } ?? false
    }
}
