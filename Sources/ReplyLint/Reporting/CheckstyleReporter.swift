/// Checkstyle's XML, which many CI servers and code-review tools import.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func header() -> String {
        XMLText.declaration + "<checkstyle version=\"4.3\">\n"
    }

    public func fileStart(_ path: String, after earlier: ReportSummary) -> String {
        "  <file\(XMLText.attributes([("name", path)]))>\n"
    }

    public func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String {
        // A finding about the whole reply has a line (the first) but no column.
        let column = diagnostic.isDocumentLevel ? [] : [("column", String(diagnostic.column))]
        return error([("line", String(diagnostic.line))] + column + [
            ("severity", Self.severity(diagnostic.severity)), ("message", diagnostic.message),
            ("source", "replylint.\(diagnostic.rule)"),
        ])
    }

    public func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String {
        guard let failure = file.failure else { return "  </file>\n" }
        return error([("line", "1"), ("severity", "error"), ("message", failure), ("source", "replylint")]) + "  </file>\n"
    }

    public func footer(_ summary: ReportSummary) -> String { "</checkstyle>\n" }

    private func error(_ attributes: [(String, String)]) -> String {
        "    <error\(XMLText.attributes(attributes))/>\n"
    }

    private static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .suggestion: "info"
        }
    }
}
