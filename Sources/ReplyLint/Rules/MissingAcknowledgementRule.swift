public struct MissingAcknowledgementRule: RequiredPhraseRule {
    public static let description = RuleDescription(
        id: "missing-acknowledgement",
        name: "Missing acknowledgement",
        rationale: """
        A reply should first show that the complaint arrived and was understood: «Я получил \
        вашу жалобу и понимаю, почему вы расстроены», "you are right", «Paldies, ka \
        uzrakstījāt». Without it, the client does not know they were heard.
        """,
        defaultSeverity: .suggestion,
        kind: .absence
    )

    public init() {}
}
