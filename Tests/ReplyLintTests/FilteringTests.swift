import Foundation
import Testing
@testable import ReplyLint

@Suite struct SuppressionTests {
    private func rules(_ text: String, path: String = "reply.md") throws -> [String] {
        LintRunner(linter: Linter(library: try TestSupport.library()))
            .lint(text, path: path, analyzer: try TextAnalyzer()).diagnostics.map(\.rule)
    }

    static let blame = "Здравствуйте. Вам следовало прочитать договор."

    @Test func disableAndEnableSilenceARegion() throws {
        let text = """
        <!-- replylint-disable blame-shifting -->
        \(Self.blame)
        <!-- replylint-enable blame-shifting -->
        \(Self.blame)
        """
        #expect(try rules(text).filter { $0 == "blame-shifting" }.count == 1)
    }

    @Test func nextLineSilencesOnlyTheNextLineAndOnlyItsRules() throws {
        let text = "<!-- replylint-disable-next-line blame-shifting, jargon -->\n\(Self.blame)\n\(Self.blame) Наш SLA.\n"
        let found = try rules(text)
        #expect(found.filter { $0 == "blame-shifting" }.count == 1)
        #expect(found.contains("jargon"))
    }

    @Test func aCommentWithoutRulesSilencesEveryRule() throws {
        #expect(try rules("<!-- replylint-disable -->\n\(Self.blame) Наш SLA.").isEmpty)
    }

    @Test func aDisabledAbsenceRuleIsSilencedForTheWholeReply() throws {
        let text = "\(Self.blame)\n<!-- replylint-disable missing-apology missing-timeline -->\n"
        let found = try rules(text)
        #expect(!found.contains("missing-apology") && !found.contains("missing-timeline"))
        #expect(found.contains("missing-resolution"))
    }

    @Test func htmlCommentsWorkInHTMLToo() throws {
        let text = "<p><!-- replylint-disable-next-line -->\n\(Self.blame)</p>"
        #expect(!(try rules(text, path: "reply.html")).contains("blame-shifting"))
    }

    @Test func otherCommentsAndLookalikesDoNothing() throws {
        for comment in ["<!-- a note -->", "<!-- replylint-disabled blame-shifting -->", "replylint-disable blame-shifting"] {
            #expect(try rules("\(comment)\n\(Self.blame)").contains("blame-shifting"), "\(comment)")
        }
    }
}

@Suite struct BaselineTests {
    private let workingDirectory = URL(fileURLWithPath: "/work/replies")

    private func report(_ files: [String: String]) throws -> LintReport {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let analyzer = try TextAnalyzer()
        return LintReport(files: files.keys.sorted().map { runner.lint(files[$0]!, path: $0, analyzer: analyzer) })
    }

    static let old = "Здравствуйте. Вам следовало прочитать договор. Вам следовало позвонить."

    @Test func onlyNewFindingsAreReportedEvenWhenLinesMove() throws {
        let before = try report(["a.txt": Self.old, "b.txt": "Hello."])
        let baseline = Baseline(before, directory: workingDirectory, workingDirectory: workingDirectory)
        #expect(baseline.findings.contains { $0.path == "a.txt" && $0.rule == "blame-shifting" && $0.excerpt == "Вам следовало" && $0.count == 2 })
        // The same text moved down two lines, one more blaming sentence, a new file.
        let after = try report(["a.txt": "\n\n" + Self.old + " Вам следовало подождать.", "b.txt": "Hello.", "c.txt": "Вы не указали адрес."])
        let filtered = baseline.filter(after, directory: workingDirectory, workingDirectory: workingDirectory)
        let new = filtered.files.flatMap { file in file.diagnostics.map { "\(file.path) \($0.rule) \($0.excerpt)" } }
        #expect(new.filter { $0.hasPrefix("a.txt") } == ["a.txt blame-shifting Вам следовало"])
        #expect(new.contains("c.txt blame-shifting Вы не указали"))
        #expect(!new.contains { $0.hasPrefix("b.txt") })
    }

    @Test func pathsAreRelativeToTheBaselineSoItWorksFromAnyFolder() throws {
        let baseline = Baseline(try report(["replies/a.txt": Self.old]), directory: URL(fileURLWithPath: "/work/replies/replies"), workingDirectory: workingDirectory)
        #expect(baseline.findings.allSatisfy { $0.path == "a.txt" })
        let elsewhere = try report(["../replies/a.txt": Self.old])
        let filtered = baseline.filter(elsewhere, directory: URL(fileURLWithPath: "/work/replies/replies"), workingDirectory: URL(fileURLWithPath: "/work/replies/other"))
        #expect(filtered.diagnostics.isEmpty)
    }

    @Test func roundTripsThroughItsJSONAndRejectsOtherFiles() throws {
        let directory = try CLI.directory(["x.json": "{\"version\": 1}", "y.json": "not json"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = Baseline(try report(["a.txt": Self.old]), directory: workingDirectory, workingDirectory: workingDirectory)
        let file = directory.appendingPathComponent("baseline.json")
        try baseline.json.write(to: file)
        #expect(try Baseline.load(file.path) == baseline)
        #expect(throws: BaselineError.self) { try Baseline.load(directory.appendingPathComponent("x.json").path) }
        #expect(throws: BaselineError.self) { try Baseline.load(directory.appendingPathComponent("y.json").path) }
        #expect(throws: BaselineError.self) { try Baseline.load(directory.appendingPathComponent("none.json").path) }
    }

    @Test func theCLIWritesABaselineAndThenReportsOnlyNewFindings() throws {
        let directory = try CLI.directory(["replies/a.txt": Self.old])
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = directory.appendingPathComponent("baseline.json").path
        let replies = directory.appendingPathComponent("replies").path
        let write = try CLI.run(["lint", "--write-baseline", baseline, replies])
        #expect(write.status == 0 && write.stdout.isEmpty, "\(write.stderr)")
        #expect(try CLI.run(["lint", "--write-baseline", baseline, replies]).status == 2, "never replaced without --force")
        #expect(try CLI.run(["lint", "--write-baseline", baseline, "--force", replies]).status == 0)
        let clean = try CLI.run(["lint", "--no-color", "--baseline", baseline, replies])
        #expect(clean.status == 0, "\(clean.stdout)")
        try (Self.old + " Вы не указали адрес.").write(toFile: replies + "/a.txt", atomically: true, encoding: .utf8)
        let new = try CLI.run(["lint", "--no-color", "--baseline", baseline, replies])
        #expect(new.status == 1)
        #expect(new.stdout.contains("[blame-shifting]") && new.stdout.contains("1 error"))
        #expect(try CLI.run(["lint", "--baseline", directory.appendingPathComponent("none.json").path, replies]).status == 2)
    }
}

@Suite struct InitTests {
    @Test func writesAStarterThatIsValidCommentedAndUncommentedAndNeverReplacesIt() throws {
        let directory = try CLI.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try CLI.run(["init", directory.path])
        #expect(first.status == 0)
        let written = try String(contentsOf: directory.appendingPathComponent(".replylint.yml"), encoding: .utf8)
        #expect(written == StarterConfiguration.text)
        #expect(try ConfigurationLoader.decode(written, path: "x") == Configuration())
        let second = try CLI.run(["init", directory.path])
        #expect(second.status == 2 && second.stderr.contains("never replaces"))
        #expect(try String(contentsOf: directory.appendingPathComponent(".replylint.yml"), encoding: .utf8) == written)
    }

    @Test func itsRulesSectionUncommentsIntoTheDefaults() throws {
        let lines = StarterConfiguration.text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "# rules:"))
        let section = lines[start...].prefix { $0.hasPrefix("#") }.map { $0.dropFirst(1) }.joined(separator: "\n")
        let configuration = try ConfigurationLoader.decode(String(section.dropFirst()), path: "x")
        for rule in RuleRegistry.all {
            #expect(configuration.rules?[rule.description.id] == .on(severity: rule.description.defaultSeverity, options: RuleOptions()))
        }
    }
}

@Suite struct InstallHookTests {
    private func git(_ arguments: String, in directory: URL) throws -> Int32 {
        try CLI.shell("cd '\(directory.path)' && git \(arguments) >/dev/null 2>&1").status
    }

    @Test func installsAnExecutableHookAndKeepsAnExistingOneOnlyAsABackup() throws {
        let directory = try CLI.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try git("init -q", in: directory) == 0)
        let install = "cd '\(directory.path)' && '\(CLI.binary.path)' install-hook"
        #expect(try CLI.shell(install).status == 0)
        let hook = directory.appendingPathComponent(".git/hooks/pre-commit")
        let script = try String(contentsOf: hook, encoding: .utf8)
        #expect(script.contains("git diff --cached") && script.contains("'*.md'") && script.contains(CLI.binary.path))
        #expect(script.contains("'*.eml'") && script.contains("'*.html'") && !script.contains("'*.json'") && !script.contains("'*.yml'"))
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        let refused = try CLI.shell(install)
        #expect(refused.status == 2 && refused.stderr.contains("--force"))
        try "#!/bin/sh\necho mine\n".write(to: hook, atomically: true, encoding: .utf8)
        #expect(try CLI.shell(install + " --force").status == 0)
        #expect(try String(contentsOfFile: hook.path + ".replylint-backup", encoding: .utf8) == "#!/bin/sh\necho mine\n")
        #expect(try String(contentsOf: hook, encoding: .utf8) == script)
    }

    @Test func outsideARepositoryItSaysSo() throws {
        let directory = try CLI.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.shell("cd '\(directory.path)' && GIT_CEILING_DIRECTORIES='\(directory.deletingLastPathComponent().path)' '\(CLI.binary.path)' install-hook")
        #expect(run.status == 2 && run.stderr.contains("not inside a git repository"))
    }
}
