import Testing
@testable import ReplyLint

@Suite struct DocumentTests {
    static let markdown = """
    ---
    title: Ответ клиенту — SLA
    ---
    Здравствуйте, Анна! Простите за задержку, исправим до пятницы. Напишите, если что-то не так.

    ```
    deploy --hotfix SLA
    ```

    > Вы не указали срок, и вам следовало ответить раньше!

    Подробности — [в договоре](https://example.com/SLA-terms) и в `TTL` настройках.
    <!-- заметка: проверить SLA -->
    Вам следовало прочитать договор.
    """

    @Test func blankingKeepsEveryOffsetAndLineBreak() throws {
        let document = try Document(Self.markdown, format: .markdown)
        #expect(document.units.count == 1 && document.units[0].map == .identity)
        let prose = document.units[0].prose
        #expect(prose.utf8.count == document.original.count)
        #expect(prose.split(separator: "\n", omittingEmptySubsequences: false).count
            == Self.markdown.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!prose.contains("SLA"))
        #expect(!prose.contains("TTL"))
        #expect(!prose.contains("deploy"))
        #expect(!prose.contains("example.com"))
        #expect(prose.contains("Подробности —  в договоре "))
        #expect(!prose.contains("Вы не указали"))
        #expect(document.context == ["Вы не указали срок, и вам следовало ответить раньше!"])
    }

    @Test func markdownFindingsComeOnlyFromProseAtTheirPlaceInTheFile() throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let report = runner.lint(Self.markdown, path: "reply.md", analyzer: try TextAnalyzer())
        // The quoted complaint is not linted, but the reply is checked against it.
        #expect(report.diagnostics.map(\.rule) == ["complaint-not-addressed", "blame-shifting"])
        #expect(report.diagnostics[0].message.contains("«указали срок»"))
        let blame = try #require(report.diagnostics.first { $0.rule == "blame-shifting" })
        #expect(blame.line == 14 && blame.column == 1)
        #expect(blame.excerpt == "Вам следовало")
    }

    @Test func plainTextLeavesOutQuotesAndAddressesButKeepsMarkup() throws {
        let document = try Document("> you should have read it\n>> twice\nSee https://x.io/SLA. Use `code`.", format: .text)
        let prose = document.units[0].prose
        #expect(document.context == ["you should have read it\ntwice"])
        #expect(!prose.contains("should"))
        #expect(!prose.contains("SLA"))
        #expect(prose.contains("See "))
        #expect(prose.hasSuffix(". Use `code`."))
    }

    @Test(arguments: ["reply.md", "REPLY.MD", "notes.markdown"])
    func markdownIsRecognisedByExtension(path: String) {
        #expect(Document.Format(path: path) == .markdown)
    }

    @Test func anUnclosedFenceBlanksToTheEnd() throws {
        let prose = try Document("Hi.\n```\nSLA TTL\n", format: .markdown).units[0].prose
        #expect(prose.hasPrefix("Hi.\n"))
        #expect(!prose.contains("SLA"))
    }

    @Test func aFindingInTextLintedAsItIsKeepsItsOffsets() {
        let lines = LineIndex("Hi.\nЖдите.")
        let diagnostic = Diagnostic(finding: Finding(rule: "jargon", message: "m", range: 4..<14, language: .ru), severity: .warning, lines: lines)
        #expect((diagnostic.line, diagnostic.column, diagnostic.endColumn) == (2, 1, 6))
        #expect((diagnostic.offset, diagnostic.length, diagnostic.excerpt) == (4, 10, "Ждите"))
        let whole = Diagnostic(finding: Finding(rule: "missing-apology", message: "m", range: nil, language: .en), severity: .warning, lines: lines)
        #expect(whole.isDocumentLevel && whole.template == nil)
    }
}
