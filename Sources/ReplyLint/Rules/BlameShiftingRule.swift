public struct BlameShiftingRule: PhraseRule {
    public static let description = RuleDescription(
        id: "blame-shifting",
        name: "Blame shifting",
        rationale: """
        Putting the fault on the client («вы не указали», "you should have", «Jums vajadzēja») \
        or on a third party («по вине курьерской службы», "the courier lost it") turns a \
        complaint into a dispute. Acknowledging responsibility is the part of an apology that \
        matters most (Lewicki, Polin & Lount, 2016).
        """,
        defaultSeverity: .error,
        kind: .phrase
    )

    public init() {}
}
