public struct LongSentenceRule: Rule {
    public static let description = RuleDescription(
        id: "long-sentence",
        name: "Long sentence",
        rationale: """
        An unhappy client reads quickly and looks for what you will do. Long sentences bury \
        the apology and the date; split them. Limits are in words: 25 for Russian and \
        Latvian, whose words carry more meaning each, 30 for English.
        """,
        defaultSeverity: .suggestion,
        kind: .phrase,
        options: ["max-words": "the most words a sentence may have: one number, or one per language ({ru: 25, lv: 25, en: 30})"]
    )

    /// The most words a sentence may have before it is reported (asked for every sentence).
    static let limits = PerLanguage(ru: 25, lv: 25, en: 30)

    public init() {}

    public func check(_ context: RuleContext, into findings: inout [Finding]) {
        let options = context.options.ruleOptions[Self.description.id]
        for sentence in context.text.sentences {
            let limit = options?.integer("max-words", language: sentence.language)
                ?? Self.limits[sentence.language]
            let words = sentence.wordCount
            guard words > limit else { continue }
            findings.append(context.finding(Self.description.id, range: sentence.range, language: sentence.language,
                                            text: MessageText(values: ["count": String(words), "limit": String(limit)]),
                                            fallback: "This sentence has {count} words; more than {limit} is hard to read."))
        }
    }
}
