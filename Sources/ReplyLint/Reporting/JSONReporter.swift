import Foundation

/// The stable JSON report of DESIGN.md: other tools read it, so fields keep their meaning.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let document = Document(
            version: 1,
            tool: .init(name: "replylint", version: ReplyLintVersion.current),
            files: report.files.map {
                File(path: $0.path, language: $0.language, diagnostics: $0.diagnostics, error: $0.failure, skipped: $0.skipped,
                     scorecard: $0.scorecard.map(ScorecardJSON.init))
            },
            summary: .init(files: report.files.count, errors: report.count(.error),
                           warnings: report.count(.warning), suggestions: report.count(.suggestion))
        )
        let encoder = JSONEncoder()
        // Without sorting, the encoder orders keys differently from run to run; the same
        // findings must give the same bytes (diffs of reports, the interrupted-write test).
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
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
