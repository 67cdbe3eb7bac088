import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReplyLint

/// A real report over three files: a blaming reply under a name full of characters every
/// format must escape, a clean reply, and a path that does not exist.
struct SampleReport {
    static let awkwardName = "a&b <\"q\">, 100%: ответ.txt"

    let directory: URL
    let report: LintReport

    init() throws {
        let directory = try CLI.directory([Self.awkwardName: Replies.blaming, "good.txt": Replies.good])
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        report = runner.run(["good.txt", Self.awkwardName, "missing.txt"].map { .file(directory.appendingPathComponent($0).path) })
        self.directory = directory
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    var bad: FileReport { report.files[1] }
    var blame: Diagnostic { bad.diagnostics.first { $0.rule == "blame-shifting" }! }
}

@Suite struct SARIFReportTests {
    private func render(_ sample: SampleReport) throws -> [String: Any] {
        let sarif = SARIFReporter(baseDirectory: sample.directory).render(sample.report)
        return try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    }

    /// The official OASIS schema, copied into the tests so any clone can run them.
    @Test func validatesAgainstTheOfficialSchema() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let reportURL = sample.directory.appendingPathComponent("report.sarif")
        try SARIFReporter(baseDirectory: sample.directory).render(sample.report).write(to: reportURL, atomically: true, encoding: .utf8)
        let schema = TestSupport.repositoryRoot.appendingPathComponent("Tests/Data/sarif-schema-2.1.0.json")
        #expect(FileManager.default.fileExists(atPath: schema.path), "SARIF schema missing at \(schema.path)")
        let validation = try JSONSchema.validate(reportURL, against: schema)
        #expect(validation.status == 0, "\(validation.output)")
    }

    @Test func describesEveryRuleAndPointsResultsAtThem() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let log = try render(sample)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "replylint" && driver["version"] as? String == ReplyLintVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleRegistry.all.map { $0.description.id })
        let blameRule = try #require(rules.first { $0["id"] as? String == "blame-shifting" })
        #expect(blameRule["name"] as? String == "BlameShifting")
        #expect((blameRule["shortDescription"] as? [String: String])?["text"] == "Blame shifting")
        #expect((blameRule["fullDescription"] as? [String: String])?["text"] == BlameShiftingRule.description.rationale)
        #expect((blameRule["help"] as? [String: String])?["text"]?.contains("replylint explain blame-shifting") == true)
        #expect((blameRule["defaultConfiguration"] as? [String: String])?["level"] == "error")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == sample.report.diagnostics.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let levels = Set(results.compactMap { $0["level"] as? String })
        #expect(levels.isSubset(of: ["error", "warning", "note"]) && levels.contains("note"))
    }

    @Test func placesFindingsWithRelativeURIsAndRegions() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let run = try #require((try render(sample)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        func physicalLocation(_ result: [String: Any]) -> [String: Any]? {
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        }
        let blame = try #require(results.first { $0["ruleId"] as? String == "blame-shifting" })
        #expect(blame["level"] as? String == "error")
        #expect((blame["message"] as? [String: String])?["text"] == sample.blame.message)
        #expect((blame["properties"] as? [String: String])?["suggestion"] == sample.blame.suggestion)
        let location = try #require(physicalLocation(blame))
        let artifact = try #require(location["artifactLocation"] as? [String: String])
        #expect(artifact["uri"] == "a&b%20%3C%22q%22%3E,%20100%25%3A%20%D0%BE%D1%82%D0%B2%D0%B5%D1%82.txt")
        #expect(artifact["uriBaseId"] == "%SRCROOT%")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 1 && region["startColumn"] as? Int == 15)
        #expect(region["endLine"] as? Int == sample.blame.endLine && region["endColumn"] as? Int == sample.blame.endColumn)
        #expect(region["byteOffset"] as? Int == "Здравствуйте. ".utf8.count)
        #expect(region["byteLength"] as? Int == sample.blame.length)
        #expect((region["snippet"] as? [String: String])?["text"] == "Вам следовало")

        let missing = try #require(results.first { $0["ruleId"] as? String == "missing-apology" })
        let documentLocation = try #require(physicalLocation(missing))
        #expect(documentLocation["region"] == nil && documentLocation["artifactLocation"] != nil)

        let base = try #require((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        #expect(base.hasPrefix("file:///") && base.hasSuffix("/"))
    }

    @Test func filesThatFailedBecomeNotificationsOfAnUnsuccessfulRun() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let run = try #require((try render(sample)["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(notifications[0]["level"] as? String == "error")
        #expect((notifications[0]["message"] as? [String: String])?["text"] == "no such file or directory")

        let clean = SARIFReporter(baseDirectory: sample.directory).render(LintReport(files: [sample.report.files[0]]))
        #expect(clean.contains("\"executionSuccessful\" : true") && !clean.contains("toolExecutionNotifications"))
    }

    @Test func pathsOutsideTheBaseDirectoryAreAbsoluteFileURIs() throws {
        let files = ["/srv/ответы/x.txt", "../elsewhere/y.txt", "sub/./z.txt"].map {
            FileReport(path: $0, language: nil, diagnostics: [], failure: "unreadable")
        }
        let sarif = SARIFReporter(baseDirectory: URL(fileURLWithPath: "/work/repo")).render(LintReport(files: files))
        #expect(sarif.contains("\"uri\" : \"file:///srv/%D0%BE%D1%82%D0%B2%D0%B5%D1%82%D1%8B/x.txt\""))
        #expect(sarif.contains("\"uri\" : \"file:///work/elsewhere/y.txt\""))
        #expect(sarif.contains("\"uri\" : \"sub/z.txt\""))
    }
}

@Suite struct GitHubReportTests {
    @Test func writesOneEscapedCommandPerDiagnostic() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let output = GitHubReporter().render(sample.report)
        let commands = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // One per diagnostic, and one error for the file that does not exist.
        #expect(commands.count == sample.report.diagnostics.count + 1)
        #expect(commands.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })

        let file = sample.bad.path.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        let blame = sample.blame
        let expected = "::error file=\(file),line=1,col=15,endLine=1,endColumn=\(blame.endColumn),title=blame-shifting::"
            + "\(blame.message)%0ASuggestion: \(blame.suggestion!)"
        #expect(commands.contains { $0 == expected })
        #expect(commands.contains { $0.hasPrefix("::warning file=\(file),line=1,title=missing-apology::") })
        #expect(commands.contains { $0.hasPrefix("::notice file=") })
        #expect(commands.contains { $0.hasPrefix("::error file=") && $0.hasSuffix("missing.txt,title=replylint::no such file or directory") })
    }

    @Test func escapesMessagesAndProperties() {
        let lines = LineIndex("x")
        var diagnostic = Diagnostic(finding: Finding(rule: "jargon", message: "100% sure,\r\nreally: yes", range: 0..<1, language: .en), severity: .suggestion, lines: lines)
        diagnostic.suggestion = nil
        let file = FileReport(path: "a,b:c%.txt", language: .en, diagnostics: [diagnostic])
        #expect(GitHubReporter().render(LintReport(files: [file]))
            == "::notice file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=2,title=jargon::100%25 sure,%0D%0Areally: yes\n")
    }
}

@Suite struct XMLReportTests {
    #if canImport(FoundationXML) || os(macOS)
    private func parse(_ xml: String) throws -> XMLElement {
        try #require(try XMLDocument(data: Data(xml.utf8)).rootElement())
    }

    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    @Test func junitHasASuitePerFileAndACasePerDiagnostic() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let root = try parse(JUnitReporter().render(sample.report))
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { attribute($0, "name") } == sample.report.files.map(\.path))
        let (good, bad, missing) = (suites[0], suites[1], suites[2])

        #expect(good.elements(forName: "testcase").count == 1 && good.elements(forName: "testcase")[0].childCount == 0)

        let cases = bad.elements(forName: "testcase")
        #expect(cases.count == sample.bad.diagnostics.count)
        #expect(cases.allSatisfy { $0.elements(forName: "failure").count == 1 })
        let blame = try #require(cases.first { attribute($0, "name") == "blame-shifting at 1:15" })
        let failure = blame.elements(forName: "failure")[0]
        #expect(attribute(failure, "message") == sample.blame.message && attribute(failure, "type") == "error")
        #expect(failure.stringValue?.contains("\nsuggestion: \(sample.blame.suggestion!)") == true)
        #expect(attribute(blame, "classname") == sample.bad.path)

        #expect(missing.elements(forName: "testcase").first?.elements(forName: "error").first.flatMap { attribute($0, "message") } == "no such file or directory")
        // Test cases are written as findings come, so no element carries totals: CI servers count the cases.
        #expect(([root] + suites).allSatisfy { attribute($0, "tests") == nil && attribute($0, "failures") == nil })
        func total(_ name: String) -> Int { suites.map { $0.elements(forName: "testcase").flatMap { $0.elements(forName: name) }.count }.reduce(0, +) }
        #expect(total("failure") == sample.report.diagnostics.count)
        #expect(total("error") == 1)
        #expect(suites.map { $0.elements(forName: "testcase").count }.reduce(0, +) == sample.report.diagnostics.count + 2)
    }

    @Test func checkstyleHasAFileElementPerFileAndAnErrorPerDiagnostic() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let root = try parse(CheckstyleReporter().render(sample.report))
        #expect(root.name == "checkstyle" && attribute(root, "version") == "4.3")
        let files = root.elements(forName: "file")
        #expect(files.map { attribute($0, "name") } == sample.report.files.map(\.path))
        #expect(files[0].elements(forName: "error").isEmpty)

        let errors = files[1].elements(forName: "error")
        #expect(errors.count == sample.bad.diagnostics.count)
        let blame = try #require(errors.first { attribute($0, "source") == "replylint.blame-shifting" })
        #expect(attribute(blame, "line") == "1" && attribute(blame, "column") == "15")
        #expect(attribute(blame, "severity") == "error" && attribute(blame, "message") == sample.blame.message)
        let missing = try #require(errors.first { attribute($0, "source") == "replylint.missing-apology" })
        #expect(attribute(missing, "line") == "1" && attribute(missing, "column") == nil)
        let severities = Set(errors.compactMap { attribute($0, "severity") })
        #expect(severities.isSubset(of: ["error", "warning", "info"]) && severities.contains("info"))

        #expect(files[2].elements(forName: "error").first.flatMap { attribute($0, "message") } == "no such file or directory")
    }

    @Test func controlCharactersAndLineBreaksSurviveAsValidXML() throws {
        let root = try parse("<a\(XMLText.attributes([("v", "x\u{0C}y\n<&>\"'\tz\u{FFFE}")]))/>")
        #expect(attribute(root, "v") == "x\u{FFFD}y\n<&>\"'\tz\u{FFFD}")
    }
    #endif
}

@Suite struct OutputCLITests {
    @Test func outputWritesTheFormatToAFileAndTextToTheTerminal() throws {
        let directory = try CLI.directory(["bad.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.sarif")
        let run = try CLI.run(["lint", "--no-color", "--format", "sarif", "--output", report.path, directory.appendingPathComponent("bad.txt").path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("bad.txt:1:15: error: ") && run.stdout.contains("1 file linted"))
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        // The temporary file was renamed, not left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["bad.txt", "report.sarif"])
    }

    @Test func outputNeverReplacesAFileWithoutForce() throws {
        let directory = try CLI.directory(["bad.txt": Replies.blaming, "report.xml": "keep me"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.xml")
        let arguments = ["lint", "--format", "junit", "--output", report.path, directory.appendingPathComponent("bad.txt").path]
        let refused = try CLI.run(arguments)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(report.path): already exists; pass --force to replace it"))
        #expect(try String(contentsOf: report, encoding: .utf8) == "keep me")

        let forced = try CLI.run(arguments + ["--force"])
        #expect(forced.status == 1)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("<?xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
    }

    @Test func anUnwritableOutputFailsTheRun() throws {
        let run = try CLI.run(["lint", "--output", "/nonexistent/dir/report.json", "--format", "json", "-"], stdin: Replies.good)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/dir/report.json: cannot write"))
    }

    @Test func maxWarningsFailsARunWithTooManyWarnings() throws {
        // Three warnings (no apology, no remedy, no timeline) and no error.
        let reply = "Thanks for your message."
        #expect(try CLI.run(["lint", "--fail-level", "error", "--max-warnings", "3", "-"], stdin: reply).status == 0)
        let over = try CLI.run(["lint", "--fail-level", "error", "--max-warnings", "2", "-"], stdin: reply)
        #expect(over.status == 1)
        #expect(over.stderr.contains("3 warnings, more than --max-warnings 2"))
        #expect(try CLI.run(["lint", "--max-warnings", "-1", "-"], stdin: reply).status != 1)
    }

    @Test func quietShowsOnlyFindingsThatFail() throws {
        let quiet = try CLI.run(["lint", "--no-color", "--quiet", "--fail-level", "error", "-", "/nonexistent/reply.txt"], stdin: Replies.blaming)
        #expect(quiet.status == 2)
        #expect(quiet.stdout.contains("[blame-shifting]"))
        #expect(!quiet.stdout.contains("[missing-apology]") && !quiet.stdout.contains("[missing-follow-up]"))
        #expect(quiet.stderr.contains("/nonexistent/reply.txt: error: no such file or directory"))

        let json = try CLI.run(["lint", "--quiet", "--format", "json", "-"], stdin: Replies.blaming)
        let diagnostics = ((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])?
            .first?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.isEmpty == false)
        #expect(diagnostics?.allSatisfy { $0["severity"] as? String != "suggestion" } == true)
    }
}
