/// Compares a reply with the complaint it answers and reports each point of the complaint the
/// reply never mentions. A point is a clause of the complaint — split at semicolons, dashes and
/// brackets and at the words the lexicon's entries list ("and", «а», «bet») — with at least
/// two content words, a thing and what is wrong with it («кран течёт», "zipper broke"); the
/// lexicon's `unless` lists the words that are never content (function words, greetings,
/// feelings, words every complaint has). A lone content word is too often colour ("busiest")
/// or said otherwise in a good reply ("small" for a wrong size) to be worth a finding. A point
/// counts as addressed when the reply uses one of its words in any inflected form.
public struct ComplaintNotAddressedRule: Rule {
    public static let description = RuleDescription(
        id: "complaint-not-addressed",
        name: "Complaint not addressed",
        rationale: """
        A reply must answer the client's own pain points, not a generic text: when the client \
        wrote about a broken zipper and a late refund, a reply about the refund alone tells \
        them the zipper was not read. The complaint is what the file quotes (`> …`, an \
        email's quoted message, a blockquote), or the file given with `lint --complaint`.
        """,
        defaultSeverity: .suggestion,
        kind: .complaint
    )

    /// Punctuation that ends a clause inside a sentence (dashes are folded to one form). Not the
    /// comma: Russian and Latvian put one before every relative clause («…, который я
    /// отправил»), which adds to a point rather than making a new one; ", and" still splits.
    static let clauseMarks: Set<String> = [";", "(", ")", "[", "]", "-"]

    /// The fewest content words a point has.
    static let pointWords = 2

    /// How many words of a long point the message quotes.
    static let quotedWords = 6

    public init() {}

    public func check(_ context: RuleContext, into findings: inout [Finding]) {
        let id = Self.description.id
        guard let complaint = context.complaint, context.text.hasWords else { return }
        let mentioned = Set(context.text.tokens.filter { $0.kind == .word }.map(context.text.stem(of:)))
        var reported = Set<Set<String>>()
        for point in points(of: complaint, language: context.text.language, id: id) {
            let stems = Set(point.map { complaint.text.stem(of: complaint.text.tokens[$0]) })
            guard !stems.contains(where: { Self.isMentioned($0, in: mentioned) }), reported.insert(stems).inserted else { continue }
            // The point stays as the client wrote it, whatever language the message is given in.
            findings.append(context.finding(id, range: nil, language: context.text.language,
                                            text: MessageText(values: ["point": quote(point, in: complaint.text)]),
                                            fallback: "The complaint mentions “{point}”, which the reply never addresses."))
        }
    }

    /// Whether the reply uses the word of `stem`: the same stem, or, for long stems, one that
    /// begins with the other, as a noun and its verb often do when the stemmer keeps a suffix
    /// («atmaksa» / «atmaksājām», "refund" / "refunding").
    static func isMentioned(_ stem: String, in mentioned: Set<String>) -> Bool {
        if mentioned.contains(stem) { return true }
        guard stem.count >= minimumPrefix else { return false }
        return mentioned.contains { $0.count >= minimumPrefix && ($0.hasPrefix(stem) || stem.hasPrefix($0)) }
    }

    /// The shortest stem compared by its beginning: shorter ones begin too many other words.
    static let minimumPrefix = 5

    /// Each point as the indexes of its content words, in the complaint's order. Sentences in
    /// a language other than the reply's are left out: their stems cannot be compared.
    private func points(of complaint: Complaint, language: Language, id: String) -> [[Int]] {
        let text = complaint.text
        let joins = Set(complaint.matches.hits(for: id).flatMap { Array($0.tokens) })
        var points: [[Int]] = []
        for sentence in text.sentences where sentence.language == language {
            var clause: [Int] = []
            func close() {
                if clause.count >= Self.pointWords, !isName(clause, in: text) { points.append(clause) }
                clause = []
            }
            for index in sentence.tokens {
                let token = text.tokens[index]
                switch token.kind {
                case .punctuation where Self.clauseMarks.contains(text.form(of: token)): close()
                case .word where joins.contains(index): close()
                case .word where text.form(of: token).count > 1 && !complaint.matches.isExcepted(rule: id, token: index):
                    clause.append(index)
                default: continue
                }
            }
            close()
        }
        return points
    }

    /// Whether a clause is only a name (a signature: "Anna Smith"): every content word capitalised.
    private func isName(_ clause: [Int], in text: AnalyzedText) -> Bool {
        clause.allSatisfy { text.excerpt(text.tokens[$0].range).unicodeScalars.first?.properties.isUppercase == true }
    }

    /// The point as the client wrote it, from its first to its last content word; a long one
    /// ends with "…" after the last content word among its first words.
    private func quote(_ point: [Int], in text: AnalyzedText) -> String {
        let words = (point.first!...point.last!).filter { text.tokens[$0].isWordLike }
        let isLong = words.count > Self.quotedWords
        let last = isLong ? point.last { $0 <= words[Self.quotedWords - 1] }! : point.last!
        let quoted = text.excerpt(text.tokens[point.first!].range.lowerBound..<text.tokens[last].range.upperBound)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return isLong ? quoted + "…" : quoted
    }
}
