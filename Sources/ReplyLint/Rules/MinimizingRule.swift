public struct MinimizingRule: PhraseRule {
    public static let description = RuleDescription(
        id: "minimizing",
        name: "Minimizing",
        rationale: """
        Calling the problem small («всего лишь», «небольшая задержка», "just a small", "a \
        slight delay", «tikai neliela kavēšanās») tells the client their complaint is \
        exaggerated. The client decides how big the problem is.
        """,
        defaultSeverity: .warning,
        kind: .phrase
    )

    public init() {}
}
