/// How one file is linted: the linter (lexicons, rules that are on, options), the language,
/// and the severity of each rule, which is decided here, at the edge, not inside rules.
public struct LintSettings: Sendable {
    public var linter: Linter
    /// Forces one language for every paragraph instead of detecting it.
    public var language: Language?
    /// Severity per rule id; rules not listed keep their default.
    public var severities: [String: Severity]
    /// The language messages are written in (suggested rewrites stay in the reply's); nil:
    /// each message in the language of the text it is about.
    public var messages: Language?
    /// In template libraries, only string values under these keys are templates (nil: every string value).
    public var templateKeys: Set<String>?
    /// The client's complaint the file answers, when it is known (`lint --complaint`).
    public var complaint: String?

    public init(linter: Linter = Linter(), language: Language? = nil, severities: [String: Severity] = [:],
                messages: Language? = nil, templateKeys: Set<String>? = nil, complaint: String? = nil) {
        self.linter = linter
        self.language = language
        self.severities = severities
        self.messages = messages
        self.templateKeys = templateKeys
        self.complaint = complaint
    }

    /// The message of `finding` in the messages language, where its rule has that text.
    public func message(of finding: Finding) -> String {
        guard let messages, messages != finding.language else { return finding.message }
        return linter.library.withFile(rule: finding.rule, language: messages) { lexicon in
            lexicon.flatMap { finding.text.message(in: $0.pointee) }
        } ?? finding.message
    }

    /// The messages language a locale names (LC_ALL, LC_MESSAGES, LANG: "ru_RU.UTF-8" → ru);
    /// nil for "C", "POSIX" and other languages.
    public static func messagesLanguage(environment: [String: String]) -> Language? {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap { Language(rawValue: String($0.prefix { $0.isLetter }).lowercased()) }
    }

    public func severity(of rule: String) -> Severity {
        severities[rule] ?? RuleRegistry.defaultSeverity(of: rule) ?? .warning
    }
}
