import Foundation
import Testing
@testable import ReplyLint

/// Texts shaped to break a linter: huge lines, endless tokens, scripts and invisible characters
/// mixed. Each is linted whole, and the finding placed after the hostile part is still found
/// at the right line and column.
@Suite struct HostileTextTests {
    static let blame = "Вам следовало прочитать договор."

    static func lint(_ text: String, path: String = "reply.txt") throws -> FileReport {
        try LintRunner(linter: Linter(library: TestSupport.library())).lint(text, path: path, analyzer: TextAnalyzer())
    }

    static func blameFinding(in report: FileReport) -> Diagnostic? {
        report.diagnostics.first { $0.rule == "blame-shifting" }
    }

    @Test(arguments: ["я", "e\u{301}"])
    func aTokenOfAHundredThousandLetters(letter: String) throws {
        let token = String(repeating: letter, count: 100_000)
        let report = try Self.lint("\(token) \(token.uppercased())\n\(Self.blame)")
        let finding = try #require(Self.blameFinding(in: report))
        #expect(finding.line == 2 && finding.column == 1)
        #expect(finding.excerpt == "Вам следовало")
    }

    /// Scripts, right-to-left text and marks, zero-width characters and combining marks with
    /// nothing to combine with, before the finding and inside its words.
    @Test(arguments: [
        "\u{301}\u{200B}שלום \u{202E}مرحبا\u{202C} 👩‍💻 e\u{301}\u{308}\u{308} \u{FEFF}ё\u{200D}ж 🇱🇻\r\n",
        "\u{200F}\u{2067}\u{301}\u{301}\u{301}\r\n",
        "\u{FEFF}\u{AD}\u{200C}\u{2060}\n",
    ])
    func mixedScriptsAndInvisibleCharacters(before: String) throws {
        let report = try Self.lint(before + Self.blame)
        let finding = try #require(Self.blameFinding(in: report))
        #expect(finding.line == 2 && finding.column == 1)
        #expect(finding.excerpt == "Вам следовало")
    }

    /// Invisible characters a pasted draft carries inside words do not hide the words.
    @Test(arguments: ["\u{AD}", "\u{200B}", "\u{200D}", "\u{2060}"])
    func anInvisibleCharacterInsideAWord(invisible: String) throws {
        let report = try Self.lint("Вам сле\(invisible)довало прочитать договор.")
        let finding = try #require(Self.blameFinding(in: report))
        #expect(finding.excerpt == "Вам сле\(invisible)довало")
    }
}
