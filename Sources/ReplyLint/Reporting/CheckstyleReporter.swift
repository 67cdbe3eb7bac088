/// Checkstyle's XML, which many CI servers and code-review tools import.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func header() -> String {
        XMLText.declaration + "<checkstyle version=\"4.3\">\n"
    }

    public func file(_ file: FileReport, after earlier: ReportSummary) -> String {
        var out = "  <file\(XMLText.attributes([("name", file.path)]))>\n"
        for diagnostic in file.diagnostics {
            // A finding about the whole reply has a line (the first) but no column.
            let column = diagnostic.isDocumentLevel ? [] : [("column", String(diagnostic.column))]
            out += error([("line", String(diagnostic.line))] + column + [
                ("severity", Self.severity(diagnostic.severity)), ("message", diagnostic.message),
                ("source", "replylint.\(diagnostic.rule)"),
            ])
        }
        if let failure = file.failure {
            out += error([("line", "1"), ("severity", "error"), ("message", failure), ("source", "replylint")])
        }
        return out + "  </file>\n"
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
