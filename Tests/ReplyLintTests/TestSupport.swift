import Foundation
@testable import ReplyLint

enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lexicons as their YAML says now, so lexicon authors see their edits without
    /// regenerating; `EmbeddedLexiconTests` proves the built-in copy is the same.
    static let lexicons: Result<LexiconLibrary, any Error> = Result {
        try LexiconLibrary(directory: repositoryRoot.appendingPathComponent("lexicons"))
    }

    static func library() throws -> LexiconLibrary { try lexicons.get() }

    /// Text that shifts every offset by multi-byte characters: emoji (with a ZWJ sequence),
    /// Cyrillic, Latvian letters and a combining mark. It is a paragraph of its own.
    static let multibytePrefix = "🙂 👩‍💻 ё Ā ž é\u{0301}\n\n"

    static func lint(_ text: String, language: Language? = nil) throws -> Linter.Result {
        try Linter(library: library()).lint(text, language: language, analyzer: TextAnalyzer())
    }
}
