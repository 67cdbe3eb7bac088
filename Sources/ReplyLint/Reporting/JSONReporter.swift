import Foundation

/// The stable JSON report of DESIGN.md: other tools read it, so fields keep their meaning.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let document = Document(
            version: 1,
            tool: .init(name: "replylint", version: ReplyLintVersion.current),
            files: report.files.map {
                File(path: $0.path, language: $0.language, diagnostics: $0.diagnostics, error: $0.failure, skipped: $0.skipped)
            },
            summary: .init(files: report.files.count, errors: report.count(.error),
                           warnings: report.count(.warning), suggestions: report.count(.suggestion))
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
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

        private enum CodingKeys: String, CodingKey { case path, language, diagnostics, error, skipped }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(language, forKey: .language)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encodeIfPresent(error, forKey: .error)
            try container.encodeIfPresent(skipped, forKey: .skipped)
        }
    }

    private struct Summary: Encodable {
        var files: Int
        var errors: Int
        var warnings: Int
        var suggestions: Int
    }
}
