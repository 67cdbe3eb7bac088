/// The stable JSON report of DESIGN.md: other tools read it, so fields keep their meaning.
public struct JSONReporter: Reporter {
    public init() {}

    /// `files` sorts first among the document's keys, so its elements can be written as each
    /// file is linted and the summary after them.
    public func header() -> String { frame(ReportSummary()).opening }

    /// `diagnostics` sorts first among a file's keys, so they can be written as they come
    /// and the file's outcome after them.
    public func fileStart(_ path: String, after earlier: ReportSummary) -> String {
        (earlier.files == 0 ? "" : ",\n") + Self.fileOpening
    }

    /// The same for every file, as nothing comes before `diagnostics`.
    private static let fileOpening = fileFrame(FileReport(path: "", language: nil, diagnostics: [])).opening

    public func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String {
        (index == 0 ? "" : ",\n") + PrettyJSON.encoded(diagnostic, depth: 4)
    }

    public func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String {
        let frame = Self.fileFrame(file)
        return frame.closing + frame.rest
    }

    /// A file's object, as an element of `files`, cut where its diagnostics go.
    private static func fileFrame(_ file: FileReport) -> PrettyJSON.Frame {
        PrettyJSON.Frame(File(file), array: "diagnostics", depth: 1, indentedBy: 2)
    }

    public func footer(_ summary: ReportSummary) -> String {
        let document = frame(summary)
        return document.closing + document.rest + "\n"
    }

    /// The document without files, cut where they go.
    private func frame(_ summary: ReportSummary) -> PrettyJSON.Frame {
        let document = Document(
            version: 1,
            tool: .init(name: "replylint", version: ReplyLintVersion.current),
            files: [],
            summary: .init(files: summary.files, errors: summary.count(.error),
                           warnings: summary.count(.warning), suggestions: summary.count(.suggestion))
        )
        return PrettyJSON.Frame(document, array: "files", depth: 1)
    }

    private struct Document: Encodable {
        var version: Int
        var tool: Tool
        var files: [File]
        var summary: Summary
    }

    private struct Tool: Encodable {
        var name: String
        var version: String
    }

    private struct File: Encodable {
        var path: String
        var language: Language?
        var diagnostics: [Diagnostic]
        /// Present only when the file could not be linted.
        var error: String?
        /// Present only when the file was passed over on purpose.
        var skipped: String?
        /// Present only when the file was linted and has words.
        var scorecard: ScorecardJSON?

        init(_ file: FileReport) {
            path = file.path
            language = file.language
            diagnostics = file.diagnostics
            error = file.failure
            skipped = file.skipped
            scorecard = file.scorecard.map(ScorecardJSON.init)
        }

        private enum CodingKeys: String, CodingKey { case path, language, diagnostics, error, skipped, scorecard }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(language, forKey: .language)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encodeIfPresent(error, forKey: .error)
            try container.encodeIfPresent(skipped, forKey: .skipped)
            try container.encodeIfPresent(scorecard, forKey: .scorecard)
        }
    }

    /// The score and every element in a fixed order, each with its weight, so a reader
    /// needs no copy of the weights to explain a score.
    private struct ScorecardJSON: Encodable {
        var score: Int
        var elements: [Element]

        struct Element: Encodable {
            var element: Scorecard.Element
            var passed: Bool
            var weight: Int
        }

        init(_ scorecard: Scorecard) {
            score = scorecard.score
            elements = Scorecard.Element.allCases.map { Element(element: $0, passed: scorecard.passed[$0] == true, weight: $0.weight) }
        }
    }

    private struct Summary: Encodable {
        var files: Int
        var errors: Int
        var warnings: Int
        var suggestions: Int
    }
}
