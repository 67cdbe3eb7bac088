import Dispatch
import Foundation

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
        var files: [FileReport] = []
        files.reserveCapacity(sources.count)
        run(sources) { files.append($0) }
        return LintReport(files: files)
    }

    /// Lints `sources` on every core and hands each file's report to `handOver` in their order,
    /// one at a time on the calling thread, as soon as it and every file before it are linted.
    public func run(_ sources: [Source], each handOver: (FileReport) -> Void) {
        var diagnostics: [Diagnostic] = []
        run(sources, diagnostic: { diagnostic, _ in diagnostics.append(diagnostic) }, file: { file in
            var file = file
            file.diagnostics = diagnostics
            diagnostics = []
            handOver(file)
        })
    }

    /// Lints `sources` on every core and hands over, in their order and one at a time on the
    /// calling thread, each file's diagnostics as they are placed (with its path), then its
    /// report without them. The runner keeps nothing it has handed over, so a run holds a
    /// window of files and a few thousand diagnostics, not every file's or one large file's.
    public func run(_ sources: [Source], diagnostic: (Diagnostic, String) -> Void, file: (FileReport) -> Void) {
        let workers = min(sources.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        run(sources, workers: workers, window: 16 * workers, diagnostic: diagnostic, file: file)
    }

    /// A worker starts file i only while i < (the next file to hand over) + `window`, so a slow
    /// early file cannot let the other workers pile up finished reports.
    func run(_ sources: [Source], workers: Int, window: Int, diagnostic handOver: (Diagnostic, String) -> Void,
             file handOverFile: (FileReport) -> Void) {
        let pending = PendingReports(window: window, count: sources.count)
        let done = DispatchGroup()
        // Threads of their own, not the shared dispatch pool: this thread waits for them, and a
        // pool already busy with such waiting callers (tests run in parallel) might never run them.
        for _ in 0..<workers {
            done.enter()
            Thread {
                // ICU iterators and Snowball stemmers are per thread: one analyzer per worker.
                let analyzer = Result { try TextAnalyzer() }
                while let index = pending.claim() {
                    // Diagnostics go over in batches, so workers and the handing-over thread seldom meet.
                    var batch: [Diagnostic] = []
                    let report = lint(sources[index], analyzer: analyzer) { diagnostic in
                        batch.append(diagnostic)
                        if batch.count == PendingReports.batch {
                            pending.place(batch, in: index)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    pending.place(batch, in: index)
                    pending.finish(index, report)
                }
                done.leave()
            }.start()
        }
        for index in sources.indices {
            var report: FileReport?
            while report == nil {
                let diagnostics: [Diagnostic]
                (diagnostics, report) = pending.take(index)
                for diagnostic in diagnostics { handOver(diagnostic, sources[index].path) }
            }
            handOverFile(report!)
        }
        done.wait()
    }

    private func lint(_ source: Source, analyzer: Result<TextAnalyzer, any Error>, emit: (Diagnostic) -> Void) -> FileReport {
        do {
            return try lint(bytes: source.read(), path: source.path, analyzer: analyzer.get(), emit: emit)
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
        let lines = LineIndex(bytes: bytes, isUTF8: document.isUTF8)
        var cursor = LineCursor(lines)
        // Suppression comments are read in the file as stored, where diagnostics are placed.
        let suppressions = Suppressions(bytes: bytes, lines: lines)
        // The complaint the reply answers: the one given (`lint --complaint`), else what the file
        // quotes (`> …` lines, the quoted message of an email, an HTML blockquote).
        let complaint = settings.complaint ?? (document.context.isEmpty ? nil : document.context.joined(separator: "\n\n"))
        var languages = PerLanguage(ru: 0, lv: 0, en: 0)
        // A suppressed finding is one the writer meant: its element passes. A file's findings
        // are of a few rules, so these lists are searched, not hashed, per finding.
        var fired: [String] = []
        var severities: [(rule: String, severity: Severity)] = []
        var templates: [String] = []
        for unit in document.units {
            let language = settings.linter.lint(unit.bytes, language: settings.language, complaint: complaint, analyzer: analyzer,
                                                isValidUTF8: unit.isValidUTF8) { findings in
                // Read in place: each finding is placed without a copy of its strings.
                findings.withUnsafeBufferPointer { findings in
                    for index in findings.indices {
                        let rule = findings[index].rule
                        let severity: Severity
                        if let known = severities.first(where: { $0.rule == rule }) {
                            severity = known.severity
                        } else {
                            severity = settings.severity(of: rule)
                            severities.append((rule, severity))
                        }
                        let diagnostic = Diagnostic(finding: findings[index], message: settings.message(of: findings[index]),
                                                    severity: severity, unit: unit, cursor: &cursor)
                        guard !suppressions.silence(diagnostic) else { continue }
                        if !fired.contains(diagnostic.rule) { fired.append(diagnostic.rule) }
                        emit(diagnostic)
                    }
                }
            }
            if let language {
                languages.add(unit.bytes.count, to: language)
                if let template = unit.template { templates.append(template) }
            }
        }
        // The file's language is that of most of its prose.
        let language = languages.largest
        return FileReport(path: path, language: language, diagnostics: [],
                          scorecard: language == nil ? nil : Scorecard(findingsOf: fired), templates: templates)
    }
}

/// What the workers of one run have linted but not yet handed over, and which file may be
/// started next. Workers and the handing-over thread meet here; every field is guarded by
/// `condition`.
private final class PendingReports: @unchecked Sendable {
    /// How many diagnostics a worker places at once.
    static let batch = 256
    /// How many diagnostics a file that is not the next to hand over may hold before its worker
    /// waits for its turn: a large file behind a slow one does not pile up its findings.
    static let held = 16 * batch

    private let condition = NSCondition()
    private let window: Int
    private let count: Int
    /// Files started so far: the next file to start is `claimed`.
    private var claimed = 0
    /// The next file to hand over: every file before it was handed over.
    private var next = 0
    private var placed: [Int: [Diagnostic]] = [:]
    private var finished: [Int: FileReport] = [:]

    init(window: Int, count: Int) {
        self.window = window
        self.count = count
    }

    /// The next file to lint, once it is less than a window ahead of the next file to hand
    /// over; nil when every file has been started.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while claimed < count, claimed >= next + window { condition.wait() }
        guard claimed < count else { return nil }
        defer { claimed += 1 }
        return claimed
    }

    /// Diagnostics of file `index`, in order; waits while the file holds too many and is not next.
    func place(_ diagnostics: [Diagnostic], in index: Int) {
        guard !diagnostics.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while index != next, placed[index, default: []].count >= Self.held { condition.wait() }
        placed[index, default: []] += diagnostics
        condition.broadcast()
    }

    /// The report of file `index`, after all its diagnostics were placed.
    func finish(_ index: Int, _ report: FileReport) {
        condition.lock()
        defer { condition.unlock() }
        finished[index] = report
        condition.broadcast()
    }

    /// Waits for file `index`, the next to hand over, to have diagnostics or be finished, and
    /// forgets them: its diagnostics so far, then, once it is finished, its report. The files
    /// before it have been handed over, which lets the workers start the files in the window.
    func take(_ index: Int) -> (diagnostics: [Diagnostic], report: FileReport?) {
        condition.lock()
        defer { condition.unlock() }
        if next != index {
            next = index
            condition.broadcast()
        }
        while placed[index] == nil, finished[index] == nil { condition.wait() }
        let diagnostics = placed.removeValue(forKey: index) ?? []
        // A worker waiting to place more may go on now that its file is next and emptied.
        condition.broadcast()
        return (diagnostics, finished.removeValue(forKey: index))
    }
}
