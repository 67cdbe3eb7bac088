import Foundation
import Testing
@testable import ReplyLint

@Suite struct StandardInputTests {
    @Test func standardInputIsLintedAsTheNamedFile() throws {
        let html = "<p>Sorry.</p>\n<p>Вам&nbsp;следовало позвонить.</p><blockquote>You should have called!</blockquote>"
        let run = try CLI.run(["lint", "--format", "json", "--stdin-filename", "replies/reply.html", "-"], stdin: html)
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == "replies/reply.html")
        let blame = try #require((file["diagnostics"] as? [[String: Any]])?.first { $0["rule"] as? String == "blame-shifting" })
        #expect(blame["line"] as? Int == 2 && blame["column"] as? Int == 4)
        #expect(blame["excerpt"] as? String == "Вам следовало")
        #expect(blame["length"] as? Int == "Вам&nbsp;следовало".utf8.count)
    }

    @Test func theNameNeedsStandardInputAmongThePaths() throws {
        let run = try CLI.run(["lint", "--stdin-filename", "x.html", "reply.txt"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--stdin-filename names standard input"))
    }
}
