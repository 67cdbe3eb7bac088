import Dispatch
import Foundation
import Synchronization

/// Lints many sources in parallel and places each finding in its file with a severity.
public struct LintRunner: Sendable {
    public var linter: Linter
    /// Forces one language for every paragraph instead of detecting it.
    public var language: Language?
    /// Severity per rule id; rules not listed keep their default.
    public var severities: [String: Severity]

    public init(linter: Linter = Linter(), language: Language? = nil, severities: [String: Severity] = [:]) {
        self.linter = linter
        self.language = language
        self.severities = severities
    }

    /// Lints `sources` on every core; the report keeps their order.
    public func run(_ sources: [Source]) -> LintReport {
        let results = Mutex([FileReport?](repeating: nil, count: sources.count))
        let next = Atomic(0)
        let workers = min(sources.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // ICU iterators and Snowball stemmers are per thread: one analyzer per worker.
            let analyzer = Result { try TextAnalyzer() }
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < sources.count else { return }
                let report = lint(sources[index], analyzer: analyzer)
                results.withLock { $0[index] = report }
            }
        }
        return LintReport(files: results.withLock { $0.map { $0! } })
    }

    private func lint(_ source: Source, analyzer: Result<TextAnalyzer, any Error>) -> FileReport {
        do {
            let text = try source.read()
            return lint(text, path: source.path, analyzer: try analyzer.get())
        } catch let skipped as SourceSkipped {
            return FileReport(path: source.path, text: "", language: nil, diagnostics: [], skipped: skipped.description)
        } catch {
            return FileReport(path: source.path, text: "", language: nil, diagnostics: [], failure: "\(error)")
        }
    }

    /// Lints one text already in memory; its path decides the format (Markdown or text).
    public func lint(_ text: String, path: String, analyzer: TextAnalyzer) -> FileReport {
        let document = Document(text, format: Document.Format(path: path))
        let result = linter.lint(document.prose, language: language, analyzer: analyzer)
        // Blanking keeps offsets, so findings in the prose point at the same bytes of the file.
        let lines = LineIndex(document.original)
        let diagnostics = result.findings.map { finding in
            Diagnostic(finding: finding, severity: severity(of: finding.rule), lines: lines)
        }
        return FileReport(path: path, text: text, language: result.text.paragraphs.isEmpty ? nil : result.text.language,
                          diagnostics: diagnostics)
    }

    private func severity(of rule: String) -> Severity {
        severities[rule] ?? RuleRegistry.rule(id: rule)?.description.defaultSeverity ?? .warning
    }
}

