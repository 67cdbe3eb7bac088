/// JUnit XML, which CI servers show as test results: a test suite per file, a failing test
/// case per diagnostic, and one passing test case for a file with no findings.
///
/// A suite's test cases are written as its file's findings come, before the file is done, so
/// neither `<testsuites>` nor `<testsuite>` carries totals (the attributes are optional; CI
/// servers count the test cases).
public struct JUnitReporter: Reporter {
    public init() {}

    public func header() -> String {
        XMLText.declaration + "<testsuites\(XMLText.attributes([("name", "replylint")]))>\n"
    }

    public func fileStart(_ path: String, after earlier: ReportSummary) -> String {
        "  <testsuite\(XMLText.attributes([("name", path)]))>\n"
    }

    public func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String {
        let place = "\(diagnostic.line):\(diagnostic.column)"
        return Self.testCase(diagnostic.isDocumentLevel ? diagnostic.rule : "\(diagnostic.rule) at \(place)", in: path,
                             Self.failure(diagnostic, at: diagnostic.isDocumentLevel ? path : "\(path):\(place)"))
    }

    public func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String {
        let outcome: String? = if let failure = file.failure {
            Self.testCase("lint", in: file.path, "<error\(XMLText.attributes([("message", failure)]))/>")
        } else if let reason = file.skipped {
            Self.testCase("lint", in: file.path, "<skipped\(XMLText.attributes([("message", reason)]))/>")
        } else if count == 0 {
            Self.testCase("lint", in: file.path, nil)
        } else {
            nil
        }
        return (outcome ?? "") + "  </testsuite>\n"
    }

    public func footer(_ summary: ReportSummary) -> String { "</testsuites>\n" }

    /// The body reads like the text report, so a CI page shows what a terminal would.
    private static func failure(_ diagnostic: Diagnostic, at place: String) -> String {
        var text = "\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"
        if let suggestion = diagnostic.suggestion { text += "\nsuggestion: \(suggestion)" }
        let attributes = XMLText.attributes([("message", diagnostic.message), ("type", diagnostic.severity.rawValue)])
        return "<failure\(attributes)>\(XMLText.escaped(text))</failure>"
    }

    private static func testCase(_ name: String, in path: String, _ outcome: String?) -> String {
        let opening = "    <testcase\(XMLText.attributes([("name", name), ("classname", path)]))"
        guard let outcome else { return opening + "/>\n" }
        return opening + ">\n      \(outcome)\n    </testcase>\n"
    }
}
