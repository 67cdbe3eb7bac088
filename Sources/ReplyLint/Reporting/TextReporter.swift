/// The report a person reads in a terminal: location, severity, rule and message, the line
/// with the span underlined, and the suggested rewrite; with `scorecard`, each file's
/// scorecard after its findings.
public struct TextReporter: Reporter {
    public var color: Bool
    public var scorecard: Bool

    public init(color: Bool, scorecard: Bool = false) {
        self.color = color
        self.scorecard = scorecard
    }

    public func header() -> String { "" }

    public func fileStart(_ path: String, after earlier: ReportSummary) -> String { "" }

    public func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String {
        render(diagnostic, path: path)
    }

    /// Files that could not be linted are reported on standard error by the caller.
    public func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String {
        guard scorecard, let card = file.scorecard else { return "" }
        return render(card, path: file.path)
    }

    public func footer(_ summary: ReportSummary) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var parts = [count(summary.count(.error), "error"), count(summary.count(.warning), "warning"),
                     count(summary.count(.suggestion), "suggestion")]
        if summary.failed > 0 { parts.append("\(count(summary.failed, "file")) not linted") }
        if summary.skipped > 0 { parts.append("\(count(summary.skipped, "file")) skipped") }
        return "\(count(summary.files, "file")) linted: \(parts.joined(separator: ", "))\n"
    }

    private func render(_ diagnostic: Diagnostic, path: String) -> String {
        let severity = paint(diagnostic.severity.rawValue, Self.style(of: diagnostic.severity))
        let rule = paint("[\(diagnostic.rule)]", .dim)
        guard let window = diagnostic.window else {
            var out = "\(paint(path, .bold)): \(severity): \(diagnostic.message) \(rule)\n"
            if let suggestion = diagnostic.suggestion { out += "  = \(paint("suggestion", .cyan)): \(suggestion)\n" }
            return out + "\n"
        }
        var out = "\(paint("\(path):\(diagnostic.line):\(diagnostic.column)", .bold)): \(severity): \(diagnostic.message) \(rule)\n"
        let gutter = String(diagnostic.line).count
        let blank = String(repeating: " ", count: gutter)
        let length = window.lineLength
        let lastColumn = diagnostic.endLine == diagnostic.line ? diagnostic.endColumn : length + 1
        // Show a window of a long line (a one-line file can be megabytes), marked with "…".
        let shown = window.columns
        let scalars = Array(window.text.unicodeScalars)
        /// The scalars of the line at 0-based columns inside `shown`.
        func line(_ columns: Range<Int>) -> ArraySlice<Unicode.Scalar> {
            scalars[(columns.lowerBound - shown.lowerBound)..<(columns.upperBound - shown.lowerBound)]
        }
        let head = shown.lowerBound > 0 ? "…" : "", tail = shown.upperBound < length ? "…" : ""
        let indent = head.map { _ in " " } + line(shown.lowerBound..<(diagnostic.column - 1)).map { $0 == "\t" ? "\t" : " " }
        let marks = String(repeating: "^", count: max(1, min(lastColumn, shown.upperBound + 1) - diagnostic.column))
        out += "  \(blank) |\n"
        out += "  \(diagnostic.line) | \(head)\(String(String.UnicodeScalarView(line(shown))))\(tail)\n"
        out += "  \(blank) | \(indent.joined())\(paint(marks, Self.style(of: diagnostic.severity)))\n"
        // In decoded formats (entities, quoted-printable, base64, other charsets) the file's bytes
        // are not what was read: show the words found as well.
        let underlined = line(min(diagnostic.column - 1, length)..<min(max(lastColumn - 1, diagnostic.column - 1), length))
        if diagnostic.endLine == diagnostic.line, String(String.UnicodeScalarView(underlined)) != diagnostic.excerpt {
            out += "  \(blank) = \(paint("found", .cyan)): \(diagnostic.excerpt)\n"
        }
        if let suggestion = diagnostic.suggestion { out += "  \(blank) = \(paint("suggestion", .cyan)): \(suggestion)\n" }
        return out + "\n"
    }

    /// The score, then the elements that pass and those that fail with the points they cost.
    private func render(_ card: Scorecard, path: String) -> String {
        let passed = Scorecard.Element.allCases.filter { card.passed[$0] == true }.map(\.title)
        var out = "\(paint(path, .bold)): score \(paint("\(card.score)/100", .bold))\n"
        if !passed.isEmpty { out += "  \(paint("pass", .green)): \(passed.joined(separator: ", "))\n" }
        if !card.failed.isEmpty {
            out += "  \(paint("fail", .red)): \(card.failed.map { "\($0.title) (−\($0.weight))" }.joined(separator: ", "))\n"
        }
        return out + "\n"
    }

    private enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
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
