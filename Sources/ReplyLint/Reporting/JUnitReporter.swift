/// JUnit XML, which CI servers show as test results: a test suite per file, a failing test
/// case per diagnostic, and one passing test case for a file with no findings.
public struct JUnitReporter: Reporter {
    public init() {}

    /// The run's totals are known only once every file is linted, after `<testsuites>` has been
    /// written: each `<testsuite>` carries its own counts, and the totals (optional) are left out.
    public func header() -> String {
        XMLText.declaration + "<testsuites\(XMLText.attributes([("name", "replylint")]))>\n"
    }

    public func file(_ file: FileReport, after earlier: ReportSummary) -> String {
        let suite = Suite(file)
        return "  <testsuite\(XMLText.attributes([("name", suite.name)] + suite.counts))>\n" + suite.cases.joined() + "  </testsuite>\n"
    }

    public func footer(_ summary: ReportSummary) -> String { "</testsuites>\n" }

    private struct Suite {
        var name: String
        var cases: [String] = []
        var failures = 0, errors = 0, skipped = 0

        init(_ file: FileReport) {
            name = file.path
            for diagnostic in file.diagnostics {
                let place = "\(diagnostic.line):\(diagnostic.column)"
                cases.append(testCase(diagnostic.isDocumentLevel ? diagnostic.rule : "\(diagnostic.rule) at \(place)",
                                      Self.failure(diagnostic, at: diagnostic.isDocumentLevel ? file.path : "\(file.path):\(place)")))
                failures += 1
            }
            if let failure = file.failure {
                cases.append(testCase("lint", "<error\(XMLText.attributes([("message", failure)]))/>"))
                errors += 1
            } else if let reason = file.skipped {
                cases.append(testCase("lint", "<skipped\(XMLText.attributes([("message", reason)]))/>"))
                skipped += 1
            } else if file.diagnostics.isEmpty {
                cases.append(testCase("lint", nil))
            }
        }

        /// The body reads like the text report, so a CI page shows what a terminal would.
        private static func failure(_ diagnostic: Diagnostic, at place: String) -> String {
            var text = "\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"
            if let suggestion = diagnostic.suggestion { text += "\nsuggestion: \(suggestion)" }
            let attributes = XMLText.attributes([("message", diagnostic.message), ("type", diagnostic.severity.rawValue)])
            return "<failure\(attributes)>\(XMLText.escaped(text))</failure>"
        }

        private func testCase(_ name: String, _ outcome: String?) -> String {
            let opening = "    <testcase\(XMLText.attributes([("name", name), ("classname", self.name)]))"
            guard let outcome else { return opening + "/>\n" }
            return opening + ">\n      \(outcome)\n    </testcase>\n"
        }

        var counts: [(String, String)] {
            [("tests", String(cases.count)), ("failures", String(failures)), ("errors", String(errors)), ("skipped", String(skipped))]
        }
    }
}
