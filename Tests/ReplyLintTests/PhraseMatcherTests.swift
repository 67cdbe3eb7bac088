import Testing
@testable import ReplyLint

/// The pattern language of docs/lexicons.md, on a one-rule lexicon per case.
@Suite struct PhraseMatcherTests {
    private func spans(_ patterns: [String], unless: [String] = [], fileUnless: [String] = [],
                       classes: [LexiconClass] = [], in text: String, language: Language = .ru) throws -> [String] {
        let file = LexiconFile(path: "test.yml", language: language, rule: "blame-shifting", message: "m",
                               classes: classes, unless: fileUnless.map { LinedText($0, line: 1) },
                               entries: [LexiconEntry(line: 1, patterns: patterns, unless: unless)])
        let linter = Linter(library: try LexiconLibrary(files: [file]), rules: [BlameShiftingRule()])
        let result = linter.lint(text, language: language, analyzer: try TextAnalyzer())
        return result.findings.compactMap { $0.range.map(result.text.excerpt) }
    }

    @Test func stemmedWordsMatchInflectedForms() throws {
        #expect(try spans(["нарушение договора"], in: "Это нарушение договору и нарушения договоров.") == ["нарушение договору", "нарушения договоров"])
    }

    @Test func punctuationBetweenWordsIsSkipped() throws {
        #expect(try spans(["=извините =если"], in: "Извините, если что-то не так.") == ["Извините, если"])
    }

    @Test func prefixesExactFormsAndAlternatives() throws {
        #expect(try spans(["извин*"], in: "Извиняемся и приносим извинения.") == ["Извиняемся", "извинения"])
        #expect(try spans(["=вам"], in: "Вам и вами.") == ["Вам"])
        #expect(try spans(["(=вы|=вам) не? (указали|сообщили)"], in: "Вы не указали, а вам сообщили.") == ["Вы не указали", "вам сообщили"])
    }

    @Test func gapsAreBounded() throws {
        let pattern = ["=вам следовало {0,2} прочитать"]
        #expect(try spans(pattern, in: "Вам следовало прочитать.") == ["Вам следовало прочитать"])
        #expect(try spans(pattern, in: "Вам следовало бы внимательно прочитать.") == ["Вам следовало бы внимательно прочитать"])
        #expect(try spans(pattern, in: "Вам следовало бы очень внимательно прочитать.").isEmpty)
    }

    @Test func longestOverlappingMatchIsReportedOnce() throws {
        #expect(try spans(["=вам следовало", "=вам следовало прочитать"], in: "Вам следовало прочитать договор.") == ["Вам следовало прочитать"])
    }

    @Test func matchesStayInsideOneSentence() throws {
        #expect(try spans(["=вам следовало"], in: "Спасибо вам. Следовало бы раньше.").isEmpty)
    }

    @Test func unlessCancelsOverlappingMatchesOnly() throws {
        let blame = ["(ваша|твоя) вина"]
        #expect(try spans(blame, unless: ["не (ваша|твоя) вина"], in: "Это не ваша вина. А это ваша вина.") == ["ваша вина"])
        #expect(try spans(blame, fileUnless: ["=не {0,1} вина"], in: "Это не ваша вина.").isEmpty)
    }

    @Test func classesAndBuiltins() throws {
        let month = LexiconClass(name: "month", line: 1, members: ["март", "апрел*"])
        #expect(try spans(["до @number @month"], classes: [month], in: "Сделаем до 15 марта или до 2 апреля.") == ["до 15 марта", "до 2 апреля"])
        #expect(try spans(["до @time"], in: "Сделаем до 18:00, не до 18.") == ["до 18:00"])
        #expect(try spans(["@date"], in: "Срок 15.03.2025, заказ 12345.") == ["15.03.2025"])
    }

    @Test func multiWordGroupsMatchEachAlternative() throws {
        let pattern = ["(=it =is|=it's) =not (=our|=my) =fault"]
        #expect(try spans(pattern, in: "It is not our fault. It's not my fault.", language: .en) == ["It is not our fault", "It's not my fault"])
    }

    /// The automaton's steps are worked out once and looked up after that: matching with steps
    /// already taken, and with an automaton that starts over after every new step (keeping the
    /// state it is in), finds the same matches in the same order as matching afresh, on every
    /// fixture.
    @Test func matchesDependNotOnTheStepsAlreadyTaken() throws {
        let library = try TestSupport.library(), analyzer = try TextAnalyzer()
        for file in PropertyTests.fixtureFiles where file.pathExtension == "txt" {
            let text = analyzer.analyze(try String(contentsOf: file, encoding: .utf8))
            func matches(_ memos: inout PerLanguage<MatchMemo?>, limit: Int) -> [PhraseMatcher.Match] {
                var found: [PhraseMatcher.Match] = []
                for (index, sentence) in text.sentences.enumerated() {
                    let matcher = library.matcher(for: sentence.language, over: .reply, analyzer: analyzer)
                    if memos[sentence.language] == nil { memos[sentence.language] = MatchMemo(matcher, limit: limit) }
                    matcher.matches(in: text, sentence: index, memo: &memos[sentence.language]!, into: &found)
                }
                return found
            }
            var warm = PerLanguage<MatchMemo?>(ru: nil, lv: nil, en: nil)
            var startingOver = warm
            let first = matches(&warm, limit: 1 << 20)
            #expect(!first.isEmpty, "\(file.path)")
            #expect(matches(&warm, limit: 1 << 20) == first, "\(file.path)")
            #expect(matches(&startingOver, limit: 0) == first, "\(file.path)")
        }
    }

    @Test func englishApostrophesMatchEitherForm() throws {
        #expect(try spans(["you =didn't"], in: "You didn’t say. You didn't ask.", language: .en) == ["You didn’t", "You didn't"])
    }
}

@Suite struct PatternParserTests {
    @Test(arguments: [
        "{0,2} вам", "вам {0,2}", "вам {0,9} прочитать", "(вам|вы", "вам*вы", "=", "@", "вам {2,1} вы",
        "a? b? c? d? e? f", "a?", "вам {0,1} {0,1} вы", "(a||b)", "=hotfix*", "(a|b?)",
    ])
    func rejectsMalformedPatterns(_ pattern: String) {
        #expect(throws: PatternSyntaxError.self) { try PatternParser.parse(pattern) }
    }

    @Test func expandsMultiWordGroups() throws {
        #expect(try PatternParser.expandGroups("(it is|it's) not (our|my) (fault|own fault)?").map { $0.split(separator: " ").joined(separator: " ") } == [
            "it is not (our|my) fault", "it's not (our|my) fault", "it is not (our|my) own fault",
            "it's not (our|my) own fault", "it is not (our|my)", "it's not (our|my)",
        ])
        #expect(throws: PatternSyntaxError.self) { try PatternParser.variants("(a b|(c d)) e") }
        #expect(throws: PatternSyntaxError.self) { try PatternParser.variants("(a b|) e") }
    }

    @Test func expandsOptionalItemsAndMovesTheirGaps() throws {
        let variants = PatternParser.expandOptionals(try PatternParser.parse("a {0,1} b? {1,2} c"))
        #expect(variants.count == 2)
        #expect(variants.map { $0.map(\.gap) } == [[0...0, 0...1, 1...2], [0...0, 1...3]])
    }
}

@Suite struct LexiconLoaderTests {
    private func errors(_ yaml: String) -> [LexiconError] {
        do {
            _ = try LexiconLoader.parse(yaml, path: "lexicons/ru/jargon.yml", language: .ru, rule: "jargon")
            return []
        } catch let error as LexiconErrors {
            return error.errors
        } catch {
            return [LexiconError(path: "?", message: "\(error)")]
        }
    }

    @Test func readsAWellFormedFile() throws {
        let file = try LexiconLoader.parse("""
        message: "Жаргон"
        classes:
          slang: [деплой, =тикет]
        unless: ["=pdf"]
        messages:
          acronym: "Аббревиатура «{term}»"
        entries:
          - match: "@slang"
            example: "⟦Деплой⟧ завтра."
          - match: ["пофиксить", "пофиксим"]
            suggest: "исправить"
        examples:
          triggering: ["⟦Тикет⟧ создан."]
          non-triggering: ["Всё готово."]
        """, path: "x.yml", language: .ru, rule: "jargon")
        #expect(file.entries.count == 2)
        #expect(file.entries[1].line == 10)
        #expect(file.entries[1].patterns == ["пофиксить", "пофиксим"])
        #expect(file.classes.first?.members == ["деплой", "=тикет"])
        #expect(file.messages["acronym"] == "Аббревиатура «{term}»")
        #expect(file.examples.nonTriggering == ["Всё готово."])
    }

    @Test func malformedYAMLNamesTheFileAndLine() {
        let found = errors("entries:\n  - match: \"деплой\n  - match: x\n")
        #expect(found.count == 1)
        #expect(found.first?.path == "lexicons/ru/jargon.yml")
        #expect(found.first?.line != nil)
        #expect(found.first?.description.hasPrefix("lexicons/ru/jargon.yml:") == true)
    }

    @Test func everyProblemIsReportedWithItsEntry() {
        let found = errors("""
        message: "m"
        entries:
          - match: "деплой"
          - match: "(вам|вы"
          - mach: "x"
          - match: "@nope"
            example: "⟦open"
        colour: red
        """)
        #expect(found.count == 6)
        #expect(found.contains { $0.line == 4 && $0.message.contains("unclosed") })
        #expect(found.contains { $0.line == 5 && $0.message.contains("unknown entry key 'mach'") })
        #expect(found.contains { $0.line == 8 && $0.message.contains("unknown key 'colour'") })
        #expect(found.contains { $0.entry == 4 && $0.message.contains("unknown class '@nope'") })
        #expect(found.contains { $0.entry == 4 && $0.message.contains("unbalanced") })
    }

    @Test func wrongTypesAreErrors() {
        #expect(errors("entries: \"x\"").first?.message.contains("must be a list") == true)
        #expect(errors("- a\n- b").first?.message.contains("mapping") == true)
        #expect(errors("entries:\n  - match: [1, {a: b}]").contains { $0.message.contains("non-empty string") })
    }

    /// A reply is matched against the lexicons of the rules that read the reply, a complaint
    /// against those of the rule that compares it with the reply, in every language.
    @Test(arguments: [
        ("The zipper broke and the refund is late. Sorry for the wait.", Language.en),
        ("Молния сломалась, а возврат задерживается. Извините за ожидание.", Language.ru),
        ("Rāvējslēdzējs salūza, bet atmaksa kavējas. Atvainojiet par gaidīšanu.", Language.lv),
    ])
    func eachTextIsMatchedAgainstTheLexiconsReadFromIt(text: String, language: Language) throws {
        let analyzer = try TextAnalyzer()
        let analysis = analyzer.analyze(text, language: language)
        let reply = LexiconMatches(text: analysis, matched: .reply, library: .builtin, analyzer: analyzer)
        let complaint = LexiconMatches(text: analysis, matched: .complaint, library: .builtin, analyzer: analyzer)
        #expect(!reply.hits(for: "missing-apology").isEmpty)
        #expect(complaint.hits(for: "missing-apology").isEmpty)
        #expect(!complaint.hits(for: "complaint-not-addressed").isEmpty)
        #expect(reply.hits(for: "complaint-not-addressed").isEmpty)
    }
}
