import Foundation
import Testing
@testable import ReplyLint

/// Samples under Tests/Data/formats, linted as the CLI lints them.
enum FormatSamples {
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Tests/Data/formats/\(name)")))
    }

    static func lint(_ name: String, templateKeys: Set<String>? = nil) throws -> (FileReport, [UInt8]) {
        let bytes = try bytes(name)
        let runner = LintRunner(settings: LintSettings(linter: Linter(library: try TestSupport.library()), templateKeys: templateKeys))
        return (runner.lint(bytes: bytes, path: name, analyzer: try TextAnalyzer()), bytes)
    }

    /// The original bytes a diagnostic points at, after checking that its line and column
    /// (counted here independently, in Unicode scalars, or bytes in a file that is not UTF-8)
    /// name the same place.
    static func located(_ diagnostic: Diagnostic, in bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        func position(_ offset: Int) -> (Int, Int) {
            let before = bytes[..<offset]
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = bytes[lineStart..<offset]
            let columns = String(validating: bytes, as: UTF8.self) == nil ? line.count : String(decoding: line, as: UTF8.self).unicodeScalars.count
            return (before.filter { $0 == 0x0A }.count + 1, columns + 1)
        }
        #expect(position(diagnostic.offset) == (diagnostic.line, diagnostic.column), sourceLocation: sourceLocation)
        #expect(position(diagnostic.offset + diagnostic.length) == (diagnostic.endLine, diagnostic.endColumn), sourceLocation: sourceLocation)
        return String(decoding: bytes[diagnostic.offset..<(diagnostic.offset + diagnostic.length)], as: UTF8.self)
    }
}

@Suite struct HTMLTests {
    /// "<<name>>" in a template's HTML is a placeholder, found where it is written, not a tag.
    @Test(arguments: ["<p>Здравствуйте, <<имя>>!</p>", "<p>Labdien, <<vārds>>!</p>", "<div>Hello <<first_name>>,<br>thanks.</div>"])
    func aRawPlaceholderStaysText(html: String) throws {
        let range = try #require(html.firstRange(of: /<<[^>]+>>/))
        let placeholder = String(html[range])
        let document = try Document(html, format: .html)
        #expect(document.units[0].prose.contains(placeholder))
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let report = runner.lint(html, path: "reply.html", analyzer: try TextAnalyzer())
        let finding = try #require(report.diagnostics.first { $0.rule == "unfilled-placeholder" })
        #expect(finding.excerpt == placeholder)
        #expect(finding.offset == html.utf8.distance(from: html.startIndex, to: range.lowerBound))
    }

    @Test func aGmailReplyIsLintedWithoutItsQuoteSignatureStyleAndScript() throws {
        let (report, bytes) = try FormatSamples.lint("gmail-reply.html")
        #expect(report.failure == nil)
        #expect(report.diagnostics.map(\.rule) == ["blame-shifting"])
        let blame = try #require(report.diagnostics.first)
        #expect(blame.excerpt == "Вам следовало")
        #expect(FormatSamples.located(blame, in: bytes) == "Вам&nbsp;следовало")
        #expect((blame.line, blame.column) == (6, 4))
    }

    @Test func theQuotedComplaintIsContextAndNotProse() throws {
        let document = try Document(bytes: FormatSamples.bytes("gmail-reply.html"), format: .html)
        let prose = document.units[0].prose
        #expect(prose.contains("Замену по заказу № 4512"))
        #expect(prose.contains("двери, но курьер тоже должен был позвонить — мы"))
        for absent in ["обещали", "anna@example.com", "Ирина", "SLA", "deploy", "margin", "<", "&"] {
            #expect(!prose.contains(absent), "\(absent)")
        }
        #expect(document.context == ["""
            пн, 3 мар. 2025 г. в 10:15, Анна <anna@example.com>:
            Вы обещали доставку в пятницу!
            Вам следовало предупредить.
            """])
    }

    @Test func blockElementsBreakParagraphsAndMarkupLineBreaksAreSpaces() throws {
        let prose = try Document("<p>One\nline</p><p>Two<br>lines</p><ul><li>a</li><li>b</li></ul>", format: .html).units[0].prose
        #expect(prose.split(separator: "\n", omittingEmptySubsequences: true) == ["One line", "Two", "lines", "a", "b"])
        #expect(prose.contains("One line\n\n"))
    }

    @Test func entitiesDecodeAndMapBackToTheirSource() throws {
        let html = "a&amp;b&lt;&#1078;&#x436;&unknown; & &#0;"
        let unit = try Document(html, format: .html).units[0]
        #expect(unit.prose == "a&b<жж&unknown; & \u{FFFD}")
        let utf8 = Array(unit.prose.utf8)
        // Each decoded character's start maps to its reference, and the end to the end.
        let starts = [0, 1, 2, 3, 4, 6, 8]
        #expect(starts.map(unit.map.original) == [0, 1, 6, 7, 11, 18, 25])
        #expect(unit.map.original(utf8.count) == html.utf8.count)
    }

    @Test func outlooksReplyHeaderAndWhatFollowsAreContext() throws {
        let html = """
        <html><body><div>Sorry, that was our mistake. We will refund you by Friday.</div>
        <div id="appendonsend"></div><hr style="display:inline-block;width:98%">
        <div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Anna &lt;anna@example.com&gt;<br><b>Sent:</b> Monday</div>
        <div>You should have called me back!</div></body></html>
        """
        let document = try Document(html, format: .html)
        #expect(!document.units[0].prose.contains("should"))
        #expect(!document.units[0].prose.contains("From"))
        #expect(document.units[0].prose.contains("We will refund you by Friday."))
        #expect(document.context.count == 1)
        #expect(document.context[0].contains("You should have called me back!"))
    }

    @Test func thunderbirdCitesAndAttributionsAreContext() throws {
        let html = """
        <div class="moz-cite-prefix">On 3/3/25 10:15, Anna wrote:<br></div>
        <blockquote type="cite">You should have called.</blockquote>
        <p>We are sorry.</p><div class="moz-signature">-- <br>Support</div>
        """
        let document = try Document(html, format: .html)
        #expect(document.units[0].prose.trimmingCharacters(in: .whitespacesAndNewlines) == "We are sorry.")
        #expect(document.context == ["On 3/3/25 10:15, Anna wrote:", "You should have called."])
    }

    @Test(arguments: [
        "<", "<<<>>>", "<div class=\"x", "<a href='x>y'>link</a> text", "&#xFFFFFFFF; &#99999999999; &;", "<script>never closed",
        "</p></div>text</blockquote>", "<!-- open comment", "<p<p<p>", "<head><p>body text", "<blockquote>unclosed quote",
        "<title>t</title", "<br/><hr/><img src=x/>", "&amp", "<!DOCTYPE html><?xml x?><![CDATA[x]]>text",
        String(repeating: "<div><blockquote>", count: 5_000) + "deep",
    ])
    func malformedMarkupNeverCrashesOrHangs(html: String) throws {
        let document = try Document(html, format: .html)
        let unit = try #require(document.units.first)
        // Every offset of the prose maps inside the file.
        let end = unit.map.original(unit.prose.utf8.count)
        #expect(end >= 0 && end <= html.utf8.count)
    }

    @Test func aPageInAnotherCharsetIsReadByItsMetaTag() throws {
        let head = Array(#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><p>"#.utf8)
        // «Вам следовало» in windows-1251.
        let words: [UInt8] = [0xC2, 0xE0, 0xEC, 0x20, 0xF1, 0xEB, 0xE5, 0xE4, 0xEE, 0xE2, 0xE0, 0xEB, 0xEE]
        let bytes = head + words + Array(" ... </p>".utf8)
        let report = LintRunner(linter: Linter(library: try TestSupport.library())).lint(bytes: bytes, path: "saved.htm", analyzer: try TextAnalyzer())
        let blame = try #require(report.diagnostics.first { $0.rule == "blame-shifting" })
        #expect(blame.excerpt == "Вам следовало")
        #expect((blame.offset, blame.length) == (head.count, words.count))
        // Without a declaration, text that is not UTF-8 is an error at its first bad byte.
        #expect(throws: DocumentError("not valid UTF-8 (first bad byte at offset 3)")) {
            try Document(bytes: Array("<p>".utf8) + words, format: .html)
        }
    }
}
