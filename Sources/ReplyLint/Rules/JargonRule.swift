public struct JargonRule: PhraseRule {
    public static let description = RuleDescription(
        id: "jargon",
        name: "Jargon",
        rationale: """
        A client should not need a dictionary to read an apology. IT slang («деплой», \
        «пофиксить»), corporate speak ("circle back", "leverage"), bureaucratese («в рамках», \
        «informējam, ka») and acronyms the text never explains ("SLA") confuse the reader. An \
        acronym spelled out in the same text — "service level agreement (SLA)" — is fine.
        """,
        defaultSeverity: .suggestion,
        kind: .phrase
    )

    public init() {}

    public func check(_ context: RuleContext, into findings: inout [Finding]) {
        phraseFindings(context, into: &findings)
        acronymFindings(context, into: &findings)
    }

    /// The first use of each acronym that the text never spells out and the lexicon does not
    /// list as known to clients.
    private func acronymFindings(_ context: RuleContext, into findings: inout [Finding]) {
        let id = Self.description.id
        let tokens = context.text.tokens
        var candidates: [(index: Int, term: String, language: Language)] = []
        var explained = Set<String>()
        for sentence in context.text.sentences where !sentence.isShouted {
            // Two letters take two bytes at least: "I" is no acronym, and is never made a String.
            for index in sentence.tokens where tokens[index].kind == .word && tokens[index].casing == .noLowercase
                && tokens[index].range.count >= 2 {
                let term = context.text.excerpt(tokens[index].range)
                guard Self.isAcronym(term) else { continue }
                if isExplained(at: index, in: sentence.tokens, context.text) { explained.insert(term) }
                if !context.matches.isExcepted(rule: id, token: index) { candidates.append((index, term, sentence.language)) }
            }
        }
        var reported = Set<String>()
        for candidate in candidates {
            guard !explained.contains(candidate.term), reported.insert(candidate.term).inserted else { continue }
            var finding = context.finding(id, range: tokens[candidate.index].range, language: candidate.language,
                                          text: MessageText(name: "acronym", values: ["term": candidate.term]),
                                          fallback: "The acronym “{term}” may be unclear to the client.")
            finding.isFirstUseOnly = true
            findings.append(finding)
        }
    }

    /// Two to six capital letters (Latin or Cyrillic), perhaps with digits, and not a Roman numeral.
    static func isAcronym(_ word: String) -> Bool {
        // Most candidates are ASCII ("I", "OK", "SLA"): answered from their bytes.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            let capitals = UInt8(ascii: "A")...UInt8(ascii: "Z"), digits = UInt8(ascii: "0")...UInt8(ascii: "9")
            let letters = word.utf8.filter { capitals.contains($0) }
            return (2...6).contains(letters.count) && word.utf8.count <= 8
                && word.utf8.allSatisfy { capitals.contains($0) || digits.contains($0) }
                && !letters.allSatisfy { "IVX".utf8.contains($0) }
        }
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard (2...6).contains(letters.count), word.unicodeScalars.count <= 8,
              letters.allSatisfy({ $0.properties.isUppercase }),
              word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return false }
        return !letters.allSatisfy { "IVX".unicodeScalars.contains($0) }
    }

    /// "service level agreement (SLA)" or "SLA (service level agreement)": the acronym in
    /// brackets right after words, or followed by at least two words in brackets.
    private func isExplained(at index: Int, in sentence: Range<Int>, _ text: AnalyzedText) -> Bool {
        let tokens = text.tokens
        func form(_ offset: Int) -> String? {
            sentence.contains(index + offset) ? text.form(of: tokens[index + offset]) : nil
        }
        func isWord(_ offset: Int) -> Bool {
            sentence.contains(index + offset) && tokens[index + offset].kind == .word
        }
        if form(-1) == "(", form(1) == ")", isWord(-2), isWord(-3) { return true }
        return form(1) == "(" && isWord(2) && isWord(3)
    }

}
