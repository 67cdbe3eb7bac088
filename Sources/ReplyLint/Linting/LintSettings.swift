/// How one file is linted: the linter (lexicons, rules that are on, options), the language,
/// and the severity of each rule, which is decided here, at the edge, not inside rules.
public struct LintSettings: Sendable {
    public var linter: Linter
    /// Forces one language for every paragraph instead of detecting it.
    public var language: Language?
    /// Severity per rule id; rules not listed keep their default.
    public var severities: [String: Severity]
    /// In template libraries, only string values under these keys are templates (nil: every string value).
    public var templateKeys: Set<String>?

    public init(linter: Linter = Linter(), language: Language? = nil, severities: [String: Severity] = [:],
                templateKeys: Set<String>? = nil) {
        self.linter = linter
        self.language = language
        self.severities = severities
        self.templateKeys = templateKeys
    }

    public func severity(of rule: String) -> Severity {
        severities[rule] ?? RuleRegistry.rule(id: rule)?.description.defaultSeverity ?? .warning
    }
}
