import Foundation
import Synchronization

/// All lexicons replylint lints with, and their matchers, compiled once per language on
/// first use and then shared read-only by every worker.
public final class LexiconLibrary: Sendable {
    public let files: [LexiconFile]
    private let filesByLanguage: [Language: [LexiconFile]]
    private let compiled = Mutex<[Language: PhraseMatcher]>([:])

    /// The lexicons built into the binary (`Sources/ReplyLint/Lexicons/Generated`).
    public static let builtin = LexiconLibrary(validated: BuiltinLexicons.all)

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

    private init(validated files: [LexiconFile]) {
        self.files = files
        filesByLanguage = Dictionary(grouping: files, by: \.language)
    }

    public func files(for language: Language) -> [LexiconFile] { filesByLanguage[language] ?? [] }

    public func file(rule: String, language: Language) -> LexiconFile? {
        files(for: language).first { $0.rule == rule }
    }

    func matcher(for language: Language, analyzer: TextAnalyzer) -> PhraseMatcher {
        compiled.withLock { matchers in
            if let matcher = matchers[language] { return matcher }
            let matcher = PhraseMatcher(files: files(for: language), language: language, analyzer: analyzer)
            matchers[language] = matcher
            return matcher
        }
    }
}
