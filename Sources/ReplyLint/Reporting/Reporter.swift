/// Writes a report in one output format, in parts: the header, then each file's part as the
/// file is linted — its start, each diagnostic as it is placed, its end — then the footer, so a
/// run holds no file's findings, not even those of one 200 MB file.
public protocol Reporter: Sendable {
    /// What comes before the first file.
    func header() -> String
    /// What comes before a file's diagnostics; `earlier` sums up the files before it.
    func fileStart(_ path: String, after earlier: ReportSummary) -> String
    /// One diagnostic of the file at `path`, the file's `index`th; `earlier` sums up the files
    /// before it and the file's diagnostics before this one.
    func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String
    /// What comes after a file's `count` diagnostics: `file` holds its outcome (language,
    /// scorecard, failure), not the diagnostics.
    func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String
    /// What comes after the last file; `summary` sums up every file.
    func footer(_ summary: ReportSummary) -> String
}

extension Reporter {
    /// The whole report at once: its parts joined.
    public func render(_ report: LintReport) -> String {
        var out = ""
        var stream = ReportStream(self) { out += $0 }
        for file in report.files { stream.add(file) }
        stream.finish()
        return out
    }
}

public enum ReplyLintVersion {
    public static let current = "0.1.0"
}
