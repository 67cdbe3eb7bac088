/// Draft: a reply about to be sent, where a blank left in is an error. Template: a reusable
/// text whose blanks are filled later, where a named blank can stand for a required element.
public enum LintMode: String, Sendable, Codable, CaseIterable {
    case draft, template
}

/// What configuration tells the linter beyond its lexicons; rules read it from their context.
public struct LintOptions: Sendable, Hashable {
    public var mode: LintMode = .draft
    public var placeholders: [PlaceholderSyntax] = PlaceholderSyntax.defaults
    /// Per absence rule, the placeholder words that satisfy it in template mode: a template
    /// saying "by {{deadline}}" will name a date once it is filled.
    public var satisfyingPlaceholders: [String: Set<String>] = Self.defaultSatisfyingPlaceholders
    public var ruleOptions: [String: RuleOptions] = [:]

    public init() {}

    public static let defaultSatisfyingPlaceholders: [String: Set<String>] = [
        "missing-timeline": ["deadline", "date", "due", "eta", "timeframe", "timeline", "when",
                             "срок", "сроки", "дата", "дедлайн", "termiņš", "termiņu", "datums", "datumu", "laiks"],
    ]
}

/// A rule's settings from configuration: named integers, one for every language or one per
/// language (`max-words: 20` or `max-words: {ru: 22, en: 28}`).
public struct RuleOptions: Sendable, Hashable {
    public var values: [String: PerLanguage]

    public init(_ values: [String: PerLanguage] = [:]) { self.values = values }

    public enum PerLanguage: Sendable, Hashable {
        case all(Int)
        case each([Language: Int])
    }

    public func integer(_ key: String, language: Language) -> Int? {
        switch values[key] {
        case .all(let value): value
        case .each(let values): values[language]
        case nil: nil
        }
    }
}
