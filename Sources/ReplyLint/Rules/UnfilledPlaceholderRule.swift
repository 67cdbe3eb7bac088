public struct UnfilledPlaceholderRule: Rule {
    public static let description = RuleDescription(
        id: "unfilled-placeholder",
        name: "Unfilled placeholder",
        rationale: """
        A reply built from a template must not go out with its blanks: a client who reads \
        «Здравствуйте, [Имя]!» or "Your refund will arrive by {{deadline}}" knows nobody read \
        the letter. In draft mode every placeholder left in the text is reported; in template \
        mode (template libraries) placeholders are expected, and a named one such as \
        {{deadline}} can stand for a required element.
        """,
        defaultSeverity: .error,
        kind: .phrase
    )

    public init() {}

    public func check(_ context: RuleContext, into findings: inout [Finding]) {
        guard context.options.mode == .draft else { return }
        let id = Self.description.id
        var placeholders = context.text.placeholders[...]
        // Each sentence takes the placeholders among its tokens, which come in the same order.
        for sentence in context.text.sentences where !placeholders.isEmpty {
            while let index = placeholders.first, index < sentence.tokens.upperBound {
                placeholders.removeFirst()
                guard index >= sentence.tokens.lowerBound else { continue }
                let range = context.text.tokens[index].range
                findings.append(context.finding(id, range: range, language: sentence.language,
                                                text: MessageText(values: ["term": context.text.excerpt(range)]),
                                                fallback: "The placeholder {term} was not filled in."))
            }
        }
    }
}
