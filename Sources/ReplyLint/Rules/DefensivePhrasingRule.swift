public struct DefensivePhrasingRule: PhraseRule {
    public static let description = RuleDescription(
        id: "defensive-phrasing",
        name: "Defensive phrasing",
        rationale: """
        Justifying yourself («мы старались изо всех сил», "as I mentioned", «saskaņā ar mūsu \
        noteikumiem») tells the client their complaint is being argued with. Excuses minimise \
        the problem; acknowledge it and say what you will do instead.
        """,
        defaultSeverity: .warning,
        kind: .phrase
    )

    public init() {}
}
