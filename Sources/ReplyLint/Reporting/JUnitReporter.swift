/// JUnit XML, which CI servers show as test results: a test suite per file, a failing test
/// case per diagnostic, and one passing test case for a file with no findings.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let suites = report.files.map(Suite.init)
        var out = XMLText.declaration
        out += "<testsuites\(XMLText.attributes([("name", "replylint")] + Suite.counts(suites)))>\n"
        for suite in suites {
            out += "  <testsuite\(XMLText.attributes([("name", suite.name)] + Suite.counts([suite])))>\n"
            out += suite.cases.joined()
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

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

        static func counts(_ suites: [Suite]) -> [(String, String)] {
            func sum(_ value: (Suite) -> Int) -> String { String(suites.map(value).reduce(0, +)) }
            return [("tests", sum { $0.cases.count }), ("failures", sum(\.failures)),
                    ("errors", sum(\.errors)), ("skipped", sum(\.skipped))]
        }
    }
}
