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

    @Test func blankingKeepsEveryOffsetAndLineBreak() {
        let document = Document(Self.markdown, format: .markdown)
        #expect(document.prose.utf8.count == document.original.utf8.count)
        #expect(document.prose.split(separator: "\n", omittingEmptySubsequences: false).count
            == document.original.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!document.prose.contains("SLA"))
        #expect(!document.prose.contains("TTL"))
        #expect(!document.prose.contains("deploy"))
        #expect(!document.prose.contains("example.com"))
        #expect(document.prose.contains("Подробности —  в договоре "))
        #expect(!document.prose.contains("Вы не указали"))
    }

    @Test func markdownFindingsComeOnlyFromProseAtTheirPlaceInTheFile() throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let report = runner.lint(Self.markdown, path: "reply.md", analyzer: try TextAnalyzer())
        #expect(report.diagnostics.map(\.rule) == ["blame-shifting"])
        let blame = try #require(report.diagnostics.first)
        #expect(blame.line == 14 && blame.column == 1)
        #expect(blame.excerpt == "Вам следовало")
    }

    @Test func plainTextLeavesOutQuotesAndAddressesButKeepsMarkup() {
        let document = Document("> you should have read it\nSee https://x.io/SLA. Use `code`.", format: .text)
        #expect(!document.prose.contains("should"))
        #expect(!document.prose.contains("SLA"))
        #expect(document.prose.contains("See "))
        #expect(document.prose.hasSuffix(". Use `code`."))
    }

    @Test(arguments: ["reply.md", "REPLY.MD", "notes.markdown"])
    func markdownIsRecognisedByExtension(path: String) {
        #expect(Document.Format(path: path) == .markdown)
    }

    @Test func anUnclosedFenceBlanksToTheEnd() {
        let document = Document("Hi.\n```\nSLA TTL\n", format: .markdown)
        #expect(document.prose.hasPrefix("Hi.\n"))
        #expect(!document.prose.contains("SLA"))
    }
}
