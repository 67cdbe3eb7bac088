/// Compares a reply with the complaint it answers and reports each point of the complaint the
/// reply never mentions. A point is a clause of the complaint — split at commas, dashes and
/// brackets and at the words the lexicon's entries list ("and", «а», «bet») — made of its
/// content words: the lexicon's `unless` lists the words that are never a point (function
/// words, greetings, words every complaint has). A point counts as addressed when the reply
/// uses one of its words in any inflected form (same stem).
public struct ComplaintNotAddressedRule: Rule {
    public static let description = RuleDescription(
        id: "complaint-not-addressed",
        name: "Complaint not addressed",
        rationale: """
        A reply must answer the client's own pain points, not a generic text: when the client \
        wrote about a broken zipper and a late refund, a reply about the refund alone tells \
        them the zipper was not read. Needs the complaint: `lint --complaint FILE`.
        """,
        defaultSeverity: .suggestion,
        kind: .complaint
    )

    /// Punctuation that ends a clause inside a sentence (dashes and quotes are folded to one form).
    static let clauseMarks: Set<String> = [",", ";", ":", "(", ")", "[", "]", "-"]

    /// How many words of a long point the message quotes.
    static let quotedWords = 6

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let id = Self.description.id
        guard let complaint = context.complaint, context.text.tokens.contains(where: { $0.kind == .word }) else { return [] }
        let mentioned = Set(context.text.tokens.filter { $0.kind == .word }.map(\.stem))
        let lexicon = context.lexicon(id)
        var reported = Set<Set<String>>()
        return points(of: complaint, language: context.text.language, id: id).compactMap { point in
            let stems = Set(point.map { complaint.text.tokens[$0].stem })
            guard stems.isDisjoint(with: mentioned), reported.insert(stems).inserted else { return nil }
            let quoted = quote(point, in: complaint.text)
            let message = lexicon?.message ?? "The complaint mentions “{point}”, which the reply never addresses."
            return Finding(rule: id, message: message.replacing("{point}", with: quoted), range: nil,
                           suggestion: lexicon?.suggest?.replacing("{point}", with: quoted))
        }
    }

    /// Each point as the indexes of its content words, in the complaint's order. Sentences in
    /// a language other than the reply's are left out: their stems cannot be compared.
    private func points(of complaint: Complaint, language: Language, id: String) -> [[Int]] {
        let text = complaint.text
        let joins = Set(complaint.matches.hits(for: id).flatMap { Array($0.tokens) })
        var points: [[Int]] = []
        for sentence in text.sentences where sentence.language == language {
            var clause: [Int] = [], startsSentence = true
            func close() {
                if !clause.isEmpty, !isName(clause, startsSentence: startsSentence, in: text) { points.append(clause) }
                if !clause.isEmpty { startsSentence = false }
                clause = []
            }
            for index in sentence.tokens {
                let token = text.tokens[index]
                switch token.kind {
                case .punctuation where Self.clauseMarks.contains(token.form): close()
                case .word where joins.contains(index): close()
                case .word where !token.stem.isEmpty && !complaint.matches.isExcepted(rule: id, token: index):
                    clause.append(index)
                default: continue
                }
            }
            close()
        }
        return points
    }

    /// Whether a clause is only a name (a signature, a greeting's "Anna"): every content word
    /// capitalised, and not merely the first word of a sentence.
    private func isName(_ clause: [Int], startsSentence: Bool, in text: AnalyzedText) -> Bool {
        guard clause.count > 1 || !startsSentence else { return false }
        return clause.allSatisfy { text.excerpt(text.tokens[$0].range).unicodeScalars.first?.properties.isUppercase == true }
    }

    /// The point as the client wrote it, from its first to its last content word; a long one
    /// ends with "…" after the last content word among its first words.
    private func quote(_ point: [Int], in text: AnalyzedText) -> String {
        let words = (point.first!...point.last!).filter { text.tokens[$0].isWordLike }
        let isLong = words.count > Self.quotedWords
        let last = isLong ? point.last { $0 <= words[Self.quotedWords - 1] }! : point.last!
        let quoted = text.excerpt(text.tokens[point.first!].range.lowerBound..<text.tokens[last].range.upperBound)
        return isLong ? quoted + "…" : quoted
    }
}
