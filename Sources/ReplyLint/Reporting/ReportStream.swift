/// One report written as its files come: the header at once, each file's part in turn (its
/// start, its diagnostics one by one, its end) and the footer at the end. Only the summary of
/// what came so far is kept between them; output is written in blocks of about 64 KB.
public struct ReportStream {
    private let reporter: any Reporter
    private let write: (String) -> Void
    public private(set) var summary = ReportSummary()
    /// How many diagnostics the file whose part has begun has had; nil between files.
    private var openCount: Int?
    private var buffer = ""

    /// Writes the header through `write`, which then gets every further part.
    public init(_ reporter: any Reporter, write: @escaping (String) -> Void) {
        self.reporter = reporter
        self.write = write
        buffer = reporter.header()
    }

    /// One diagnostic of the file at `path`, whose part begins with its first diagnostic.
    public mutating func add(_ diagnostic: Diagnostic, in path: String) {
        let index = begin(path)
        buffer += reporter.diagnostic(diagnostic, index: index, in: path, after: summary)
        summary.add(diagnostic)
        openCount = index + 1
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    /// The end of a file's part: `file` holds its outcome; its diagnostics, if it has any,
    /// are written before its end.
    public mutating func add(_ file: FileReport) {
        for diagnostic in file.diagnostics { add(diagnostic, in: file.path) }
        var outcome = file
        outcome.diagnostics = []
        let count = begin(file.path)
        buffer += reporter.fileEnd(outcome, count: count, after: summary)
        summary.add(outcome)
        openCount = nil
        flush()
    }

    public mutating func finish() {
        buffer += reporter.footer(summary)
        flush()
    }

    /// Begins the part of the file at `path` unless it has begun; how many diagnostics it has so far.
    private mutating func begin(_ path: String) -> Int {
        if let openCount { return openCount }
        buffer += reporter.fileStart(path, after: summary)
        openCount = 0
        return 0
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        write(buffer)
        buffer = ""
    }
}
