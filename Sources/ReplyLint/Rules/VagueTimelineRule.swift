public struct VagueTimelineRule: PhraseRule {
    public static let description = RuleDescription(
        id: "vague-timeline",
        name: "Vague timeline",
        rationale: """
        «В ближайшее время», "as soon as possible", «drīzumā» promise nothing the client can \
        hold you to, and read as a brush-off. Name a date, a weekday or a number of days \
        instead. This rule points at the phrase; `missing-timeline` reports a reply that has \
        no concrete time at all.
        """,
        defaultSeverity: .suggestion,
        kind: .phrase
    )

    public init() {}
}
