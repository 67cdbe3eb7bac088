import Testing
@testable import ReplyLint

@Suite struct PlaceholderTests {
    private func placeholders(_ text: String, _ syntaxes: [PlaceholderSyntax] = PlaceholderSyntax.defaults) throws -> [String] {
        let analysis = try TextAnalyzer().analyze(text, placeholders: syntaxes)
        return analysis.tokens.filter { $0.kind == .placeholder }.map { analysis.excerpt($0.range) }
    }

    @Test(arguments: [
        ("Hi {{first_name}}, sorry.", ["{{first_name}}"]),
        ("Здравствуйте, [Имя клиента]!", ["[Имя клиента]"]),
        ("Numurs %order_id%, summa {amount}.", ["%order_id%", "{amount}"]),
        ("До <<дата>> включительно.", ["<<дата>>"]),
        ("{{a}}{{b}}", ["{{a}}", "{{b}}"]),
    ])
    func findsEveryDefaultSyntax(text: String, expected: [String]) throws {
        #expect(try placeholders(text) == expected)
    }

    @Test(arguments: [
        "Скидка 10%, а не 20%.", "See clause [1] of the agreement.", "An empty {} or [ ] is text.",
        "[ leading space]", "{{two  spaces}}", "[a name that goes on far too long to be any template's blank]",
        "{{broken\nline}}", "Unclosed {{name",
    ])
    func leavesOrdinaryTextAlone(text: String) throws {
        #expect(try placeholders(text).isEmpty)
    }

    @Test func syntaxesAreConfigurable() throws {
        let shell = try #require(PlaceholderSyntax(example: "${name}"))
        #expect(try placeholders("Hi ${first}, [Name] stays text.", [shell]) == ["${first}"])
        #expect(try placeholders("Hi {{first}}.", []).isEmpty)
        for bad in ["name", "{{}}", "{x}", "{{name", "a{name}b", "{ name }"] { #expect(PlaceholderSyntax(example: bad) == nil, "\(bad)") }
    }

    @Test func aPlaceholderIsOneTokenThatNoLexiconWordMatches() throws {
        let result = try TestSupport.lint("Здравствуйте. {{Вам следовало}} прочитать договор.", language: .ru)
        #expect(!result.findings.contains { $0.rule == "blame-shifting" })
        #expect(result.text.tokens.filter { $0.kind == .placeholder }.count == 1)
    }

    private func rules(_ text: String, mode: LintMode, satisfying: [String: Set<String>]? = nil) throws -> Set<String> {
        var options = LintOptions()
        options.mode = mode
        if let satisfying { options.satisfyingPlaceholders = satisfying }
        let linter = Linter(library: try TestSupport.library(), options: options)
        return Set(linter.lint(text, analyzer: try TextAnalyzer()).findings.map(\.rule))
    }

    @Test(arguments: [
        "Здравствуйте, [Имя]! Простите: мы ошиблись с размером. Новая пара приедет {{срок}}.",
        "Labdien, [Vārds]! Atvainojiet, mēs kļūdījāmies. Jauno preci saņemsiet līdz {{termiņš}}.",
        "Hi {{first_name}}, I am sorry the pair was the wrong size. The new pair arrives by {{delivery_date}}.",
    ])
    func aDraftMustNotKeepPlaceholdersButATemplateMay(text: String) throws {
        let draft = try rules(text, mode: .draft)
        #expect(draft.contains("unfilled-placeholder"))
        #expect(draft.contains("missing-timeline"))
        let template = try rules(text, mode: .template)
        #expect(!template.contains("unfilled-placeholder"))
        #expect(!template.contains("missing-timeline"), "a named deadline placeholder stands for the date")
    }

    @Test func whichNamesSatisfyARuleIsConfigurable() throws {
        let text = "Hi {{name}}, I am sorry the pair was the wrong size. The new pair goes out {{when_shipped}}."
        #expect(!(try rules(text, mode: .template)).contains("missing-timeline"))
        #expect(try rules(text, mode: .template, satisfying: [:]).contains("missing-timeline"))
        #expect(!(try rules(text, mode: .template, satisfying: ["missing-timeline": ["shipped"]])).contains("missing-timeline"))
    }
}
