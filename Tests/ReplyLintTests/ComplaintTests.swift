import Foundation
import Testing
@testable import ReplyLint

/// complaint-not-addressed, which needs the complaint beside the reply. Its lexicon examples
/// hold both: the complaint as quoted lines («> …»), then the reply.
@Suite struct ComplaintTests {
    static let id = ComplaintNotAddressedRule.description.id

    /// The findings of complaint-not-addressed for `reply` answering `complaint`.
    static func findings(_ reply: String, answering complaint: String?, language: Language? = nil) throws -> [Finding] {
        try Linter(library: TestSupport.library()).lint(reply, language: language, complaint: complaint, analyzer: TextAnalyzer())
            .findings.filter { $0.rule == id }
    }

    /// An example split into its quoted complaint and its reply.
    static func split(_ example: String) -> (complaint: String, reply: String) {
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        let quoted = lines.filter { $0.hasPrefix(">") }.map { $0.dropFirst().drop { $0 == " " } }
        return (quoted.joined(separator: "\n"), lines.filter { !$0.hasPrefix(">") }.joined(separator: "\n"))
    }

    struct Example: Sendable, CustomTestStringConvertible {
        var language: Language
        var text: String
        var fires: Bool
        var testDescription: String { "[\(language.rawValue)] \(fires ? "fires" : "silent"): \(text)" }
    }

    static let examples: [Example] = Language.allCases.flatMap { language -> [Example] in
        guard let file = try? TestSupport.library().file(rule: id, language: language) else { return [] }
        return (file.entries.compactMap(\.example) + file.examples.triggering).map { Example(language: language, text: $0, fires: true) }
            + file.examples.nonTriggering.map { Example(language: language, text: $0, fires: false) }
    }

    @Test(arguments: examples)
    func lexiconExample(_ example: Example) throws {
        let (complaint, reply) = Self.split(example.text)
        #expect(!complaint.isEmpty && !reply.isEmpty)
        let found = try Self.findings(reply, answering: complaint)
        #expect(found.isEmpty != example.fires, "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.range == nil })
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var language: Language
        var complaint: String
        var reply: String
        var missing: [String]
        var testDescription: String { "[\(language.rawValue)] \(reply)" }
    }

    /// The client wrote about a broken zipper and a late refund; the reply answers the refund
    /// only, then both, in other inflected forms than the client's.
    static let cases: [Case] = [
        Case(language: .ru, complaint: "Молния на куртке сломалась, а возврат денег задерживается.",
             reply: "Простите за задержку: возврат денег придёт в пятницу.", missing: ["Молния на куртке сломалась"]),
        Case(language: .ru, complaint: "Молния сломалась, а возврат денег задерживается.",
             reply: "Простите: заменим молнию и оформим возврат до пятницы.", missing: []),
        Case(language: .lv, complaint: "Rāvējslēdzējs saplīsa, un naudas atmaksa kavējas.",
             reply: "Atvainojiet par kavēšanos: naudas atmaksa pienāks piektdien.", missing: ["Rāvējslēdzējs saplīsa"]),
        Case(language: .lv, complaint: "Rāvējslēdzējs saplīsa, un naudas atmaksa kavējas.",
             reply: "Atvainojiet: nomainīsim rāvējslēdzēju un naudu atmaksāsim līdz piektdienai.", missing: []),
        Case(language: .en, complaint: "The zipper broke and my refund is late.",
             reply: "I'm sorry for the delay: your refund will arrive on Friday.", missing: ["zipper broke"]),
        Case(language: .en, complaint: "The zipper broke and my refund is late.",
             reply: "I'm sorry: we will replace both zippers and send the refund by Friday.", missing: []),
    ]

    @Test(arguments: cases)
    func reportsThePointsTheReplyLeavesOut(_ test: Case) throws {
        let found = try Self.findings(test.reply, answering: test.complaint)
        #expect(found.count == test.missing.count, "\(found.map(\.message))")
        for (finding, point) in zip(found, test.missing) {
            #expect(finding.message.contains(point), "\(finding.message)")
        }
    }

    @Test func theMessageIsInTheReplysLanguageAndNamesThePointAsWritten() throws {
        let ru = try #require(try Self.findings(Self.cases[0].reply, answering: Self.cases[0].complaint).first)
        #expect(ru.message == "Клиент пишет о «Молния на куртке сломалась», а в ответе об этом ни слова.")
        #expect(ru.suggestion?.contains("«Молния на куртке сломалась»") == true)
        let lv = try #require(try Self.findings(Self.cases[2].reply, answering: Self.cases[2].complaint).first)
        #expect(lv.message == "Klients raksta par “Rāvējslēdzējs saplīsa”, bet atbildē par to nav ne vārda.")
        let en = try #require(try Self.findings(Self.cases[4].reply, answering: Self.cases[4].complaint).first)
        #expect(en.message == "The complaint mentions “zipper broke”, but the reply never addresses it.")
    }

    @Test func oneFindingPerPointInTheComplaintsOrderAndALongPointIsShortened() throws {
        let found = try Self.findings("Thank you for writing.", answering: """
            The courier threw the parcel over the fence into the neighbour's wet garden. \
            The box was crushed, and the lamp inside is broken. The box was crushed!
            """)
        #expect(found.map(\.message) == [
            "The complaint mentions “courier threw the parcel…”, but the reply never addresses it.",
            "The complaint mentions “box was crushed”, but the reply never addresses it.",
            "The complaint mentions “lamp inside is broken”, but the reply never addresses it.",
        ])
    }

    @Test func aParticleDoesNotSplitAPoint() throws {
        // «и» in «так и упаковали» joins nothing: the point is «Коробка целая, значит, так и упаковали».
        #expect(try Self.findings("Мы плохо упаковали стол.", answering: "Коробка целая, значит, так и упаковали.").isEmpty)
        #expect(try Self.findings("Мы плохо упаковали стол.", answering: "Коробка целая и ножка треснула.").count == 2)
    }

    @Test func greetingsFeelingsAndSignaturesAreNoPoints() throws {
        #expect(try Self.findings("Dear Anna, we will call you today.", answering: "Hello! I am very disappointed and angry.\nBest regards,\nJohn Smith").isEmpty)
        #expect(try Self.findings("Анна, мы позвоним сегодня.", answering: "Здравствуйте! Я очень разочарована.\nС уважением,\nАнна Петрова").isEmpty)
        #expect(try Self.findings("Anna, mēs šodien piezvanīsim.", answering: "Labdien! Esmu ļoti vīlusies.\nAr cieņu,\nAnna Ozola").isEmpty)
    }

    @Test func silentWithoutAComplaintOrAcrossLanguagesOrForAnEmptyReply() throws {
        #expect(try Self.findings("Your refund will arrive on Friday.", answering: nil).isEmpty)
        #expect(try Self.findings("Your refund will arrive on Friday.", answering: "Молния сломалась, а возврат задерживается.").isEmpty)
        #expect(try Self.findings("", answering: "The zipper broke.").isEmpty)
        #expect(try Self.findings("🙂", answering: "The zipper broke.").isEmpty)
    }

    /// A file that quotes the complaint (`> …`, a quoted email, a blockquote) is checked
    /// against it; a complaint given with `--complaint` takes its place.
    @Test func aQuotedComplaintIsTheComplaintUnlessOneIsGiven() throws {
        let text = "> The zipper broke and my refund is late.\n\nI'm sorry for the delay: your refund will arrive on Friday.\n"
        let library = try TestSupport.library()
        let quoted = LintRunner(linter: Linter(library: library)).lint(text, path: "reply.txt", analyzer: try TextAnalyzer())
        #expect(quoted.diagnostics.filter { $0.rule == Self.id }.map(\.message) == ["The complaint mentions “zipper broke”, but the reply never addresses it."])
        let given = LintRunner(settings: LintSettings(linter: Linter(library: library), complaint: "My refund is late."))
            .lint(text, path: "reply.txt", analyzer: try TextAnalyzer())
        #expect(given.diagnostics.filter { $0.rule == Self.id }.isEmpty)
    }

    @Test func theCLIReadsTheComplaintFromAFile() throws {
        let directory = try CLI.directory(["complaint.txt": "The zipper broke and my refund is late.",
                                           "reply.txt": "I'm sorry for the delay: your refund will arrive on Friday. Reply if anything is still wrong."])
        defer { try? FileManager.default.removeItem(at: directory) }
        let reply = directory.appendingPathComponent("reply.txt").path
        let run = try CLI.run(["lint", "--no-color", "--complaint", directory.appendingPathComponent("complaint.txt").path, reply])
        #expect(run.stdout.contains("reply.txt: suggestion: The complaint mentions “zipper broke”, but the reply never addresses it. [complaint-not-addressed]"))
        #expect(!(try CLI.run(["lint", "--no-color", reply])).stdout.contains("complaint-not-addressed"))
        let missing = try CLI.run(["lint", "--complaint", "/nonexistent/complaint.txt", reply])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/complaint.txt: error: no such file or directory"))
    }
}
