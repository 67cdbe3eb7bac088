/// What a rule is, as `replylint rules` and `explain` show it. Its examples live in its
/// lexicon files, one set per language, so they are tests and documentation at once.
public struct RuleDescription: Sendable {
    public enum Kind: String, Sendable {
        /// Flags words that are present.
        case phrase
        /// Flags what the whole reply lacks.
        case absence
        /// Flags what the reply leaves out of the complaint it answers.
        case complaint
    }

    public var id: String
    public var name: String
    public var rationale: String
    public var defaultSeverity: Severity
    public var kind: Kind
    /// The options configuration may set, with what each means.
    public var options: [String: String] = [:]
}

/// A check over one analysed document. Rules see tokens and lexicon matches, never files,
/// and give findings without severities.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Appends the findings in `context` to `findings`, which every rule of a text fills in
    /// turn: one array a text, not one a rule copied into it finding by finding. The linter puts
    /// them in text order, so a rule appends in whatever order it finds them.
    func check(_ context: RuleContext, into findings: inout [Finding])
}

/// What a rule may read about the document it checks.
public struct RuleContext: Sendable {
    public var text: AnalyzedText
    public var matches: LexiconMatches
    public var library: LexiconLibrary
    public var options: LintOptions
    /// The complaint the reply answers, when it is known.
    public var complaint: Complaint? = nil

    /// The rule's lexicon for `language` (default: the document's), for its texts.
    public func lexicon(_ rule: String, language: Language? = nil) -> LexiconFile? {
        library.file(rule: rule, language: language ?? text.language)
    }

    /// Whether, in template mode, a placeholder such as `{{deadline}}` stands for what `rule` requires.
    public func hasSatisfyingPlaceholder(for rule: String) -> Bool {
        guard options.mode == .template, let words = options.satisfyingPlaceholders[rule] else { return false }
        return text.placeholders.contains { text.placeholderWords(of: text.tokens[$0]).contains { words.contains(String($0)) } }
    }

    /// A finding of `rule` in `language` with one of the rule's texts: the named text (`name`,
    /// with its `name-suggest`) or the file's message and rewrite, filled with `values`;
    /// `fallback` if the lexicon has none.
    public func finding(_ rule: String, range: Range<Int>?, language: Language, text: MessageText = MessageText(),
                        fallback: String) -> Finding {
        library.withFile(rule: rule, language: language) { lexicon in
            let message = lexicon.flatMap { text.message(in: $0.pointee) } ?? text.fill(fallback)
            let suggestion = text.name.map { lexicon?.pointee.messages["\($0)-suggest"] } ?? lexicon?.pointee.suggest
            return Finding(rule: rule, message: message, range: range, suggestion: suggestion.map(text.fill),
                           language: language, text: text)
        }
    }

    /// The byte range covered by document tokens `tokens`.
    public func range(of tokens: ClosedRange<Int>) -> Range<Int> {
        text.tokens[tokens.lowerBound].range.lowerBound..<text.tokens[tokens.upperBound].range.upperBound
    }
}

/// The client's complaint, analysed and matched like the reply it is compared with.
public struct Complaint: Sendable {
    public var text: AnalyzedText
    public var matches: LexiconMatches
}

/// A rule that reports each lexicon phrase found, with the entry's message and rewrite.
public protocol PhraseRule: Rule {}

extension PhraseRule {
    public func check(_ context: RuleContext, into findings: inout [Finding]) { phraseFindings(context, into: &findings) }

    /// Each hit with its entry's message and rewrite, else its file's (a hit knows its file: no
    /// look-up by the rule's name per finding).
    public func phraseFindings(_ context: RuleContext, into findings: inout [Finding]) {
        let id = Self.description.id
        for hit in context.matches.outermostHits(for: id) {
            let texts = context.matches.texts(of: hit)
            findings.append(Finding(rule: id, message: texts.message ?? Self.description.name, range: context.range(of: hit.tokens),
                                    suggestion: texts.suggest, language: hit.language))
        }
    }
}

/// A rule satisfied by any one of its lexicon phrases; it reports the whole document when
/// none is there, in the document's language.
public protocol RequiredPhraseRule: Rule {}

extension RequiredPhraseRule {
    public func check(_ context: RuleContext, into findings: inout [Finding]) {
        let id = Self.description.id
        guard context.text.hasWords,
              !context.matches.hasHits(for: id), !context.hasSatisfyingPlaceholder(for: id)
        else { return }
        findings.append(context.finding(id, range: nil, language: context.text.language, fallback: Self.description.name))
    }
}

public enum RuleRegistry {
    /// Every rule, in the order `replylint rules` lists them.
    public static let all: [any Rule.Type] = [
        DefensivePhrasingRule.self,
        BlameShiftingRule.self,
        JargonRule.self,
        MissingApologyRule.self,
        MissingTimelineRule.self,
        VagueTimelineRule.self,
        NonApologyRule.self,
        MinimizingRule.self,
        PassiveEvasionRule.self,
        DismissiveToneRule.self,
        LongSentenceRule.self,
        MissingAcknowledgementRule.self,
        MissingResolutionRule.self,
        MissingFollowUpRule.self,
        UnfilledPlaceholderRule.self,
        ComplaintNotAddressedRule.self,
    ]

    public static func rule(id: String) -> (any Rule.Type)? {
        byID[id]
    }

    /// The severity of a rule that configuration leaves as it is: looked up in every file for
    /// each rule it has findings of, so not by making the rule's whole description.
    public static func defaultSeverity(of id: String) -> Severity? {
        defaultSeverities[id]
    }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.description.id, $0) })
    private static let defaultSeverities = Dictionary(uniqueKeysWithValues: all.map { ($0.description.id, $0.description.defaultSeverity) })
}
