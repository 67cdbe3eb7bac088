import Foundation
import Testing
@testable import ReplyLint

/// A long text is linted a piece at a time (`Linter.pieceBytes`); these tests cut small
/// texts into small pieces to show that the pieces find what the whole text does.
@Suite struct PieceTests {
    static func pieces(_ text: String, size: Int) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { ProsePieces.ranges(of: $0, size: size) }
    }

    static func bytes(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    @Test func piecesCoverTheTextAndEndAtParagraphBreaks() {
        let paragraph = "Приносим извинения за задержку доставки.\nКурьер привезёт заказ завтра.\n"
        let text = Array(repeating: paragraph, count: 40).joined(separator: "\n")
        let ranges = Self.pieces(text, size: 300)
        #expect(ranges.count > 5)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == text.utf8.count)
        for (range, next) in zip(ranges, ranges.dropFirst()) {
            #expect(range.upperBound == next.lowerBound)
            #expect((300...600).contains(range.count))
            // The next piece begins with the blank line between two paragraphs.
            #expect(Self.bytes(text, next).hasPrefix("\n"))
        }
    }

    @Test func aParagraphLongerThanTwoPiecesIsCutAtALineBreakThenASpaceThenBetweenCharacters() {
        let lines = Array(repeating: "Atvainojamies par kavēšanos.", count: 60).joined(separator: "\n")
        #expect(Self.pieces(lines, size: 200).dropLast().allSatisfy { Self.bytes(lines, $0).hasSuffix("\n") })

        let words = Array(repeating: "Atvainojamies par kavēšanos.", count: 60).joined(separator: " ")
        #expect(Self.pieces(words, size: 200).dropLast().allSatisfy { Self.bytes(words, $0).hasSuffix(" ") })

        // Two-byte letters with no space: every cut falls between characters.
        let token = String(repeating: "ж", count: 1_000)
        let ranges = Self.pieces(token, size: 101)
        #expect(ranges.count > 3)
        #expect(ranges.map { Self.bytes(token, $0) }.joined() == token)
    }

    @Test func aShortTextIsOnePiece() {
        #expect(Self.pieces("", size: 100) == [0..<0])
        #expect(Self.pieces("Sorry.", size: 100) == [0..<6])
    }

    /// The findings of a text linted in pieces of `size` bytes.
    static func lintInPieces(_ text: String, size: Int, complaint: String? = nil) throws -> (findings: [Finding], language: Language?) {
        var found: [Finding] = []
        let language = try Linter(library: TestSupport.library())
            .lint(Array(text.utf8), complaint: complaint, analyzer: TextAnalyzer(), pieceBytes: size) { found += $0 }
        // Findings about the whole text come last in a text of many pieces: put them first, as
        // a text linted at once has them.
        return (found.filter { $0.range == nil } + found.filter { $0.range != nil }, language)
    }

    @Test(arguments: Language.allCases)
    func piecesFindWhatTheWholeTextFinds(language: Language) throws {
        // Every fixture reply of the language, one after another: apologies, blame, jargon,
        // long sentences and placeholders in many pieces, and an apology somewhere.
        let folder = TestSupport.repositoryRoot.appendingPathComponent("fixtures/\(language.rawValue)")
        let replies = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let text = try replies.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n\n")
        let atOnce = try TestSupport.lint(text)
        let inPieces = try Self.lintInPieces(text, size: 1_500)
        #expect(Self.pieces(text, size: 1_500).count > 3)
        #expect(inPieces.language == atOnce.text.language)
        // The one difference: an acronym a later piece explains ("service level agreement
        // (SLA)") is reported where it is first used.
        let explainedLater = Set(inPieces.findings.filter(\.isFirstUseOnly).map(\.text))
            .subtracting(atOnce.findings.filter(\.isFirstUseOnly).map(\.text))
        #expect(explainedLater.allSatisfy { $0.name == "acronym" })
        #expect(inPieces.findings.filter { !explainedLater.contains($0.text) } == atOnce.findings)
    }

    @Test func aWholeTextFindingStandsOnlyWhenNoPieceHasWhatItLacks() throws {
        let filler = Array(repeating: "Мы проверили ваш заказ на складе.", count: 30).joined(separator: "\n\n")
        let apology = "Приносим извинения за задержку."
        let without = try Self.lintInPieces(filler, size: 200).findings
        #expect(without.filter { $0.rule == "missing-apology" }.count == 1)
        #expect(without.first?.range == nil)

        for text in [apology + "\n\n" + filler, filler + "\n\n" + apology] {
            #expect(Self.pieces(text, size: 200).count > 3)
            #expect(!(try Self.lintInPieces(text, size: 200)).findings.contains { $0.rule == "missing-apology" })
        }
    }

    @Test func anUnexplainedAcronymIsReportedAtItsFirstUseOnly() throws {
        let sentence = "Sorry, the SLA was breached and we will fix it by Friday, 12 May."
        let text = Array(repeating: sentence, count: 20).joined(separator: "\n\n")
        let acronyms = try Self.lintInPieces(text, size: 200).findings.filter { $0.text.values["term"] == "SLA" }
        #expect(acronyms.count == 1)
        #expect(acronyms.first?.range == Array(text.utf8).firstRange(of: Array("SLA".utf8)))
    }

    @Test func aComplaintPointIsReportedWhenNoPieceMentionsIt() throws {
        let complaint = "The zipper broke after one day; the refund is late."
        let filler = Array(repeating: "We are sorry for the trouble and will reply by Friday, 12 May.", count: 20).joined(separator: "\n\n")
        let missing = try Self.lintInPieces(filler, size: 300, complaint: complaint).findings.filter { $0.rule == "complaint-not-addressed" }
        #expect(missing.count == 2)
        let answered = try Self.lintInPieces(filler + "\n\nWe have sent a new zipper.", size: 300, complaint: complaint)
            .findings.filter { $0.rule == "complaint-not-addressed" }
        #expect(answered.count == 1)
    }
}
