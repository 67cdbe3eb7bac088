public struct MissingApologyRule: RequiredPhraseRule {
    public static let description = RuleDescription(
        id: "missing-apology",
        name: "Missing apology",
        rationale: """
        A reply to a complaint needs a sincere apology for what happened. Conditional or \
        feelings-focused phrases ("sorry if you feel…", «жаль, что вы так считаете», \
        «atvainojamies, ja…») and a bare «к сожалению» do not count.
        """,
        defaultSeverity: .warning,
        kind: .absence
    )

    public init() {}
}
