import Foundation
import Synchronization

/// The text a lexicon file is matched over: the reply, or the complaint it answers. Only the
/// rules that compare the two (kind `.complaint`) read the complaint's matches, and only they
/// do not read the reply's; so each text is matched against the other rules' files or theirs.
/// This keeps the complaint rule's word lists (function words, greetings: most of any text)
/// out of the matching of every reply.
public enum MatchedText: Sendable {
    case reply, complaint
}

/// All lexicons replylint lints with, and their matchers, compiled once per language and
/// text on first use and then shared read-only by every worker.
public final class LexiconLibrary: Sendable {
    public let files: [LexiconFile]
    private let filesByLanguage: PerLanguage<[LexiconFile]>
    /// Rule names, numbered: several rules look theirs up in every file, and hashing a `String`
    /// cost more than the rest of a rule with nothing to report.
    private let ruleNumbers: ByteStringTable
    /// Per rule number, its files as `files(for:)` numbers them in each language.
    private let fileNumbersByRule: [[(language: Language, file: Int)]]
    private let compiled = Mutex(Compiled())

    /// Each language's patterns compiled, and the matchers made of them.
    private struct Compiled {
        var patterns: [Language: PhraseMatcher.Compiled] = [:]
        var matchers: [MatcherKey: PhraseMatcher] = [:]
    }

    private struct MatcherKey: Hashable {
        var language: Language
        var text: MatchedText
    }
    /// The patterns of a language already compiled, where the binary carries them.
    private let precompiled: @Sendable (Language) -> PhraseMatcher.Compiled?

    /// The lexicons built into the binary (`Sources/ReplyLint/Lexicons/Generated`), with their
    /// patterns compiled at build time.
    public static let builtin = LexiconLibrary(validated: BuiltinLexicons.all, precompiled: BuiltinLexicons.compiled(for:))

    /// Checks `files` and builds a library of them.
    public convenience init(files: [LexiconFile]) throws {
        let errors = files.flatMap(PatternValidator.validate)
        guard errors.isEmpty else { throw LexiconErrors(errors: errors) }
        self.init(validated: files)
    }

    /// Loads the YAML lexicons of a directory laid out as `<lang>/<rule>.yml`; file paths
    /// (in errors too) start with `base`.
    public convenience init(directory: URL, relativeTo base: String = "lexicons") throws {
        self.init(validated: try LexiconLoader.loadDirectory(directory, relativeTo: base))
    }

    private init(validated files: [LexiconFile], precompiled: @escaping @Sendable (Language) -> PhraseMatcher.Compiled? = { _ in nil }) {
        self.files = files
        self.precompiled = precompiled
        let grouped = Dictionary(grouping: files, by: \.language)
        filesByLanguage = PerLanguage(ru: grouped[.ru] ?? [], lv: grouped[.lv] ?? [], en: grouped[.en] ?? [])
        var ruleNumbers = ByteStringTable()
        var fileNumbersByRule: [[(language: Language, file: Int)]] = []
        for language in Language.allCases {
            for (number, file) in filesByLanguage[language].enumerated() {
                var rule = file.rule
                let (ruleNumber, isNew) = rule.withUTF8 { ruleNumbers.index(of: $0) }
                if isNew { fileNumbersByRule.append([]) }
                fileNumbersByRule[Int(ruleNumber)].append((language, number))
            }
        }
        (self.ruleNumbers, self.fileNumbersByRule) = (ruleNumbers, fileNumbersByRule)
    }

    public func files(for language: Language) -> [LexiconFile] { filesByLanguage[language] }

    public func file(rule: String, language: Language) -> LexiconFile? {
        withFile(rule: rule, language: language) { $0?.pointee }
    }

    /// Calls `body` with the file of `rule` in `language`, or nil, by pointer: every finding
    /// reads its texts from one, and a file passed as a value (even an optional one made from
    /// it) is a copy that retains all its strings and arrays.
    func withFile<Result>(rule: String, language: Language, _ body: (UnsafePointer<LexiconFile>?) -> Result) -> Result {
        guard let number = fileNumbers(of: rule).first(where: { $0.language == language })?.file else { return body(nil) }
        return filesByLanguage[language].withUnsafeBufferPointer { body($0.baseAddress! + number) }
    }

    /// Where the files of `rule` are in `files(for:)` of their languages.
    func fileNumbers(of rule: String) -> [(language: Language, file: Int)] {
        var rule = rule
        return rule.withUTF8 { ruleNumbers.existingIndex(of: $0) }.map { fileNumbersByRule[Int($0)] } ?? []
    }

    /// The matcher of the files of `language` matched over `text`.
    func matcher(for language: Language, over text: MatchedText, analyzer: TextAnalyzer) -> PhraseMatcher {
        compiled.withLock { compiled in
            let key = MatcherKey(language: language, text: text)
            if let matcher = compiled.matchers[key] { return matcher }
            let files = files(for: language)
            let patterns = compiled.patterns[language]
                ?? precompiled(language) ?? PhraseMatcher.compile(files, language: language, analyzer: analyzer)
            compiled.patterns[language] = patterns
            let matcher = PhraseMatcher(patterns, keeping: files.map { Self.isMatched($0, over: text) })
            compiled.matchers[key] = matcher
            return matcher
        }
    }

    private static func isMatched(_ file: LexiconFile, over text: MatchedText) -> Bool {
        (RuleRegistry.rule(id: file.rule)?.description.kind == .complaint) == (text == .complaint)
    }
}

extension [LexiconFile] {
    /// These files with `added` merged in: a user's file for the same rule and language adds
    /// its entries, classes, exceptions and examples, and its texts replace the built-in ones.
    public func merging(_ added: [LexiconFile]) -> [LexiconFile] {
        var files = self
        for extra in added {
            guard let index = files.firstIndex(where: { $0.rule == extra.rule && $0.language == extra.language }) else {
                files.append(extra)
                continue
            }
            files[index].message = extra.message ?? files[index].message
            files[index].suggest = extra.suggest ?? files[index].suggest
            files[index].classes += extra.classes
            files[index].unless += extra.unless
            files[index].messages.merge(extra.messages) { $1 }
            files[index].entries += extra.entries
            files[index].examples.triggering += extra.examples.triggering
            files[index].examples.nonTriggering += extra.examples.nonTriggering
        }
        return files
    }
}
