/// Runs the rules over one text: analysis, one matching pass, then each rule.
public struct Linter: Sendable {
    public var library: LexiconLibrary
    public var rules: [any Rule]
    public var options: LintOptions

    /// How much prose is analysed at once: a longer text is linted a piece at a time, so a
    /// run holds one piece's tokens and matches, not a 200 MB file's.
    public static let pieceBytes = 1 << 20

    public init(library: LexiconLibrary = .builtin, rules: [any Rule] = RuleRegistry.all.map { $0.init() },
                options: LintOptions = LintOptions()) {
        self.library = library
        self.rules = rules
        self.options = options
    }

    public struct Result: Sendable {
        public var text: AnalyzedText
        public var findings: [Finding]
    }

    /// Lints `text` at once; `language` forces one language instead of detecting it per
    /// paragraph. `complaint`, the client's words the reply answers, is analysed the same way
    /// for the rules that compare the two.
    public func lint(_ text: String, language: Language? = nil, complaint: String? = nil, analyzer: TextAnalyzer) -> Result {
        check(Array(text.utf8), language: language,
              complaint: complaint.map { analyzed($0, language: language, analyzer: analyzer) }, analyzer: analyzer)
    }

    /// Lints `prose` (UTF-8) a piece of about `pieceBytes` at a time, giving `found` each
    /// piece's findings (offsets in `prose`, in text order) as soon as the piece is done, then
    /// the findings about the whole text, which stand when every piece with words reports them.
    /// A text of one piece gets the findings of `lint(_:language:complaint:analyzer:)` in one
    /// call, in the same order; in a longer one, an acronym explained only in a later piece is
    /// still reported. Returns the language of most of the text, nil for one of white space only.
    /// `isValidUTF8`: whether the caller has checked that `prose` is UTF-8 (a document's prose
    /// is); if not, it is checked here, and a text that is not has its bad bytes replaced.
    public func lint(_ prose: [UInt8], language: Language? = nil, complaint: String? = nil, analyzer: TextAnalyzer,
                     pieceBytes: Int = Self.pieceBytes, isValidUTF8: Bool = false, found: ([Finding]) -> Void) -> Language? {
        let prose = isValidUTF8 || UTF8Check.isValid(prose) ? prose : Array(String(decoding: prose, as: UTF8.self).utf8)
        let complaint = complaint.map { analyzed($0, language: language, analyzer: analyzer) }
        let pieces = prose.withUnsafeBufferPointer { ProsePieces.ranges(of: $0, size: pieceBytes) }
        guard pieces.count > 1 else {
            // Nearly every text is one piece: its findings are the whole text's as they are
            // (those about the whole text sort first), analysed without a copy.
            var result = check(prose, language: language, complaint: complaint, analyzer: analyzer)
            if !result.text.hasWords { result.findings.removeAll { $0.range == nil } }
            found(result.findings)
            return result.text.paragraphs.isEmpty ? nil : result.text.language
        }
        var whole = WholeTextFindings()
        for piece in pieces {
            // Pieces end between characters, so each is valid UTF-8.
            var result = check(Array(prose[piece]), language: language, complaint: complaint, analyzer: analyzer)
            found(whole.add(&result, at: piece.lowerBound))
        }
        found(whole.findings)
        return whole.language
    }

    private func analyzed(_ complaint: String, language: Language?, analyzer: TextAnalyzer) -> Complaint {
        let analysis = analyzer.analyze(complaint, language: language, placeholders: options.placeholders)
        return Complaint(text: analysis, matches: LexiconMatches(text: analysis, matched: .complaint, library: library, analyzer: analyzer))
    }

    /// Lints `text`, valid UTF-8.
    private func check(_ text: [UInt8], language: Language?, complaint: Complaint?, analyzer: TextAnalyzer) -> Result {
        let analysis = analyzer.analyze(utf8: text, language: language, placeholders: options.placeholders)
        let matches = LexiconMatches(text: analysis, matched: .reply, library: library, analyzer: analyzer)
        let context = RuleContext(text: analysis, matches: matches, library: library, options: options, complaint: complaint)
        // Every rule appends here, room for a reply's findings made at once.
        var findings: [Finding] = []
        findings.reserveCapacity(32)
        for rule in rules { rule.check(context, into: &findings) }
        Self.sortInTextOrder(&findings)
        return Result(text: analysis, findings: findings)
    }

    /// Text order: by start, then end, then rule (findings about the whole text first), ties
    /// kept in the rules' order. The order is found over numbers and the findings then moved
    /// into it along its cycles: a sort of the findings themselves can copy them, strings and
    /// all, at every step. Rules are compared only on a tie, so most comparisons touch no `String`.
    private static func sortInTextOrder(_ findings: inout [Finding]) {
        let keys = findings.map { ($0.range?.lowerBound ?? -1, $0.range?.upperBound ?? -1) }
        var order = Array(findings.indices)
        order.sort { first, second in
            if keys[first] != keys[second] { return keys[first] < keys[second] }
            if findings[first].rule != findings[second].rule { return findings[first].rule < findings[second].rule }
            return first < second
        }
        // Position i takes the finding at order[i]: each cycle of the permutation is followed
        // once, swapping its findings into place through a buffer, which moves them (an
        // array's own `swapAt` copies).
        var placed = [Bool](repeating: false, count: findings.count)
        findings.withUnsafeMutableBufferPointer { findings in
            for start in findings.indices where !placed[start] {
                var position = start
                while order[position] != start {
                    findings.swapAt(position, order[position])
                    placed[position] = true
                    position = order[position]
                }
                placed[position] = true
            }
        }
    }
}

/// Joins the findings of a text's pieces into those of the whole: a finding about the whole
/// text stands when every piece with words reports it; a first-use finding stands in the
/// first piece that reports it.
private struct WholeTextFindings {
    /// A finding as the same in any piece and language.
    private struct Key: Hashable {
        var rule: String
        var text: MessageText
    }

    private var bytesPerLanguage = PerLanguage(ru: 0, lv: 0, en: 0)
    /// The whole-text findings of the first piece with words that every later piece with words
    /// also reports, in its order, each as the pieces gave it in their languages (one finding a
    /// language: a short list, not a dictionary, as most texts are one piece); nil before the
    /// first such piece.
    private var standing: [(key: Key, versions: [Finding])]?
    private var firstUses: Set<Key> = []

    /// Takes in a piece that begins at `offset`; returns its findings about words, taken out of
    /// `result` and changed in place: a piece has thousands, and each copy retains five strings.
    mutating func add(_ result: inout Linter.Result, at offset: Int) -> [Finding] {
        if !result.text.paragraphs.isEmpty { bytesPerLanguage.add(result.text.utf8.count, to: result.text.language) }
        var words: [Finding] = []
        swap(&words, &result.findings)
        var wholeText: [(key: Key, finding: Finding)] = []
        var kept = 0
        for index in words.indices {
            guard let range = words[index].range else {
                wholeText.append((Key(rule: words[index].rule, text: words[index].text), words[index]))
                continue
            }
            if words[index].isFirstUseOnly, !firstUses.insert(Key(rule: words[index].rule, text: words[index].text)).inserted {
                continue
            }
            words[index].range = (range.lowerBound + offset)..<(range.upperBound + offset)
            words.swapAt(kept, index)
            kept += 1
        }
        words.removeLast(words.count - kept)
        guard result.text.hasWords else { return words }
        guard let earlier = standing else {
            standing = wholeText.map { ($0.key, [$0.finding]) }
            return words
        }
        standing = earlier.compactMap { entry in
            guard let finding = wholeText.first(where: { $0.key == entry.key })?.finding else { return nil }
            var entry = entry
            entry.versions.removeAll { $0.language == finding.language }
            entry.versions.append(finding)
            return entry
        }
        return words
    }

    /// The language of most of the text's prose.
    var language: Language? {
        bytesPerLanguage.largest
    }

    /// The findings about the whole text, each in the text's language where a piece gave it so.
    var findings: [Finding] {
        (standing ?? []).map { entry in
            entry.versions.first { $0.language == language } ?? entry.versions.min { $0.language.rawValue < $1.language.rawValue }!
        }
    }
}
