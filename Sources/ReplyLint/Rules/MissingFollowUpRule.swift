public struct MissingFollowUpRule: RequiredPhraseRule {
    public static let description = RuleDescription(
        id: "missing-follow-up",
        name: "Missing follow-up",
        rationale: """
        Service recovery ends with a check: invite the client to reply if the fix does not \
        work, or promise to get back to them («Напишите мне, если…», "I'll call you on \
        Monday", «Piezvanīšu Jums otrdien»).
        """,
        defaultSeverity: .suggestion,
        kind: .absence
    )

    public init() {}
}
