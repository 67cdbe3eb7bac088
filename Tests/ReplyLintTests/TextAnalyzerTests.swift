import Testing
@testable import ReplyLint

@Suite struct TextAnalyzerTests {
    let analyzer: TextAnalyzer

    init() throws { analyzer = try TextAnalyzer() }

    private func words(_ text: String, language: Language? = nil) -> [String] {
        let analysis = analyzer.analyze(text, language: language)
        return analysis.tokens.filter(\.isWordLike).map { analysis.excerpt($0.range) }
    }

    @Test func tokenRangesAreUTF8OffsetsThroughEmojiAndCombiningMarks() {
        let text = "🙂 Привет, Jānis! e\u{0301}clair 👩‍💻 don’t"
        let analysis = analyzer.analyze(text)
        let bytes = Array(text.utf8)
        for token in analysis.tokens {
            #expect(String(decoding: bytes[token.range], as: UTF8.self) == analysis.excerpt(token.range))
        }
        #expect(words(text) == ["Привет", "Jānis", "e\u{0301}clair", "don’t"])
        let privet = analysis.tokens.first { analysis.excerpt($0.range) == "Привет" }!
        #expect(privet.range == 5..<17)
    }

    @Test(arguments: [
        ("кто-то позвонит", ["кто-то", "позвонит"]),
        ("e-pasts un SMS", ["e-pasts", "un", "SMS"]),
        ("2-3 дня", ["2-3", "дня"]),
        ("до 14:00 сегодня", ["до", "14:00", "сегодня"]),
        ("līdz 2025-03-15.", ["līdz", "2025-03-15"]),
        ("by 15/03 at 9:30", ["by", "15/03", "at", "9:30"]),
        ("слово — слово", ["слово", "слово"]),
        ("Rīga–Tallina", ["Rīga", "Tallina"]),
        ("10–12 dienās", ["10–12", "dienās"]),
    ])
    func joinsHyphensTimesAndDates(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test(arguments: [
        ("14:00", Token.NumberShape.time), ("9:30", .time), ("25:00", .plain), ("15.03", .date),
        ("15.03.2025", .date), ("2025-03-15", .date), ("15/03", .date), ("3.5", .plain),
        ("12.50", .plain), ("2-3", .range), ("48", .plain), ("12345", .plain),
    ])
    func classifiesNumbers(form: String, shape: Token.NumberShape) {
        #expect(Token.NumberShape.of(form) == shape)
    }

    @Test func normalisesCaseYoApostrophesAndDashes() {
        let analysis = analyzer.analyze("ЁЛКА Don’t ＳＬＡ e‑pasts ĀBOLS")
        #expect(analysis.tokens.map(analysis.form(of:)) == ["елка", "don't", "sla", "e-pasts", "ābols"])
    }

    @Test(arguments: [
        ("Мы исправим, т.е. Сделаем всё заново. Это точно.", Language.ru, 2),
        ("Ждём вас в г. Москва. Спасибо.", .ru, 2),
        ("Piegāde notiks rīt plkst. 12:00. Paldies.", .lv, 2),
        ("Lūdzu, piem. Jānis var zvanīt. Paldies.", .lv, 2),
        ("Dokumenti u.c. Materiāli ir gatavi. Paldies.", .lv, 3),
        ("We can, e.g. Tomorrow, fix it. Thanks.", .en, 2),
        ("Dear Mr. Smith, we are sorry. It will be fixed.", .en, 2),
        ("Mums ir galdi, krēsli utt. un vēl daudz kas. Paldies.", .lv, 2),
        ("Nosūtīsim š.g. Martā, t.i. Pēc mēneša. Paldies.", .lv, 2),
        ("Задержка вышла, т.к. Курьер заболел. Простите.", .ru, 2),
        ("Мы работаем в г. Рига с 2010 г. и всё успеем. Спасибо.", .ru, 2),
    ])
    func sentencesDoNotEndAfterAbbreviations(text: String, language: Language, count: Int) {
        #expect(analyzer.analyze(text, language: language).sentences.count == count)
    }

    @Test func hardWrappedLinesStayOneSentenceAndBlankLinesSplitParagraphs() {
        let text = "Мы очень сожалеем о задержке\nи вернём деньги завтра.\n\nС уважением,\nИван"
        let analysis = analyzer.analyze(text)
        #expect(analysis.paragraphs.count == 2)
        #expect(analysis.sentences.count == 2)
        #expect(analysis.excerpt(analysis.sentences[0].range) == "Мы очень сожалеем о задержке\nи вернём деньги завтра.")
    }

    @Test func stemsByTheSentenceLanguage() {
        let analysis = analyzer.analyze("Договора и договору.\n\nAtvainojamies par kavēšanos.\n\nWe apologize for the delays.")
        let stems = Dictionary(analysis.tokens.map { (analysis.form(of: $0), analysis.stem(of: $0)) }, uniquingKeysWith: { first, _ in first })
        #expect(stems["договора"] == stems["договору"])
        #expect(stems["delays"] == "delay")
        #expect(analysis.paragraphs.map(\.language) == [.ru, .lv, .en])
    }
}

@Suite struct SnowballStemmerTests {
    @Test(arguments: [
        ("договор", "договора"), ("договор", "договору"), ("извинения", "извинений"),
        ("курьер", "курьера"), ("задержка", "задержки"),
    ])
    func russianFoldsCases(_ first: String, _ second: String) throws {
        let stemmer = try #require(SnowballStemmer(algorithm: "russian"))
        #expect(stemmer.stem(first) == stemmer.stem(second))
    }

    @Test(arguments: [("apology", "apologies"), ("delay", "delayed"), ("refund", "refunding"), ("fault", "faults")])
    func englishFoldsInflections(_ first: String, _ second: String) throws {
        let stemmer = try #require(SnowballStemmer(algorithm: "english"))
        #expect(stemmer.stem(first) == stemmer.stem(second))
    }

    /// Why lexicons write «простите» as an exact form: Snowball folds it with «простой».
    @Test func someUnrelatedWordsCollide() throws {
        let russian = try #require(SnowballStemmer(algorithm: "russian"))
        #expect(russian.stem("простите") == russian.stem("простой"))
        #expect(russian.stem("курьер") != russian.stem("курс"))
    }
}

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("Здравствуйте! Мы получили вашу жалобу.", Language.ru),
        ("Labdien! Mēs saņēmām Jūsu sūdzību.", .lv),
        ("Labdien, paldies par vestuli, mes to izskatisim", .lv),
        ("Hello, we have received your complaint.", .en),
        ("Thank you for your patience with SIA Baltic Web.", .en),
        ("Спасибо, что написали нам про Rīga Hotel.", .ru),
    ])
    func detectsTheLanguageOfAParagraph(text: String, language: Language) throws {
        #expect(try TextAnalyzer().analyze(text).paragraphs.first?.language == language)
    }

    @Test func eachParagraphGetsItsOwnLanguageAndShortOnesFollowTheDocument() throws {
        let text = "Labdien!\n\nMēs atvainojamies par kavēšanos un atgriezīsim naudu.\n\nOK\n\nWe are sorry for the delay and will refund you today."
        let analysis = try TextAnalyzer().analyze(text)
        #expect(analysis.paragraphs.map(\.language) == [.lv, .lv, .lv, .en])
    }

    @Test func forcedLanguageWins() throws {
        let analysis = try TextAnalyzer().analyze("Hello there, friend.", language: .lv)
        #expect(analysis.paragraphs.map(\.language) == [.lv])
        #expect(analysis.language == .lv)
    }

    /// A worker's vocabulary starts over when full; texts analysed before and after, and their
    /// lexicon matches, are what a fresh analyzer makes of them.
    @Test func aVocabularyThatStartsOverChangesNothing() throws {
        let texts = [
            "Извините за задержку, курьер привезёт заказ завтра до 14:00.",
            "Atvainojamies par kavēšanos! Rīt līdz plkst. 14:00 kurjers atvedīs pasūtījumu.",
            "Sorry for the delay: you should have read the FAQ. We will refund you by Friday.",
            "ВЫ САМИ ВИНОВАТЫ!!! Вам следовало прочитать условия договора.",
        ]
        let small = try TextAnalyzer(vocabularyLimit: 8)
        let linter = Linter()
        let early = linter.lint(texts[0], analyzer: small)
        for text in texts + texts {
            let fresh = linter.lint(text, analyzer: try TextAnalyzer())
            let reused = linter.lint(text, analyzer: small)
            #expect(reused.text.tokens.map(reused.text.form(of:)) == fresh.text.tokens.map(fresh.text.form(of:)))
            #expect(reused.text.tokens.map(reused.text.stem(of:)) == fresh.text.tokens.map(fresh.text.stem(of:)))
            #expect(reused.findings.map(\.rule) == fresh.findings.map(\.rule))
            #expect(reused.findings.map(\.range) == fresh.findings.map(\.range))
        }
        // Matched after the vocabulary started over, a text of the old generation still matches alike.
        let again = LexiconMatches(text: early.text, matched: .reply, library: .builtin, analyzer: small)
        let fresh = LexiconMatches(text: early.text, matched: .reply, library: .builtin, analyzer: try TextAnalyzer())
        #expect(again.hits(for: "missing-apology") == fresh.hits(for: "missing-apology"))
        #expect(!again.hits(for: "missing-apology").isEmpty)
    }
}
