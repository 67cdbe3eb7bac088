import Foundation
import Testing
@testable import ReplyLint

/// Every example of every rule in every language, run as a test — the examples that
/// `replylint explain` prints. Each runs twice: as written, and behind multi-byte text.
@Suite struct RuleExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        enum Expectation: Sendable { case fires, silent }
        var rule: String
        var language: Language
        var text: String
        var expectation: Expectation
        var origin: String

        var testDescription: String { "\(origin) \(expectation == .fires ? "fires" : "silent"): \(text)" }
    }

    static let examples: [Example] = {
        guard let library = try? TestSupport.library() else { return [] }
        var examples: [Example] = []
        for file in library.files {
            // A rule that compares a reply with its complaint has its own tests (ComplaintTests).
            guard let rule = RuleRegistry.rule(id: file.rule), rule.description.kind != .complaint else { continue }
            let isPhrase = rule.description.kind == .phrase
            for entry in file.entries {
                guard let text = entry.example else { continue }
                // An absence rule's entry example is text that satisfies it.
                examples.append(Example(rule: file.rule, language: file.language, text: text,
                                        expectation: isPhrase ? .fires : .silent, origin: "\(file.path):\(entry.line)"))
            }
            examples += file.examples.triggering.map { Example(rule: file.rule, language: file.language, text: $0, expectation: .fires, origin: file.path) }
            examples += file.examples.nonTriggering.map { Example(rule: file.rule, language: file.language, text: $0, expectation: .silent, origin: file.path) }
        }
        return examples
    }()

    @Test func lexiconsLoad() throws {
        _ = try TestSupport.library()
    }

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        for prefix in ["", TestSupport.multibytePrefix] {
            let marked = ExampleText(example.text)
            let result = try TestSupport.lint(prefix + marked.text, language: example.language)
            let found = result.findings.filter { $0.rule == example.rule }
            let shift = prefix.utf8.count
            switch example.expectation {
            case .silent:
                #expect(found.isEmpty, "\(found.map { $0.range.map(result.text.excerpt) ?? "whole reply" })")
            case .fires where marked.spans.isEmpty:
                #expect(!found.isEmpty)
            case .fires:
                let expected = marked.spans.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
                let actual = found.compactMap(\.range)
                #expect(Set(actual) == Set(expected),
                        "found \(actual.map(result.text.excerpt)), expected \(expected.map(result.text.excerpt))")
            }
        }
    }

    /// Every rule has examples in every language, both ways.
    @Test(arguments: RuleRegistry.all.map { $0.description.id }, Language.allCases)
    func everyRuleHasExamples(rule: String, language: Language) throws {
        let file = try #require(try TestSupport.library().file(rule: rule, language: language))
        #expect(file.examples.triggering.count >= 3)
        #expect(file.examples.nonTriggering.count >= 3)
        #expect(file.entries.allSatisfy { $0.example != nil }, "entries without an example: \(file.entries.filter { $0.example == nil }.map(\.line))")
    }
}

@Suite struct EmbeddedLexiconTests {
    /// The generated Swift must say what the YAML says: run `make lexicons` after editing.
    @Test(arguments: Language.allCases)
    func generatedSourceMatchesTheYAML(language: Language) throws {
        let files = try TestSupport.library().files
        let path = TestSupport.repositoryRoot.appendingPathComponent("Sources/ReplyLint/Lexicons/Generated/BuiltinLexicons+\(language.rawValue).swift")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == LexiconSourceRenderer.render(files, language: language), "run `make lexicons`")
    }

    @Test(arguments: Language.allCases)
    func generatedMatcherMatchesTheYAML(language: Language) throws {
        let files = try TestSupport.library().files
        let path = TestSupport.repositoryRoot.appendingPathComponent("Sources/ReplyLint/Lexicons/Generated/BuiltinMatcher+\(language.rawValue).swift")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == (try LexiconSourceRenderer.renderCompiled(files, language: language)), "run `make lexicons`")
    }

    @Test(arguments: Language.allCases)
    func builtinCompiledPatternsSurviveTheirGeneratedForm(language: Language) throws {
        let compiled = PhraseMatcher.compile(LexiconLibrary.builtin.files(for: language), language: language, analyzer: try TextAnalyzer())
        #expect(PhraseMatcher.Compiled(compiled.flat) == compiled)
        #expect(BuiltinLexicons.compiled(for: language) == compiled)
    }

    @Test func builtinLexiconsEqualTheYAML() throws {
        #expect(LexiconLibrary.builtin.files == (try TestSupport.library().files))
    }
}
