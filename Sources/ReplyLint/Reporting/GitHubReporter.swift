/// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull
/// request's diff, and each file that could not be linted an error annotation on that file.
public struct GitHubReporter: Reporter {
    public init() {}

    public func header() -> String { "" }

    public func fileStart(_ path: String, after earlier: ReportSummary) -> String { "" }

    public func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String {
        Self.command(diagnostic, path: path)
    }

    public func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String {
        guard let failure = file.failure else { return "" }
        return Self.command("error", [("file", file.path), ("title", "replylint")], message: failure)
    }

    public func footer(_ summary: ReportSummary) -> String { "" }

    private static func command(_ diagnostic: Diagnostic, path: String) -> String {
        var properties = [("file", path), ("line", String(diagnostic.line))]
        // A finding about the whole reply has no span: GitHub shows it on the first line.
        if !diagnostic.isDocumentLevel {
            properties += [("col", String(diagnostic.column)), ("endLine", String(diagnostic.endLine)),
                           ("endColumn", String(diagnostic.endColumn))]
        }
        properties.append(("title", diagnostic.rule))
        let message = diagnostic.message + (diagnostic.suggestion.map { "\nSuggestion: \($0)" } ?? "")
        return command(level(diagnostic.severity), properties, message: message)
    }

    private static func command(_ name: String, _ properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0)=\(escapedProperty($1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(escapedData(message))\n"
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .suggestion: "notice"
        }
    }

    /// GitHub's escaping of a command's message ("data").
    private static func escapedData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values also escape the separators of the property list.
    private static func escapedProperty(_ text: String) -> String {
        escapedData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
