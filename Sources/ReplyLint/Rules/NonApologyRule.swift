public struct NonApologyRule: PhraseRule {
    public static let description = RuleDescription(
        id: "non-apology",
        name: "Non-apology",
        rationale: """
        Phrases that look like an apology but take no responsibility make things worse: \
        conditional ("sorry if…", «извините, если…», «atvainojamies, ja…»), regret for the \
        client's feelings instead of the act ("sorry you feel that way", «жаль, что вы так \
        считаете»), an apology taken back ("sorry, but…", «извините, но…», «atvainojiet, \
        bet…»), and formulas about "any inconvenience".
        """,
        defaultSeverity: .warning,
        kind: .phrase
    )

    public init() {}
}
