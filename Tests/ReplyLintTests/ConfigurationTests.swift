import Foundation
import Testing
@testable import ReplyLint

@Suite struct ConfigurationTests {
    static let blaming = "Здравствуйте. Вам следовало прочитать договор. Наш SLA соблюдён."

    /// Lints `files` in a scratch folder laid out as given, as the CLI does, and returns the
    /// rules found per file name.
    private func lint(_ files: [String: String], _ names: [String], explicit: String? = nil) throws -> [String: [String: Severity]] {
        let directory = try CLI.directory(files)
        defer { try? FileManager.default.removeItem(at: directory) }
        let resolver = ConfigurationResolver(explicit: explicit, base: try TestSupport.library(), workingDirectory: directory)
        var result: [String: [String: Severity]] = [:]
        for name in names {
            let loaded = try resolver.configuration(for: name).get()
            guard !loaded.ignores(name, workingDirectory: directory) else { continue }
            let settings = loaded.settings(for: name, workingDirectory: directory)
            let report = LintRunner(settings: settings).lint(files[name]!, path: name, analyzer: try TextAnalyzer())
            result[name] = Dictionary(report.diagnostics.map { ($0.rule, $0.severity) }) { $1 }
        }
        return result
    }

    @Test func theNearestConfigurationGovernsEachFile() throws {
        let found = try lint([
            ".replylint.yml": "rules:\n  blame-shifting: warning\n  jargon: off\n",
            "a.txt": Self.blaming,
            "team/.replylint.yml": "rules:\n  missing-apology: off\n",
            "team/b.txt": Self.blaming,
        ], ["a.txt", "team/b.txt"])
        #expect(found["a.txt"]?["blame-shifting"] == .warning)
        #expect(found["a.txt"]?["jargon"] == nil)
        #expect(found["a.txt"]?["missing-apology"] == .warning)
        // No merging: the nearer file alone applies.
        #expect(found["team/b.txt"]?["blame-shifting"] == .error)
        #expect(found["team/b.txt"]?["jargon"] == .suggestion)
        #expect(found["team/b.txt"]?["missing-apology"] == nil)
    }

    @Test func withoutAFileTheDefaultsApply() throws {
        let found = try lint(["a.txt": Self.blaming], ["a.txt"])
        #expect(found["a.txt"]?["blame-shifting"] == .error)
    }

    @Test func anExplicitConfigurationWinsOverDiscovery() throws {
        let found = try lint([".replylint.yml": "rules: {jargon: off}\n", "ci.yml": "rules: {blame-shifting: suggestion}\n", "a.txt": Self.blaming],
                             ["a.txt"], explicit: "ci.yml")
        #expect(found["a.txt"]?["blame-shifting"] == .suggestion)
        #expect(found["a.txt"]?["jargon"] == .suggestion)
    }

    @Test func overridesApplyInOrderToTheirPathsAndIgnoredFilesAreLeftOut() throws {
        let found = try lint([
            ".replylint.yml": """
            ignore: ["archive", "*.draft.txt"]
            rules:
              jargon: warning
            overrides:
              - files: ["templates/**"]
                rules: {jargon: off, missing-apology: error}
              - files: ["templates/en/*"]
                rules: {jargon: error}
            """,
            "a.txt": Self.blaming, "templates/ru/b.txt": Self.blaming, "templates/en/c.txt": Self.blaming,
            "archive/old.txt": Self.blaming, "notes/x.draft.txt": Self.blaming,
        ], ["a.txt", "templates/ru/b.txt", "templates/en/c.txt", "archive/old.txt", "notes/x.draft.txt"])
        #expect(Set(found.keys) == ["a.txt", "templates/ru/b.txt", "templates/en/c.txt"])
        #expect(found["a.txt"]?["jargon"] == .warning)
        #expect(found["templates/ru/b.txt"]?["jargon"] == nil)
        #expect(found["templates/ru/b.txt"]?["missing-apology"] == .error)
        #expect(found["templates/en/c.txt"]?["jargon"] == .error)
    }

    @Test func languageModeAndRuleOptionsComeFromTheFile() throws {
        let text = "Hello, [Name]. We sent the files."
        let found = try lint([
            ".replylint.yml": "language: lv\nrules:\n  long-sentence:\n    severity: warning\n    options: {max-words: {lv: 3}}\n",
            "a.txt": text, "t/.replylint.yml": "mode: template\nplaceholders: {syntax: [\"<name>\"]}\n", "t/b.txt": "Sveiki, <Vārds>! [Name] paliek teksts.",
        ], ["a.txt", "t/b.txt"])
        #expect(found["a.txt"]?["long-sentence"] == .warning)
        #expect(found["a.txt"]?["unfilled-placeholder"] == .error)
        #expect(found["t/b.txt"]?["unfilled-placeholder"] == nil)
    }

    @Test func templateKeysComeFromTheFileAndItsOverrides() throws {
        let configuration = try ConfigurationLoader.decode("template-keys: [body]\noverrides:\n  - files: [\"faq/**\"]\n    template-keys: [answer]\n", path: "x")
        let loaded = LoadedConfiguration(path: "x", directory: URL(fileURLWithPath: "/r"), configuration: configuration, library: .builtin)
        #expect(loaded.settings(for: "/r/replies.yaml", workingDirectory: loaded.directory).templateKeys == ["body"])
        #expect(loaded.settings(for: "/r/faq/a.json", workingDirectory: loaded.directory).templateKeys == ["answer"])
        #expect(LoadedConfiguration.defaults(directory: loaded.directory).settings(for: "a.json", workingDirectory: loaded.directory).templateKeys == nil)
    }

    @Test func templateLibrariesAreTemplatesUnlessConfiguredOtherwise() throws {
        let loaded = LoadedConfiguration.defaults(directory: URL(fileURLWithPath: "/tmp"))
        #expect(loaded.settings(for: "replies.yaml", workingDirectory: loaded.directory).linter.options.mode == .template)
        #expect(loaded.settings(for: "reply.txt", workingDirectory: loaded.directory).linter.options.mode == .draft)
        #expect(loaded.settings(for: "reply.txt", workingDirectory: loaded.directory, mode: .template).linter.options.mode == .template)
    }

    @Test func userLexiconsAddEntriesAndAllowTerms() throws {
        let found = try lint([
            ".replylint.yml": "lexicons: [terms/team.yml]\n",
            "terms/team.yml": """
            rule: jargon
            language: [ru, en]
            unless: ["=sla"]
            entries:
              - match: "=чекаут"
                example: "Оформите ⟦чекаут⟧."
            """,
            "a.txt": "Здравствуйте. Оформите чекаут заново. Наш SLA соблюдён.",
        ], ["a.txt"])
        #expect(found["a.txt"]?["jargon"] == .suggestion, "the team's word is flagged")
        let allowed = try lint([".replylint.yml": "lexicons: [terms.yml]\n", "terms.yml": "rule: jargon\nlanguage: ru\nunless: [\"=sla\"]\n",
                                "a.txt": "Здравствуйте. Наш SLA соблюдён."], ["a.txt"])
        #expect(allowed["a.txt"]?["jargon"] == nil, "the team allows SLA")
    }

    @Test func aBrokenUserLexiconNamesItsFileAndLine() throws {
        let directory = try CLI.directory(["terms.yml": "rule: jargon\nlanguage: de\n", ".replylint.yml": "lexicons: [terms.yml]\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try ConfigurationLoader.load(directory.appendingPathComponent(".replylint.yml"), path: ".replylint.yml")
        } throws: { error in
            "\(error)".contains("terms.yml:2: error: unknown language 'de'")
        }
    }

    @Test(arguments: [
        ("language: ru\nfoo: 1\n", "x.yml:2:1: error: unknown key 'foo'"),
        ("mode: templat\n", "x.yml:1:7: error: 'mode' must be one of draft, template, found 'templat'"),
        ("rules:\n  blame-shiftin: error\n", "x.yml:2:3: error: unknown rule 'blame-shiftin'"),
        ("rules:\n  jargon: loud\n", "x.yml:2:11: error: expected off, suggestion, warning or error, found 'loud'"),
        ("rules:\n  jargon: {severity: loud}\n", "x.yml:2:22: error: 'rules.jargon.severity' must be one of"),
        ("rules:\n  long-sentence:\n    options: {max-word: 3}\n", "x.yml:3:15: error: rule 'long-sentence' has no option 'max-word' (it has: max-words)"),
        ("rules:\n  long-sentence:\n    options: {max-words: many}\n", "x.yml:3:26: error: expected a whole number"),
        ("rules: [a, b]\n", "x.yml:1:8: error: 'rules' must be a mapping"),
        ("overrides:\n  - mode: template\n", "x.yml:2:5: error: missing key 'files'"),
        ("overrides:\n  - files: [a]\n    bar: 2\n", "x.yml:3:5: error: unknown key 'bar'"),
        ("placeholders:\n  syntax: [\"{{x}}\"]\n", "x.yml:2:12: error: '{{x}}' is not a placeholder syntax"),
        ("placeholders:\n  satisfy:\n    jargon: [x]\n", "x.yml:3:5: error: 'jargon' in placeholders.satisfy is not a rule about what a reply lacks"),
        ("ignore: \"x\n", "x.yml:2:1: error: malformed YAML"),
        ("language: [ru]\n", "x.yml:1:11: error: 'language' must be"),
    ])
    func everyProblemIsLocated(yaml: String, expected: String) throws {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.decode(yaml, path: "x.yml") }
        do {
            _ = try ConfigurationLoader.decode(yaml, path: "x.yml")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try ConfigurationLoader.decode("", path: "x.yml") == Configuration())
        #expect(try ConfigurationLoader.decode("# only a comment\n", path: "x.yml") == Configuration())
    }
}

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.txt", "a.txt", true), ("*.txt", "deep/down/a.txt", true), ("*.txt", "a.md", false),
        ("archive", "archive/2024/a.txt", true), ("archive/", "x/archive/a.txt", true), ("archive", "archived/a.txt", false),
        ("templates/**", "templates/a/b.yml", true), ("templates/**", "other/templates/a.yml", false),
        ("templates/*.yml", "templates/a.yml", true), ("templates/*.yml", "templates/x/a.yml", false),
        ("**/drafts/*.md", "a/b/drafts/x.md", true), ("**/drafts/*.md", "drafts/x.md", true),
        ("./ru/?.txt", "ru/a.txt", true), ("./ru/?.txt", "ru/ab.txt", false), ("отказы/*", "отказы/письмо.txt", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}
