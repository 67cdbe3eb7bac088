public struct MissingResolutionRule: RequiredPhraseRule {
    public static let description = RuleDescription(
        id: "missing-resolution",
        name: "Missing resolution",
        rationale: """
        An apology without a remedy is only words. The reply should offer something concrete: \
        a fix, a redo, a refund or partial refund, a replacement, a discount, something free.
        """,
        defaultSeverity: .warning,
        kind: .absence
    )

    public init() {}
}
