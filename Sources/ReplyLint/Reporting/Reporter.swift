/// Writes a report in one output format, in parts: the header, then each file's part as the
/// file is linted, then the footer, so a run never holds more than one file's findings.
public protocol Reporter: Sendable {
    /// What comes before the first file.
    func header() -> String
    /// One file's part; `earlier` sums up the files whose parts came before it.
    func file(_ file: FileReport, after earlier: ReportSummary) -> String
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
