/// Runs the rules over one text: analysis, one matching pass, then each rule.
public struct Linter: Sendable {
    public var library: LexiconLibrary
    public var rules: [any Rule]
    public var options: LintOptions

    public init(library: LexiconLibrary = .builtin, rules: [any Rule] = RuleRegistry.all.map { $0.init() },
                options: LintOptions = LintOptions()) {
        self.library = library
        self.rules = rules
        self.options = options
    }

    public struct Result: Sendable {
        public var text: AnalyzedText
        public var findings: [Finding]
    }

    /// Lints `text`; `language` forces one language instead of detecting it per paragraph.
    public func lint(_ text: String, language: Language? = nil, analyzer: TextAnalyzer) -> Result {
        let analysis = analyzer.analyze(text, language: language, placeholders: options.placeholders)
        let context = RuleContext(text: analysis,
                                  matches: LexiconMatches(text: analysis, library: library, analyzer: analyzer),
                                  library: library, options: options)
        let findings = rules.flatMap { $0.check(context) }.sorted {
            ($0.range?.lowerBound ?? -1, $0.range?.upperBound ?? -1, $0.rule) < ($1.range?.lowerBound ?? -1, $1.range?.upperBound ?? -1, $1.rule)
        }
        return Result(text: analysis, findings: findings)
    }
}
