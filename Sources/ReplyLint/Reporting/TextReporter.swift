/// The report a person reads in a terminal: location, severity, rule and message, the line
/// with the span underlined, and the suggested rewrite.
public struct TextReporter: Reporter {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for file in report.files {
            // Files that could not be linted are reported on standard error by the caller.
            guard file.failure == nil else { continue }
            let lines = LineIndex(file.text)
            for diagnostic in file.diagnostics {
                out += render(diagnostic, path: file.path, lines: lines)
            }
        }
        out += summary(report)
        return out
    }

    private func render(_ diagnostic: Diagnostic, path: String, lines: LineIndex) -> String {
        let severity = paint(diagnostic.severity.rawValue, Self.style(of: diagnostic.severity))
        let rule = paint("[\(diagnostic.rule)]", .dim)
        guard !diagnostic.isDocumentLevel else {
            var out = "\(paint(path, .bold)): \(severity): \(diagnostic.message) \(rule)\n"
            if let suggestion = diagnostic.suggestion { out += "  = \(paint("suggestion", .cyan)): \(suggestion)\n" }
            return out + "\n"
        }
        var out = "\(paint("\(path):\(diagnostic.line):\(diagnostic.column)", .bold)): \(severity): \(diagnostic.message) \(rule)\n"
        let gutter = String(diagnostic.line).count
        let blank = String(repeating: " ", count: gutter)
        let line = lines.line(diagnostic.line)
        let lastColumn = diagnostic.endLine == diagnostic.line ? diagnostic.endColumn : line.unicodeScalars.count + 1
        let indent = String(line.unicodeScalars.prefix(diagnostic.column - 1).map { $0 == "\t" ? "\t" : " " })
        let marks = String(repeating: "^", count: max(1, lastColumn - diagnostic.column))
        out += "  \(blank) |\n"
        out += "  \(diagnostic.line) | \(line)\n"
        out += "  \(blank) | \(indent)\(paint(marks, Self.style(of: diagnostic.severity)))\n"
        if let suggestion = diagnostic.suggestion { out += "  \(blank) = \(paint("suggestion", .cyan)): \(suggestion)\n" }
        return out + "\n"
    }

    private func summary(_ report: LintReport) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let failed = report.files.filter { $0.failure != nil }.count
        var parts = [count(report.count(.error), "error"), count(report.count(.warning), "warning"),
                     count(report.count(.suggestion), "suggestion")]
        if failed > 0 { parts.append("\(count(failed, "file")) not linted") }
        return "\(count(report.files.count, "file")) linted: \(parts.joined(separator: ", "))\n"
    }

    private enum Style: String {
        case bold = "1", dim = "2", red = "31", yellow = "33", cyan = "36"
    }

    private static func style(of severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .suggestion: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
