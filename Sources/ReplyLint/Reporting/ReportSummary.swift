/// What the end of a report and the exit status need, gathered file by file so that the files
/// and their findings need not be kept: how many files, findings of each severity, and the
/// files that were not linted.
public struct ReportSummary: Sendable {
    public private(set) var files = 0
    private var counts: [Severity: Int] = [:]
    /// The files that failed or were passed over, in report order, each with why; they carry
    /// no diagnostics.
    public private(set) var notLinted: [FileReport] = []

    public init() {}

    /// Counts a file; its diagnostics are counted one by one, as they come.
    public mutating func add(_ file: FileReport) {
        files += 1
        for diagnostic in file.diagnostics { add(diagnostic) }
        if file.failure != nil || file.skipped != nil { notLinted.append(file) }
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        counts[diagnostic.severity, default: 0] += 1
    }

    public func count(_ severity: Severity) -> Int { counts[severity] ?? 0 }

    /// Findings of every severity.
    public var findings: Int { counts.values.reduce(0, +) }

    /// Files that could not be read or linted: the run fails.
    public var failed: Int { notLinted.filter { $0.failure != nil }.count }

    /// Files passed over on purpose (binary files).
    public var skipped: Int { notLinted.filter { $0.skipped != nil }.count }

    public var hasFailures: Bool { failed > 0 }
}
