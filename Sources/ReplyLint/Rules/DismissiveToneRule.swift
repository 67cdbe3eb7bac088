public struct DismissiveToneRule: PhraseRule {
    public static let description = RuleDescription(
        id: "dismissive-tone",
        name: "Dismissive tone",
        rationale: """
        Telling an unhappy client to calm down («успокойтесь», "calm down", «nomierinieties»), \
        sarcasm, sentences in capitals and runs of exclamation marks read as shouting or \
        contempt, and turn a complaint into a quarrel. Keep the tone calm and polite.
        """,
        defaultSeverity: .warning,
        kind: .phrase
    )

    public init() {}

    public func check(_ context: RuleContext, into findings: inout [Finding]) {
        phraseFindings(context, into: &findings)
        shoutedSentences(context, into: &findings)
        exclamationRuns(context, into: &findings)
    }

    /// Sentences mostly in capitals: shouting, whatever the words.
    private func shoutedSentences(_ context: RuleContext, into findings: inout [Finding]) {
        for sentence in context.text.sentences where sentence.isShouted {
            findings.append(finding(context, "shouting", range: sentence.range, language: sentence.language,
                                    fallback: "A sentence in capitals reads as shouting."))
        }
    }

    /// Two or more "!" in a row (also "?!"), written without spaces, outside shouted
    /// sentences (those are reported whole).
    private func exclamationRuns(_ context: RuleContext, into findings: inout [Finding]) {
        let text = context.text
        for sentence in text.sentences where !sentence.isShouted && Self.mayHoldExclamation(text.utf8, sentence.range) {
            var runStart: Int?, marks = 0, hasExclamation = false
            func close(at end: Int) {
                if let start = runStart, marks >= 2, hasExclamation {
                    findings.append(finding(context, "exclamations", range: start..<end, language: sentence.language,
                                            fallback: "A run of exclamation marks reads as shouting."))
                }
                runStart = nil; marks = 0; hasExclamation = false
            }
            var previousEnd = -1
            for index in sentence.tokens {
                let token = text.tokens[index]
                let mark = token.kind == .punctuation ? Self.mark(text.form(of: token)) : nil
                let isMark = mark == UInt8(ascii: "!") || mark == UInt8(ascii: "?")
                if isMark, runStart != nil, token.range.lowerBound == previousEnd {
                    marks += 1
                } else {
                    // Most tokens end no run and start none: no call for them.
                    if runStart != nil { close(at: previousEnd) }
                    if isMark { runStart = token.range.lowerBound; marks = 1 }
                }
                if mark == UInt8(ascii: "!") { hasExclamation = true }
                previousEnd = token.range.upperBound
            }
            close(at: previousEnd)
        }
    }

    /// Whether `range` of `utf8` may hold a "!": one written so, or one that folds to it (full
    /// width, small), which begins with 0xEF. A run needs one, and most sentences have neither,
    /// so their tokens are not read.
    private static func mayHoldExclamation(_ utf8: [UInt8], _ range: Range<Int>) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            let sentence = UnsafeBufferPointer(rebasing: bytes[range])
            return sentence.firstOffset(of: UInt8(ascii: "!"), from: 0) != nil || sentence.firstOffset(of: 0xEF, from: 0) != nil
        }
    }

    /// The byte of a one-byte form: most tokens are ruled out by their length alone.
    private static func mark(_ form: String) -> UInt8? {
        form.utf8.count == 1 ? form.utf8.first : nil
    }

    private func finding(_ context: RuleContext, _ name: String, range: Range<Int>, language: Language,
                         fallback: String) -> Finding {
        context.finding(Self.description.id, range: range, language: language, text: MessageText(name: name), fallback: fallback)
    }
}
