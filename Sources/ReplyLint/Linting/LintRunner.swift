import Dispatch
import Foundation
import Synchronization

/// Lints many sources in parallel and places each finding in its file with a severity.
public struct LintRunner: Sendable {
    /// How each path is linted (from its configuration).
    public var settings: @Sendable (String) -> LintSettings

    /// Lints every source with the same settings.
    public init(settings: LintSettings = LintSettings()) {
        self.settings = { _ in settings }
    }

    public init(linter: Linter, language: Language? = nil) {
        self.init(settings: LintSettings(linter: linter, language: language))
    }

    public init(settingsForPath: @escaping @Sendable (String) -> LintSettings) {
        settings = settingsForPath
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
        let settings = settings(path)
        let document = Document(text, format: Document.Format(path: path))
        let result = settings.linter.lint(document.prose, language: settings.language, complaint: settings.complaint,
                                          analyzer: analyzer)
        // Blanking keeps offsets, so findings in the prose point at the same bytes of the file.
        let lines = LineIndex(document.original)
        let suppressions = Suppressions(text, lines: lines)
        let diagnostics = result.findings.map { finding in
            var diagnostic = Diagnostic(finding: finding, severity: settings.severity(of: finding.rule), lines: lines)
            diagnostic.message = settings.message(of: finding)
            return diagnostic
        }.filter { !suppressions.silence($0) }
        let language = result.text.paragraphs.isEmpty ? nil : result.text.language
        // A suppressed finding is one the writer meant: its element passes.
        return FileReport(path: path, text: text, language: language, diagnostics: diagnostics,
                          scorecard: language == nil ? nil : Scorecard(diagnostics))
    }
}
