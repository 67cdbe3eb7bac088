import Foundation
import Testing
@testable import ReplyLint

/// Configurations, lexicons and template libraries shaped to hang or exhaust replylint: each
/// fails at once with its file and place, or is read in bounded time.
@Suite struct HostileConfigurationTests {
    /// "Billion laughs" as flow sequences: nine anchors, each nine aliases of the one before,
    /// so the last stands for 9⁹ (387 million) copies of the first in a few hundred bytes.
    static let laughs = "[&a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"], "
        + zip("abcdefgh", "bcdefghi").map { previous, name in
            "&\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "]"

    /// Ten thousand sequences, each inside the one before.
    static let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)

    /// A hostile value by name (the names keep the test log short).
    static func value(_ name: String) -> String { name == "laughs" ? laughs : deep }

    @Test(arguments: [("laughs", "x.yml:1:10: error: malformed YAML: aliases repeat anchored values"),
                      ("deep", "x.yml:1:10: error: malformed YAML: Maximum nesting level reached")])
    func aConfigurationFailsAtOnceWithItsPlace(name: String, expected: String) {
        #expect {
            try ConfigurationLoader.decode("ignore: \(Self.value(name))\n", path: "x.yml")
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }

    @Test(arguments: [("laughs", "terms.yml:3: error: malformed YAML: aliases repeat anchored values"),
                      ("deep", "terms.yml:3: error: malformed YAML: Maximum nesting level reached")])
    func aUserLexiconFailsAtOnceNamingItsFileAndLine(name: String, expected: String) throws {
        #expect(try Self.errorLoading(userLexicon: "rule: jargon\nlanguage: ru\nunless: \(Self.value(name))\n").contains(expected))
    }

    /// What loading a configuration that names the user lexicon `terms` reports ("" for nothing).
    private static func errorLoading(userLexicon terms: String) throws -> String {
        let directory = try CLI.directory([".replylint.yml": "lexicons: [terms.yml]\n", "terms.yml": terms])
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try ConfigurationLoader.load(directory.appendingPathComponent(".replylint.yml"), path: ".replylint.yml")
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// A template library is walked whole, every string a template: before the limit, the
    /// bomb ran until killed.
    @Test(arguments: [("laughs", "line 1, column 11: aliases repeat anchored values"),
                      ("deep", "line 1, column 11: Maximum nesting level reached")])
    func aTemplateLibraryIsRefusedAtOnceWithItsPlace(name: String, expected: String) {
        #expect {
            try Document("replies: \(Self.value(name))\n", format: .templates)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    /// Aliases that repeat a part a few times, as people share settings, are read as before.
    @Test func aFewAliasesAreFine() throws {
        let configuration = try ConfigurationLoader.decode("""
            rules: &strict
              jargon: error
            overrides:
              - files: ["a/**"]
                rules: *strict
              - files: ["b/**"]
                rules: *strict
            """, path: "x.yml")
        #expect(configuration.overrides?.map(\.rules) == [configuration.rules, configuration.rules])
    }

    /// 50,000 entries (2.4 MB of YAML) load and match: about 16 s and 120 MB in a debug build.
    @Test func aHugeUserLexiconLoadsAndMatches() throws {
        let count = 50_000
        func word(_ number: Int) -> String {
            let letters = Array("абвгдежзиклмнопрстуфхцчшэюя")
            return (0..<4).map { String(letters[number / Int(pow(27, Double($0))) % letters.count]) }.joined()
        }
        let entries = (0..<count).map { "  - match: \"=зз\(word($0)) =термин\(word($0))\"\n" }.joined()
        let last = word(count - 1)
        let directory = try CLI.directory([".replylint.yml": "lexicons: [terms.yml]\n",
                                           "terms.yml": "rule: jargon\nlanguage: ru\nentries:\n" + entries,
                                           "reply.txt": "Здравствуйте. Это зз\(last) термин\(last) в ответе.\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("reply.txt").path])
        #expect(run.stdout.contains("reply.txt:1:19: suggestion: ") && run.stdout.contains("[jargon]"), "\(run.stdout)\(run.stderr)")
    }

    /// Groups are counted as they are spelled out: 24 groups of two were 16 million phrases,
    /// built before the 256 limit was checked (over 100 s, then out of memory).
    @Test func manyGroupsAreRefusedBeforeTheyAreSpelledOut() {
        let pattern = Array(repeating: "(вам сильно|вы очень)", count: 24).joined(separator: " ")
        #expect {
            try PatternParser.variants(pattern)
        } throws: { error in
            "\(error)".hasSuffix("stands for more than 256 phrases; split it into entries")
        }
    }

    /// A long pattern of gaps over a sentence of one word repeated: forty items took minutes;
    /// a pattern now spans at most 16 tokens, and the error names the lexicon's file and line.
    @Test func aPatternSpanningTooManyTokensIsAnErrorAtItsLine() throws {
        let pattern = Array(repeating: "=а", count: 40).joined(separator: " {0,6} ")
        let error = try Self.errorLoading(userLexicon: "rule: jargon\nlanguage: ru\nentries:\n  - match: \"\(pattern)\"\n")
        #expect(error.contains("terms.yml:4: error: '=а {0,6} =а") && error.contains("spans up to 274 tokens, more than 16"))
        #expect(try PatternParser.variants("=а {0,6} =а {0,6} =а").count == 1)
    }
}
