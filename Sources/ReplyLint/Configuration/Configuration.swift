/// What a `.replylint.yml` says, as plain values. Every key is optional; `ConfigurationLoader`
/// reads it with the line and column of every problem, and `ConfiguredSettings` turns it into
/// the settings of each file.
public struct Configuration: Sendable, Equatable, Decodable {
    /// `auto` (per paragraph), `ru`, `lv` or `en`.
    public var language: LanguageChoice?
    /// `draft` or `template`; by default template libraries (.json, .yaml) are templates.
    public var mode: LintMode?
    public var rules: [String: RuleSetting]?
    /// User lexicon files, relative to the configuration file (docs/lexicons.md).
    public var lexicons: [String]?
    public var placeholders: PlaceholderConfiguration?
    /// In template libraries (.json, .yaml), only string values under these keys are replies.
    public var templateKeys: [String]?
    /// Globs of files never linted, relative to the configuration file.
    public var ignore: [String]?
    /// Settings for some paths only, applied in order over the ones above.
    public var overrides: [Override]?

    public init() {}

    public enum LanguageChoice: String, Sendable, Equatable, Decodable, CaseIterable {
        case auto, ru, lv, en
        public var language: Language? { Language(rawValue: rawValue) }
    }

    /// `off`, a severity, or a mapping with `severity` and `options`.
    public enum RuleSetting: Sendable, Equatable, Decodable {
        case off
        case on(severity: Severity?, options: RuleOptions)

        public init(from decoder: any Decoder) throws {
            if let word = try? decoder.singleValueContainer().decode(String.self) {
                if word == "off" { self = .off; return }
                guard let severity = Severity(rawValue: word) else {
                    throw ConfigurationValueError("expected off, suggestion, warning or error, found '\(word)'", at: decoder.codingPath)
                }
                self = .on(severity: severity, options: RuleOptions())
                return
            }
            let container = try decoder.container(keyedBy: Key.self)
            try rejectUnknownKeys(decoder, Key.self)
            let options = try container.decodeIfPresent([String: OptionValue].self, forKey: .options) ?? [:]
            self = .on(severity: try container.decodeIfPresent(Severity.self, forKey: .severity),
                       options: RuleOptions(options.mapValues(\.value)))
        }

        private enum Key: String, CodingKey, CaseIterable { case severity, options }
    }

    public struct PlaceholderConfiguration: Sendable, Equatable, Decodable {
        /// How placeholders are written, each as an example: "{{name}}", "[name]".
        public var syntax: [String]?
        /// Per absence rule, the placeholder words that satisfy it in template mode.
        public var satisfy: [String: [String]]?

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            try rejectUnknownKeys(decoder, Key.self)
            syntax = try container.decodeIfPresent([String].self, forKey: .syntax)
            satisfy = try container.decodeIfPresent([String: [String]].self, forKey: .satisfy)
            for (index, example) in (syntax ?? []).enumerated() where PlaceholderSyntax(example: example) == nil {
                throw ConfigurationValueError("'\(example)' is not a placeholder syntax: write it as an example such as \"{{name}}\" or \"[name]\"",
                                              at: decoder.codingPath + [Key.syntax, IndexKey(index)])
            }
        }

        private enum Key: String, CodingKey, CaseIterable { case syntax, satisfy }
    }

    public struct Override: Sendable, Equatable, Decodable {
        /// Globs, relative to the configuration file, of the files these settings are for.
        public var files: [String]
        public var language: LanguageChoice?
        public var mode: LintMode?
        public var rules: [String: RuleSetting]?
        public var placeholders: PlaceholderConfiguration?
        public var templateKeys: [String]?

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            try rejectUnknownKeys(decoder, Key.self)
            files = try container.decode([String].self, forKey: .files)
            templateKeys = try container.decodeIfPresent([String].self, forKey: .templateKeys)
            language = try container.decodeIfPresent(LanguageChoice.self, forKey: .language)
            mode = try container.decodeIfPresent(LintMode.self, forKey: .mode)
            rules = try container.decodeIfPresent([String: RuleSetting].self, forKey: .rules)
            placeholders = try container.decodeIfPresent(PlaceholderConfiguration.self, forKey: .placeholders)
        }

        private enum Key: String, CodingKey, CaseIterable {
            case files, language, mode, rules, placeholders
            case templateKeys = "template-keys"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        try rejectUnknownKeys(decoder, Key.self)
        language = try container.decodeIfPresent(LanguageChoice.self, forKey: .language)
        mode = try container.decodeIfPresent(LintMode.self, forKey: .mode)
        rules = try container.decodeIfPresent([String: RuleSetting].self, forKey: .rules)
        lexicons = try container.decodeIfPresent([String].self, forKey: .lexicons)
        placeholders = try container.decodeIfPresent(PlaceholderConfiguration.self, forKey: .placeholders)
        templateKeys = try container.decodeIfPresent([String].self, forKey: .templateKeys)
        ignore = try container.decodeIfPresent([String].self, forKey: .ignore)
        overrides = try container.decodeIfPresent([Override].self, forKey: .overrides)
    }

    private enum Key: String, CodingKey, CaseIterable {
        case language, mode, rules, lexicons, placeholders, ignore, overrides
        case templateKeys = "template-keys"
    }
}

/// A rule option's value: one integer, or one per language.
private struct OptionValue: Decodable {
    var value: RuleOptions.PerLanguage

    init(from decoder: any Decoder) throws {
        if let number = try? decoder.singleValueContainer().decode(Int.self) {
            value = .all(number)
            return
        }
        guard let perLanguage = try? decoder.singleValueContainer().decode([String: Int].self) else {
            throw ConfigurationValueError("expected a whole number, or one per language such as {ru: 25, lv: 25, en: 30}", at: decoder.codingPath)
        }
        var values: [Language: Int] = [:]
        for (key, number) in perLanguage {
            guard let language = Language(rawValue: key) else {
                throw ConfigurationValueError("unknown language '\(key)' (expected ru, lv or en)", at: decoder.codingPath + [IndexKey(key)])
            }
            values[language] = number
        }
        value = .each(values)
    }
}

/// A value that decodes but makes no sense, located by its coding path.
struct ConfigurationValueError: Error {
    var message: String
    var codingPath: [any CodingKey]
    /// Whether the last key of the path is itself the problem (an unknown key), not its value.
    var isKey: Bool
    init(_ message: String, at codingPath: [any CodingKey], isKey: Bool = false) {
        self.message = message
        self.codingPath = codingPath
        self.isKey = isKey
    }
}

/// A coding key for a list index or a key that is not one of a type's own.
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = "\(index)"; intValue = index }
    init(_ key: String) { stringValue = key; intValue = nil }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

/// Codable ignores keys it does not know; a configuration must not, or a typo silently does nothing.
private func rejectUnknownKeys<K: CodingKey & CaseIterable>(_ decoder: any Decoder, _: K.Type) throws {
    for key in try decoder.container(keyedBy: IndexKey.self).allKeys where K(stringValue: key.stringValue) == nil {
        let expected = K.allCases.map(\.stringValue).joined(separator: ", ")
        throw ConfigurationValueError("unknown key '\(key.stringValue)' (expected \(expected))", at: decoder.codingPath + [key], isKey: true)
    }
}
