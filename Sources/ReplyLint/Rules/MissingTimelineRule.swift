public struct MissingTimelineRule: RequiredPhraseRule {
    public static let description = RuleDescription(
        id: "missing-timeline",
        name: "Missing timeline",
        rationale: """
        «Укажите точные сроки»: the client needs to know when the fix will happen — a date, a \
        weekday, "tomorrow", "within 3 working days", a clock time. Vague phrases («в \
        ближайшее время», "soon", «drīzumā») do not count. An action already completed ("I \
        have refunded you") needs no date.
        """,
        defaultSeverity: .warning,
        kind: .absence
    )

    public init() {}
}
