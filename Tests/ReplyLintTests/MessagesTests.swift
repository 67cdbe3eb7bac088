import Testing
@testable import ReplyLint

@Suite struct MessagesTests {
    @Test(arguments: [
        (["LANG": "ru_RU.UTF-8"], Language.ru), (["LANG": "lv_LV"], .lv), (["LANG": "en_GB.UTF-8"], .en),
        (["LC_ALL": "lv_LV.UTF-8", "LANG": "ru_RU.UTF-8"], .lv), (["LC_ALL": "", "LC_MESSAGES": "en_US", "LANG": "ru_RU"], .en),
    ])
    func theLocaleNamesTheMessagesLanguage(environment: [String: String], expected: Language) {
        #expect(LintSettings.messagesLanguage(environment: environment) == expected)
    }

    @Test(arguments: [["LANG": "C.UTF-8"], ["LANG": "POSIX"], ["LANG": "de_DE.UTF-8"], [:]])
    func otherLocalesLeaveEachMessageInItsReplysLanguage(environment: [String: String]) {
        #expect(LintSettings.messagesLanguage(environment: environment) == nil)
    }

    static let reply = "Здравствуйте. Вам следовало прочитать договор. Наш SLA соблюдён, [Имя]!! "
        + "Мы внимательно изучили ситуацию, которую вы описали в своём письме, и после проверки заказа вместе со складом и курьерской службой решили, что лучше всего будет подождать ещё немного."

    private func diagnostics(messages: Language?) throws -> [String: Diagnostic] {
        let settings = LintSettings(linter: Linter(library: try TestSupport.library()), messages: messages)
        let report = LintRunner(settings: settings).lint(Self.reply, path: "a.txt", analyzer: try TextAnalyzer())
        return Dictionary(report.diagnostics.map { ($0.rule, $0) }) { first, _ in first }
    }

    @Test func messagesFollowTheChosenLanguageAndRewritesStayInTheReplys() throws {
        let russian = try diagnostics(messages: nil)
        let english = try diagnostics(messages: .en)
        let latvian = try diagnostics(messages: .lv)
        #expect(Set(russian.keys) == Set(english.keys))
        #expect(english["blame-shifting"]?.message == "Blame shifting: the reply puts the fault on the client or on someone else.")
        #expect(english["jargon"]?.message == "The acronym “SLA” may be unclear to the client.")
        #expect(latvian["jargon"]?.message == "Saīsinājums «SLA» klientam var būt nesaprotams.")
        #expect(english["unfilled-placeholder"]?.message == "Unfilled placeholder: the client will see “[Имя]”.")
        #expect(english["missing-apology"]?.message == "The reply has no real apology.")
        #expect(english["dismissive-tone"]?.message == "A run of exclamation marks reads as shouting or irritation.")
        let long = try #require(english["long-sentence"]?.message)
        #expect(long.contains("30") == false && long.contains("25"), "the Russian limit, in English words: \(long)")
        for (rule, diagnostic) in english {
            #expect(diagnostic.suggestion == russian[rule]?.suggestion, "\(rule): rewrites stay in Russian")
        }
        #expect(try diagnostics(messages: .ru)["blame-shifting"]?.message == russian["blame-shifting"]?.message)
    }

    /// A message can be given in any language only if every language has the rule's texts.
    @Test(arguments: RuleRegistry.all.map { $0.description.id })
    func everyRuleHasItsTextsInEveryLanguage(rule: String) throws {
        let files = try Language.allCases.map { try #require(try TestSupport.library().file(rule: rule, language: $0)) }
        #expect(files.allSatisfy { $0.message != nil }, "a file-level message in each language")
        let names = Set(files.flatMap(\.messages.keys))
        for file in files { #expect(Set(file.messages.keys) == names, "\(file.path) lacks \(names.subtracting(file.messages.keys))") }
    }
}

@Suite struct MessageTextTests {
    @Test func fillsEachKeyAndLeavesOtherBracesAsWritten() {
        let text = MessageText(values: ["term": "SLA", "count": "31"])
        #expect(text.fill("«{term}» — {count} раз, {term}.") == "«SLA» — 31 раз, SLA.")
        #expect(text.fill("{unknown} {term") == "{unknown} {term")
        #expect(text.fill("{{term}}") == "{SLA}")
        #expect(text.fill("no keys") == "no keys")
        // A value is put in as it is, never filled in turn.
        #expect(MessageText(values: ["point": "{count}", "count": "2"]).fill("{point}") == "{count}")
        #expect(MessageText().fill("{term}") == "{term}")
    }
}

@Suite struct DocumentFormatTests {
    @Test(arguments: [
        ("reply.txt", Document.Format.text), ("a/b.MD", .markdown), ("x.markdown", .markdown), ("mail.eml", .email),
        ("page.HTM", .html), ("/p/t.yml", .templates), ("t.json", .templates), ("dir.md/reply", .text),
        (".md", .text), ("-", .text), ("archive.tar.html", .html), ("noext.", .text),
    ])
    func theExtensionOfTheLastNameDecides(path: String, format: Document.Format) {
        #expect(Document.Format(path: path) == format)
    }
}
