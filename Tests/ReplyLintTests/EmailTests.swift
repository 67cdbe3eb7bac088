import Foundation
import Testing
@testable import ReplyLint

@Suite struct EmailTests {
    @Test func aWindows1251MultipartIsReadFromItsPlainPartWithoutSignatureOrQuote() throws {
        let (report, bytes) = try FormatSamples.lint("cp1251-alternative.eml")
        #expect(report.failure == nil)
        #expect(report.diagnostics.map(\.rule) == ["blame-shifting"])
        let blame = try #require(report.diagnostics.first)
        #expect(blame.excerpt == "Вам следовало")
        // The part is 8-bit windows-1251: the finding covers those bytes, columns count bytes.
        _ = FormatSamples.located(blame, in: bytes)
        let found = Array(bytes[blame.offset..<(blame.offset + blame.length)])
        #expect(found == [0xC2, 0xE0, 0xEC, 0x20, 0xF1, 0xEB, 0xE5, 0xE4, 0xEE, 0xE2, 0xE0, 0xEB, 0xEE])
        #expect((blame.line, blame.column) == (20, 1))
    }

    @Test func theQuotedComplaintIsContextAndTheSignatureIsGone() throws {
        let document = try Document(bytes: FormatSamples.bytes("cp1251-alternative.eml"), format: .email)
        let prose = document.units[0].prose
        #expect(prose.contains("Здравствуйте, Анна!"))
        #expect(prose.contains("Напишите мне, если что-то пойдёт не так."))
        for absent in ["Ирина", "SLA", "прислали", "пишет", "<p>", "Content-Type", "boundary"] {
            #expect(!prose.contains(absent), "\(absent)")
        }
        #expect(document.context == ["Вы прислали не тот размер! Вам следовало проверить заказ.\nКогда вы всё исправите?"])
    }

    @Test func withoutAPlainPartTheBase64HTMLPartIsRead() throws {
        let (report, bytes) = try FormatSamples.lint("cp1251-html-only.eml")
        #expect(report.diagnostics.map(\.rule) == ["blame-shifting"])
        let blame = try #require(report.diagnostics.first)
        #expect(blame.excerpt == "Вам следовало")
        // Base64 places a finding at the four-character group its first byte is in.
        let located = FormatSamples.located(blame, in: bytes)
        #expect(located.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "\r" || $0 == "\n" })
        let document = try Document(bytes: bytes, format: .email)
        #expect(!document.units[0].prose.contains("SLA"))
        #expect(document.context.contains("Вы прислали не тот размер! Вам следовало проверить заказ.\nКогда вы всё исправите?"))
    }

    @Test func aQuotedPrintableLatvianEmailMapsEachEncodedByte() throws {
        let (report, bytes) = try FormatSamples.lint("latvian-qp.eml")
        #expect(report.language == .lv)
        // The quoted message is the complaint; its headers are no point of it.
        #expect(report.diagnostics.map(\.rule) == ["complaint-not-addressed", "blame-shifting"])
        #expect(report.diagnostics[0].message.contains("“solījāt piegādi piektdien”"))
        let blame = try #require(report.diagnostics.first { $0.rule == "blame-shifting" })
        #expect(blame.excerpt == "Jums vajadzēja")
        #expect(FormatSamples.located(blame, in: bytes) == "Jums vajadz=C4=93ja")
        let document = try Document(bytes: bytes, format: .email)
        #expect(!document.units[0].prose.contains("solījāt"))
        #expect(document.units[0].prose.contains("saņemt pasūtījumu vakar, tāpēc rīt"))
        let quoted = try #require(document.context.first)
        #expect(quoted.hasPrefix("-----Sākotnējais ziņojums-----"))
        #expect(quoted.hasSuffix("Jūs solījāt piegādi piektdien! Jums vajadzēja piezvanīt."))
    }

    @Test(arguments: [
        ("KOI8-R", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] as [UInt8], "Привет"),
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        ("ISO-8859-13", [0xED, 0xE7, 0x64, 0x65, 0x20, 0xDB, 0x64, 0x65, 0x6E, 0x73], "ķēde Ūdens"),
        ("windows-1257", [0xED, 0xE7, 0x64, 0x65, 0x20, 0xDB, 0x64, 0x65, 0x6E, 0x73], "ķēde Ūdens"),
        ("Windows-1251", [0xA8, 0xE6], "Ёж"),
        ("cp1251", [0xA8, 0xE6], "Ёж"),
        ("utf-8", Array("ж!".utf8), "ж!"),
    ])
    func charsetsDecodeByTheirMIMENamesAndMapEachCharacter(name: String, bytes: [UInt8], text: String) throws {
        let decoded = try Charset.decode(MappedText(original: bytes), as: name)
        #expect(decoded.string == text)
        // Each character maps to its own byte (one byte per character in these charsets).
        var offset = 0
        for (index, character) in text.unicodeScalars.enumerated() where bytes.count == text.unicodeScalars.count {
            #expect(decoded.map.original(offset) == index)
            offset += String(character).utf8.count
        }
        #expect(decoded.map.original(decoded.bytes.count) == bytes.count)
    }

    @Test func anUnknownCharsetIsAnError() throws {
        let email = "Content-Type: text/plain; charset=x-no-such-charset\n\nHello."
        #expect(throws: DocumentError.self) { try Document(email, format: .email) }
        #expect(throws: DocumentError.self) { try Charset.decode(MappedText(original: [0x41]), as: "") }
    }

    @Test func anUndeclaredCharsetWithInvalidUTF8IsReportedOnceAtItsByteAndTheRunGoesOn() throws {
        let headers = "From: a@example.com\nSubject: test\n\n"
        var email = Array(headers.utf8) + Array("Hello, ".utf8)
        email += [0xC2, 0xE0, 0xEC, 0x20, 0xF1, 0xEB, 0xE5, 0xE4, 0xEE, 0xE2, 0xE0, 0xEB, 0xEE, 0x2E]
        let directory = try CLI.directory(["good.txt": Replies.good])
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(email).write(to: directory.appendingPathComponent("bad.eml"))
        let run = try CLI.run(["lint", "--format", "json", directory.path])
        #expect(run.status == 2)
        let offset = headers.utf8.count + "Hello, ".utf8.count
        let errors = run.stderr.split(separator: "\n")
        #expect(errors == ["replylint: \(directory.path)/bad.eml: error: not valid UTF-8 (first bad byte at offset \(offset))"])
        #expect(run.stdout.contains("good.txt"))
    }

    @Test(arguments: [
        "",
        "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\ncut short",
        "Content-Type: multipart/mixed\n\nno boundary parameter",
        "Content-Type: multipart/alternative; boundary=\"x\"\n\n--x--\n",
        "Content-Transfer-Encoding: base64\n\n!!!!====",
        "Content-Transfer-Encoding: base64\n\nQQ",
        "Content-Transfer-Encoding: quoted-printable\n\n=ZZ =4 =\n=",
        "Subject: folded\n continued\n\tagain\nContent-Type: text/plain;\n charset=utf-8\n\nBody.",
        String(repeating: "Content-Type: multipart/mixed; boundary=b\n\n--b\n", count: 40) + "deep",
        "no headers at all, just text",
        "From anna@example.com Mon Mar  3 10:15:00 2025\nSubject: mbox\n\nBody.",
    ])
    func malformedMessagesNeverCrash(email: String) throws {
        do {
            let document = try Document(email, format: .email)
            let unit = try #require(document.units.first)
            #expect(unit.map.original(unit.prose.utf8.count) <= email.utf8.count)
        } catch let error as DocumentError {
            #expect(!error.description.isEmpty)
        }
    }

    @Test func headersAreUnfoldedAndParametersReadInAnyCase() {
        let bytes = Array("Content-Type: text/plain;\r\n\tCHARSET=\"KOI8-R\"\r\nX-A: 1\r\n\r\nbody".utf8)
        let (fields, body) = Headers.parse(bytes, range: 0..<bytes.count)
        #expect(Headers.parameter("charset", of: fields["content-type"]!) == "KOI8-R")
        #expect(Headers.value(of: fields["content-type"]!) == "text/plain")
        #expect(String(decoding: bytes[body], as: UTF8.self) == "body")
    }

    @Test func nestedPartsAreSearchedAndAttachmentsPassedOver() throws {
        let email = """
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: text/plain; charset=utf-8
        Content-Disposition: attachment; filename="log.txt"

        You should have read the log.
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/html; charset=utf-8

        <p>HTML version</p>
        --inner
        Content-Type: text/plain; charset=koi8-r
        Content-Transfer-Encoding: quoted-printable

        =F0=D2=CF=D3=D4=C9=D4=C5, =DC=D4=CF =CE=C1=DB=C1 =CF=DB=C9=C2=CB=C1.
        --inner--
        --outer--
        """
        let document = try Document(email, format: .email)
        #expect(document.units[0].prose == "Простите, это наша ошибка.")
        let offset = try #require(email.utf8.firstRange(of: "=F0".utf8)).lowerBound
        #expect(document.units[0].map.original(0) == email.utf8.distance(from: email.utf8.startIndex, to: offset))
    }

    @Test(arguments: [
        ("Простите.\n\nпн, 3 мар. 2025 г. в 10:15, Анна <anna@example.com>:\n\nВы обещали!", "Вы обещали!"),
        ("Sorry.\nOn Mon, 3 Mar 2025 at 10:15, Anna <anna@example.com>\nwrote:\n\nYou promised!", "You promised!"),
        ("Atvainojiet.\n2025-03-03 10:15, Anna rakstīja:\nJūs solījāt!", "Jūs solījāt!"),
        ("Простите.\n03.03.2025 10:15, Анна Смирнова написал(а):\nВы обещали!", "Вы обещали!"),
        ("Простите.\n-----Исходное сообщение-----\nОт: Анна\nВы обещали!", "Вы обещали!"),
        ("Sorry.\n________________________________\nFrom: Anna\nYou promised!", "You promised!"),
    ])
    func quotedEarlierMessagesAreContext(body: String, quoted: String) throws {
        let document = try Document("Subject: x\n\n" + body, format: .email)
        #expect(document.units[0].prose.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)
        #expect(document.context.count == 1 && document.context[0].hasSuffix(quoted))
    }

    @Test func aReplysOwnColonIsNoAttribution() throws {
        let document = try Document("Subject: x\n\nAs you wrote:\nthe parcel was late. Sorry.", format: .email)
        #expect(document.units[0].prose.contains("the parcel was late"))
        #expect(document.context.isEmpty)
    }
}

/// RFC 2047 encoded words in headers, decoded through ICU's charsets, and the subject of a
/// reply that quotes nothing taken as the complaint it answers.
@Suite struct EncodedWordTests {
    @Test(arguments: [
        ("=?utf-8?B?UmU6INCS0Ysg0L/RgNC40YHQu9Cw0LvQuCDQvdC1INGC0L7RgiDRgNCw0LfQvNC10YA=?=", "Re: Вы прислали не тот размер"),
        ("=?windows-1251?Q?Re:_=CD=E5_=EF=F0=E8=F8=B8=EB_=E7=E0=EA=E0=E7?=", "Re: Не пришёл заказ"),
        ("=?ISO-8859-13?Q?Re:_Kav=E7ta_pieg=E2de?=", "Re: Kavēta piegāde"),
        ("Re: =?utf-8?q?Late?= =?UTF-8*en?Q?_delivery?=  of my order", "Re: Late delivery  of my order"),
        ("=?x-no-such-charset?Q?abc?= and =?utf-8?B?broken!?=", "=?x-no-such-charset?Q?abc?= and =?utf-8?B?broken!?="),
    ])
    func headerWordsDecodeThroughTheirCharset(header: String, expected: String) {
        #expect(EncodedWords.decode(header) == expected)
    }

    static func email(subject: String, body: String) -> String {
        "From: support@example.com\nSubject: \(subject)\nContent-Type: text/plain; charset=utf-8\n\n\(body)\n"
    }

    @Test(arguments: [
        ("=?windows-1251?Q?Re:_=D1=EB=EE=EC=E0=EB=E0=F1=FC_=EC=EE=EB=ED=E8=FF?=", "Сломалась молния", "Сломалась молния",
         "Здравствуйте! Простите, это наша ошибка."),
        ("=?ISO-8859-13?Q?RE:_Atb:_Kav=E7ta_pieg=E2de?=", "Kavēta piegāde", "Kavēta piegāde", "Labdien! Atvainojiet, tā ir mūsu kļūda."),
        ("Re: =?utf-8?B?VGhlIHppcHBlciBicm9rZQ==?=", "The zipper broke", "zipper broke", "Hello! We are sorry, this is our mistake."),
    ])
    func aReplyQuotingNothingAnswersItsSubject(subject: String, complaint: String, point: String, body: String) throws {
        let document = try Document(Self.email(subject: subject, body: body), format: .email)
        #expect(document.context == [complaint])
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let report = runner.lint(Self.email(subject: subject, body: body), path: "reply.eml", analyzer: try TextAnalyzer())
        let finding = try #require(report.diagnostics.first { $0.rule == "complaint-not-addressed" })
        #expect(finding.message.contains(point), "\(finding.message)")
    }

    /// A subject that is no reply's, or a reply that quotes the complaint, adds nothing.
    @Test func otherSubjectsAreNoComplaint() throws {
        let fresh = try Document(Self.email(subject: "=?utf-8?q?Kav=C4=93ta_pieg=C4=81de?=", body: "Labdien!"), format: .email)
        #expect(fresh.context.isEmpty)
        let quoting = try Document(Self.email(subject: "Re: Late delivery", body: "Sorry!\n\n> Where is my parcel?"), format: .email)
        #expect(quoting.context == ["Where is my parcel?"])
    }
}
