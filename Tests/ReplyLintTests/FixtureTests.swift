import Foundation
import Testing
import Yams
@testable import ReplyLint

/// The sample replies of fixtures/<lang>/: each file's findings must equal its golden file,
/// and the rules that fire must be those a reviewer listed in expected.yml. A reply with a
/// `.complaint` file beside it is linted as the answer to that complaint (`lint --complaint`).
/// Regenerate goldens after an intended change with `UPDATE_GOLDENS=1 swift test --filter FixtureTests`.
@Suite struct FixtureTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        var language: Language
        var name: String
        var testDescription: String { "fixtures/\(language.rawValue)/\(name)" }
        var url: URL { TestSupport.repositoryRoot.appendingPathComponent(testDescription) }
        var goldenURL: URL { url.deletingPathExtension().appendingPathExtension("golden") }
        var complaintURL: URL { url.deletingPathExtension().appendingPathExtension("complaint") }
    }

    static let fixtures: [Fixture] = Language.allCases.flatMap { language in
        let folder = TestSupport.repositoryRoot.appendingPathComponent("fixtures/\(language.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { Fixture(language: language, name: $0) }
    }

    static func expectations(_ language: Language) throws -> [String: [String]] {
        let url = TestSupport.repositoryRoot.appendingPathComponent("fixtures/\(language.rawValue)/expected.yml")
        return try YAMLDecoder().decode([String: [String]].self, from: String(contentsOf: url, encoding: .utf8))
    }

    /// One line per finding: position, rule and the flagged words; "-" for the whole reply.
    static func golden(_ report: FileReport) -> String {
        report.diagnostics.map { diagnostic in
            diagnostic.isDocumentLevel
                ? "- \(diagnostic.rule)\n"
                : "\(diagnostic.line):\(diagnostic.column) \(diagnostic.rule) «\(diagnostic.excerpt.replacing("\n", with: "⏎"))»\n"
        }.joined()
    }

    @Test(arguments: Language.allCases)
    func everyLanguageHasEnoughFixtures(language: Language) throws {
        let fixtures = Self.fixtures.filter { $0.language == language }
        #expect(fixtures.count >= 15)
        #expect(Set(try Self.expectations(language).keys) == Set(fixtures.map(\.name)))
    }

    @Test(arguments: fixtures)
    func findingsMatchTheGoldenFile(_ fixture: Fixture) throws {
        let text = try String(contentsOf: fixture.url, encoding: .utf8)
        // Languages are detected, as for a user's file: a fixture also tests detection.
        let complaint = try? String(contentsOf: fixture.complaintURL, encoding: .utf8)
        let runner = LintRunner(settings: LintSettings(linter: Linter(library: try TestSupport.library()), complaint: complaint))
        let report = runner.lint(text, path: fixture.name, analyzer: try TextAnalyzer())
        #expect(report.language == fixture.language)

        let actual = Self.golden(report)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil {
            try actual.write(to: fixture.goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: fixture.goldenURL, encoding: .utf8)
        #expect(actual == golden)

        let expected = try #require(try Self.expectations(fixture.language)[fixture.name])
        #expect(Set(report.diagnostics.map(\.rule)) == Set(expected))
    }
}

/// The timeline recogniser on phrases a reviewer sorted into concrete and vague.
@Suite struct TimelineTests {
    struct Phrases: Decodable {
        var concrete: [String]
        var vague: [String]
    }

    static func phrases(_ language: Language) throws -> Phrases {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/Data/timeline/\(language.rawValue).yml")
        return try YAMLDecoder().decode(Phrases.self, from: String(contentsOf: url, encoding: .utf8))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var language: Language
        var text: String
        var isConcrete: Bool
        var testDescription: String { "[\(language.rawValue)] \(isConcrete ? "concrete" : "vague"): \(text)" }
    }

    static let cases: [Case] = Language.allCases.flatMap { language -> [Case] in
        guard let phrases = try? phrases(language) else { return [] }
        return phrases.concrete.map { Case(language: language, text: $0, isConcrete: true) }
            + phrases.vague.map { Case(language: language, text: $0, isConcrete: false) }
    }

    @Test(arguments: Language.allCases)
    func atLeastThirtyOfEach(language: Language) throws {
        let phrases = try Self.phrases(language)
        #expect(phrases.concrete.count >= 30)
        #expect(phrases.vague.count >= 30)
    }

    @Test(arguments: cases)
    func recognisesConcreteTimelines(_ phrase: Case) throws {
        let result = try TestSupport.lint(phrase.text, language: phrase.language)
        let missing = result.findings.contains { $0.rule == MissingTimelineRule.description.id }
        #expect(missing != phrase.isConcrete)
    }
}
