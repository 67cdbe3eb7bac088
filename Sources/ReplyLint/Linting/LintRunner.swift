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
            return try lint(bytes: source.read(), path: source.path, analyzer: analyzer.get())
        } catch let skipped as SourceSkipped {
            return FileReport(path: source.path, language: nil, diagnostics: [], skipped: skipped.description)
        } catch {
            return FileReport(path: source.path, language: nil, diagnostics: [], failure: "\(error)")
        }
    }

    /// Lints one text already in memory; its path decides the format.
    public func lint(_ text: String, path: String, analyzer: TextAnalyzer) -> FileReport {
        lint(bytes: Array(text.utf8), path: path, analyzer: analyzer)
    }

    /// Lints a file's bytes; its path decides the format. Each prose unit (the reply, or each
    /// template of a library) is linted on its own and its findings placed in the file.
    public func lint(bytes: [UInt8], path: String, analyzer: TextAnalyzer) -> FileReport {
        var diagnostics: [Diagnostic] = []
        var report = lint(bytes: bytes, path: path, analyzer: analyzer) { diagnostics.append($0) }
        report.diagnostics = diagnostics
        return report
    }

    /// Lints a file's bytes, handing `emit` each diagnostic in file order as soon as it is
    /// placed, so that a large file's diagnostics need not be held; the report it returns has
    /// none. A unit linted in pieces gives its findings about the whole unit last.
    public func lint(bytes: [UInt8], path: String, analyzer: TextAnalyzer, emit: (Diagnostic) -> Void) -> FileReport {
        let settings = settings(path)
        let document: Document
        do {
            document = try Document(bytes: bytes, format: Document.Format(path: path), templateKeys: settings.templateKeys)
        } catch {
            return FileReport(path: path, language: nil, diagnostics: [], failure: "\(error)")
        }
        let lines = LineIndex(bytes: bytes)
        // Suppression comments are read in the file as stored, where diagnostics are placed.
        let suppressions = Suppressions(bytes: bytes, lines: lines)
        // The complaint the reply answers: the one given (`lint --complaint`), else what the file
        // quotes (`> …` lines, the quoted message of an email, an HTML blockquote).
        let complaint = settings.complaint ?? (document.context.isEmpty ? nil : document.context.joined(separator: "\n\n"))
        var languages: [Language: Int] = [:]
        // A suppressed finding is one the writer meant: its element passes.
        var fired: Set<String> = []
        var templates: [String] = []
        for unit in document.units {
            let language = settings.linter.lint(unit.bytes, language: settings.language, complaint: complaint, analyzer: analyzer) { findings in
                for finding in findings {
                    var diagnostic = Diagnostic(finding: finding, severity: settings.severity(of: finding.rule), unit: unit, lines: lines)
                    diagnostic.message = settings.message(of: finding)
                    guard !suppressions.silence(diagnostic) else { continue }
                    fired.insert(diagnostic.rule)
                    emit(diagnostic)
                }
            }
            if let language {
                languages[language, default: 0] += unit.bytes.count
                if let template = unit.template { templates.append(template) }
            }
        }
        // The file's language is that of most of its prose.
        let language = languages.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
        return FileReport(path: path, language: language, diagnostics: [],
                          scorecard: language == nil ? nil : Scorecard(findingsOf: fired), templates: templates)
    }
}
