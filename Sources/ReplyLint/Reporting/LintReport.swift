/// The outcome of a run: one entry per file given, in the order given.
public struct LintReport: Sendable {
    public var files: [FileReport]

    public init(files: [FileReport]) { self.files = files }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
}

public struct FileReport: Sendable {
    /// As the user gave it ("-" or a display name for standard input).
    public var path: String
    public var language: Language?
    public var diagnostics: [Diagnostic]
    /// Why the file could not be linted, if it could not: the run fails.
    public var failure: String?
    /// Why the file was passed over on purpose (a binary file): reported, not a failure.
    public var skipped: String?
    /// The reply's elements and score, from every finding (also those `--quiet` hides); nil
    /// for a file that was not linted or has no words.
    public var scorecard: Scorecard?
    /// In a template library, the templates that have words, in file order: each is a reply of
    /// its own, whose diagnostics name it.
    public var templates: [String]

    public init(path: String, language: Language?, diagnostics: [Diagnostic],
                failure: String? = nil, skipped: String? = nil, scorecard: Scorecard? = nil, templates: [String] = []) {
        self.path = path
        self.language = language
        self.diagnostics = diagnostics
        self.failure = failure
        self.skipped = skipped
        self.scorecard = scorecard
        self.templates = templates
    }

    /// The same file with only the diagnostics that satisfy `isIncluded` (a baseline's new findings).
    public func keeping(_ isIncluded: (Diagnostic) -> Bool) -> FileReport {
        var file = self
        file.diagnostics = diagnostics.filter(isIncluded)
        return file
    }
}
