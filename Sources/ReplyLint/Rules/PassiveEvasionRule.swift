public struct PassiveEvasionRule: PhraseRule {
    public static let description = RuleDescription(
        id: "passive-evasion",
        name: "Passive evasion",
        rationale: """
        An admission without an agent hides who erred: "mistakes were made", «была допущена \
        ошибка», «tika pieļauta kļūda». Owning the mistake in the active voice — "I made a \
        mistake", «мы ошиблись», «mēs kļūdījāmies» — is what makes an apology credible.
        """,
        defaultSeverity: .warning,
        kind: .phrase
    )

    public init() {}
}
