import Foundation
import Testing
@testable import ReplyLint

@Suite struct ScorecardTests {
    @Test func weightsAddUpToOneHundredAndRepairAndResponsibilityWeighMost() {
        #expect(Scorecard.Element.allCases.map(\.weight).reduce(0, +) == 100)
        let heaviest = Scorecard.Element.allCases.sorted { $0.weight > $1.weight }.prefix(2)
        #expect(Set(heaviest) == [.responsibility, .solution])
    }

    @Test func everyElementNamesRulesThatExist() {
        for element in Scorecard.Element.allCases {
            #expect(!element.rules.isEmpty)
            for rule in element.rules { #expect(RuleRegistry.rule(id: rule) != nil, "\(rule)") }
        }
    }

    @Test func anElementFailsWhenOneOfItsRulesFired() {
        let card = Scorecard(findingsOf: ["passive-evasion", "vague-timeline", "vague-timeline", "long-sentence"])
        #expect(card.failed == [.responsibility, .timeline])
        #expect(card.score == 100 - 20 - 10)
        #expect(Scorecard(findingsOf: []).score == 100)
        #expect(Scorecard(findingsOf: Scorecard.Element.allCases.flatMap(\.rules)).score == 0)
    }

    @Test func aGoodReplyPassesEveryElementAndABlamingOneLosesResponsibility() throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let analyzer = try TextAnalyzer()
        let good = runner.lint(Replies.good, path: "good.txt", analyzer: analyzer)
        #expect(good.scorecard?.score == 100)
        let blaming = try #require(runner.lint(Replies.blaming, path: "bad.txt", analyzer: analyzer).scorecard)
        #expect(blaming.passed[.responsibility] == false)
        #expect(blaming.passed[.jargonFree] == true)
        #expect(runner.lint("", path: "empty.txt", analyzer: analyzer).scorecard == nil)
    }

    /// `--quiet` hides findings, not the elements they fail.
    @Test func hidingFindingsKeepsTheScorecard() throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let file = runner.lint(Replies.blaming, path: "bad.txt", analyzer: try TextAnalyzer())
        let quiet = file.keeping { $0.severity >= .error }
        #expect(quiet.scorecard == file.scorecard)
        #expect(quiet.scorecard!.passed[.followUp] == false)
    }

    @Test func jsonCarriesTheScoreAndEveryElement() throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let file = runner.lint(Replies.blaming, path: "bad.txt", analyzer: try TextAnalyzer())
        let json = try JSONSerialization.jsonObject(with: Data(JSONReporter().render(LintReport(files: [file])).utf8)) as? [String: Any]
        let card = try #require((json?["files"] as? [[String: Any]])?.first?["scorecard"] as? [String: Any])
        #expect(card["score"] as? Int == file.scorecard?.score)
        let elements = try #require(card["elements"] as? [[String: Any]])
        #expect(elements.compactMap { $0["element"] as? String } == Scorecard.Element.allCases.map(\.rawValue))
        let responsibility = try #require(elements.first { $0["element"] as? String == "responsibility" })
        #expect(responsibility["passed"] as? Bool == false && responsibility["weight"] as? Int == 20)
    }

    @Test func textShowsTheScorecardUnderEachFileOnlyWhenAsked() throws {
        let directory = try CLI.directory(["good.txt": Replies.good, "bad.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--no-color", "--scorecard", directory.appendingPathComponent("bad.txt").path,
                               directory.appendingPathComponent("good.txt").path])
        #expect(run.stdout.contains("bad.txt: score "))
        #expect(run.stdout.contains("  fail: acknowledge (−8), apology (−12), responsibility (−20)"))
        #expect(run.stdout.contains("good.txt: score 100/100\n  pass: acknowledge, apology, responsibility, no defence, solution, timeline, follow-up, tone, jargon-free\n"))
        let plain = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("bad.txt").path])
        #expect(!plain.stdout.contains("score"))
    }
}

@Suite struct LibrarySummaryTests {
    private func summary(_ files: [String: String], limit: Int) throws -> LibrarySummary {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let analyzer = try TextAnalyzer()
        return LibrarySummary(LintReport(files: files.sorted { $0.key < $1.key }.map { runner.lint($1, path: $0, analyzer: analyzer) }
            + [FileReport(path: "broken.txt", language: nil, diagnostics: [], failure: "unreadable")]), limit: limit)
    }

    @Test func countsScoresRulesAndFindsTheWeakest() throws {
        let summary = try summary(["a-good.txt": Replies.good, "b-bad.txt": Replies.blaming, "c-bad.txt": Replies.blaming + " Вам следовало позвонить."], limit: 2)
        #expect(summary.scored == 3 && summary.unscored == 1)
        #expect(summary.distribution.reduce(0, +) == 3)
        #expect(summary.distribution[LibrarySummary.binCount - 1] == 1)
        let blame = try #require(summary.rules.first { $0.rule == "blame-shifting" })
        #expect(blame.replies == 2 && blame.findings == 3)
        #expect(summary.rules.first?.replies == 2)
        // Same score: the reply with more findings comes first.
        #expect(summary.weakest.map(\.path) == ["c-bad.txt", "b-bad.txt"])
        #expect(summary.weakest.allSatisfy { !$0.diagnostics.isEmpty })
        // The good reply scores 100, both bad ones the same.
        #expect(summary.averageScore == (100 + 2 * Double(summary.weakest[1].score)) / 3)
        #expect(summary.medianScore == Double(summary.weakest[1].score))
    }

    /// A template library's templates are used one at a time: each is a reply of its own.
    @Test func eachTemplateOfALibraryIsScoredOnItsOwn() throws {
        let library = """
            {"good": {"body": \(try String(data: JSONEncoder().encode(Replies.good), encoding: .utf8)!)},
             "bad": {"body": \(try String(data: JSONEncoder().encode(Replies.blaming), encoding: .utf8)!)}}
            """
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let file = runner.lint(library, path: "library.json", analyzer: try TextAnalyzer())
        let summary = LibrarySummary(LintReport(files: [file]))
        #expect(summary.weakest.map(\.path) == ["library.json › bad.body", "library.json › good.body"])
        #expect(summary.weakest.map(\.score) == [Scorecard(findingsOf: file.diagnostics.filter { $0.template == "bad.body" }.map(\.rule)).score, 100])
        #expect(summary.unscored == 0)
    }

    @Test func binsCoverZeroToOneHundred() {
        #expect(LibrarySummary.bin(of: 0) == 0 && LibrarySummary.bin(of: 9) == 0 && LibrarySummary.bin(of: 10) == 1)
        #expect(LibrarySummary.bin(of: 99) == 9 && LibrarySummary.bin(of: 100) == 9)
        #expect(LibrarySummary.label(ofBin: 0) == "0–9" && LibrarySummary.label(ofBin: 9) == "90–100")
    }
}
