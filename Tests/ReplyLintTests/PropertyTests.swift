import Foundation
import PropertyBased
import Testing
@testable import ReplyLint

/// Replies put together from the fixtures' words and the lexicons' example sentences in all
/// three languages (so rules fire), mixed with what trips naive text handling: emoji and ZWJ
/// sequences, combining marks (also with nothing to combine with), right-to-left text and
/// marks, zero-width characters, CRLF, quotes, code spans and links.
enum GeneratedReply {
    static let words: [String] = {
        let fixtures = TestSupport.repositoryRoot.appendingPathComponent("fixtures")
        let files = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" } ?? []
        let words = files.flatMap { file in
            ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        }
        return Array(Set(words)).sorted()
    }()

    static let sentences: [String] = ((try? TestSupport.library().files) ?? [])
        .flatMap { $0.examples.triggering + $0.examples.nonTriggering }

    static let oddities = [
        "🙂", "👩‍💻", "🇱🇻", "👍🏽", "e\u{301}", "\u{301}", "\u{308}\u{308}", "ё", "Ā", "ž", "ß", "İ", "ﬁ", "𝐀",
        "שלום", "مرحبا", "\u{200F}", "\u{202E}", "\u{2067}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{AD}",
        "\r\n", "\r\n\r\n", "\r", "\n\n", "\t", "> ", "`", "```\n", "---\n", "http://example.com/a.", "[link](x) ", "!!!", "ЗАГЛАВНЫМИ ",
    ]

    static let separators = [" ", " ", " ", " ", ", ", ". ", "? ", "\n", "\r\n"]

    /// Up to about a hundred pieces: mostly words, some whole example sentences, some oddities.
    static let text = zip(Gen.int(in: 0...9), Gen.element(of: words), Gen.element(of: sentences),
                          Gen.element(of: oddities), Gen.element(of: separators))
        .map { roll, word, sentence, oddity, separator in
            let piece = roll < 6 ? word : roll < 8 ? sentence : oddity
            return (piece ?? "") + (separator ?? " ")
        }
        .array(of: 0...100)
        .map { $0.joined() }
}

@Suite struct PropertyTests {
    /// Line and column counted from the text's scalars, not its bytes as LineIndex does.
    static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = String(decoding: text.utf8.prefix(offset), as: UTF8.self).unicodeScalars
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, lines.last!.count + 1)
    }

    @Test func everySpanIsInsideTheTextAndAgreesWithItsPosition() async throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let analyzer = try TextAnalyzer()
        await propertyCheck(count: 60, input: GeneratedReply.text) { text in
            let bytes = Array(text.utf8)
            for path in ["reply.txt", "reply.md"] {
                for diagnostic in runner.lint(text, path: path, analyzer: analyzer).diagnostics where !diagnostic.isDocumentLevel {
                    let end = diagnostic.offset + diagnostic.length
                    try #require(diagnostic.offset >= 0 && diagnostic.length > 0 && end <= bytes.count, "\(diagnostic)")
                    #expect(Array(diagnostic.excerpt.utf8) == Array(bytes[diagnostic.offset..<end]), "\(diagnostic)")
                    let (line, column) = Self.position(of: diagnostic.offset, in: text)
                    let (endLine, endColumn) = Self.position(of: end, in: text)
                    #expect((diagnostic.line, diagnostic.column) == (line, column), "\(diagnostic)")
                    #expect((diagnostic.endLine, diagnostic.endColumn) == (endLine, endColumn), "\(diagnostic)")
                }
            }
        }
    }

    /// Lines long enough to cross many of LineIndex's checkpoints, with characters of one to
    /// four bytes: positions, line lengths and windows agree with counting from the start.
    @Test func lineIndexAgreesWithCountingScalars() async {
        let pieces = Gen.element(of: ["я", "a", "🙂", "ā", " ", "e\u{301}", "\n", "\r\n"]).array(of: 0...6_000)
        await propertyCheck(count: 20, input: pieces, Gen.int(in: 0...Int.max).array(of: 20)) { pieces, picks in
            let text = pieces.map { $0 ?? "" }.joined()
            let index = LineIndex(text)
            let starts = text.unicodeScalars.indices.map { text.utf8.distance(from: text.startIndex, to: $0) } + [text.utf8.count]
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            for pick in picks {
                let offset = starts[pick % starts.count]
                let position = index.position(of: offset)
                #expect(position == Self.position(of: offset, in: text))
                let line = Array(lines[position.line - 1].filter { $0 != "\r" })
                #expect(index.length(ofLine: position.line) == line.count)
                let columns = (position.column - 1)..<(position.column + pick % 300)
                let window = String(decoding: index.utf8(ofLine: position.line, columns: columns), as: UTF8.self)
                #expect(Array(window.unicodeScalars) == Array(line[min(columns.lowerBound, line.count)..<min(columns.upperBound, line.count)]))
            }
            // A cursor, given offsets in text order as findings come (and some out of it), places
            // each where the index does.
            var cursor = LineCursor(index)
            for offset in picks.map({ starts[$0 % starts.count] }).sorted() + picks.prefix(3).map({ starts[$0 % starts.count] }) {
                let position = cursor.position(of: offset)
                #expect(position == index.position(of: offset))
                #expect(cursor.length(ofLine: position.line) == index.length(ofLine: position.line))
            }
        }
    }

    /// Every file of the fixtures, of every format.
    static var fixtureFiles: [URL] {
        let fixtures = FileManager.default.enumerator(at: TestSupport.repositoryRoot.appendingPathComponent("fixtures"),
                                                      includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return fixtures.filter { $0.pathExtension != "" }
    }

    /// Calls `expect` with `count` texts made of `pieces` (up to 60 each), 100 generated replies
    /// and every fixture, each with what names it in a failure: the texts every fast path is
    /// checked against ICU on.
    static func forEveryKindOfText(pieces: [[UInt8]], count: Int,
                                   _ expect: @escaping ([UInt8], () -> String) -> Void) async throws {
        // ICU's first break of a dictionary script in a process ("ー中") can differ from every
        // later one: the texts are compared after one.
        let warm = try Breaker(.word)
        Array("ー中 カ ก".utf8).withUnsafeBufferPointer { warm.forEachSegment(in: $0) { _ in } }
        await propertyCheck(count: count, input: Gen.element(of: pieces).array(of: 0...60)) { pieces in
            let bytes = pieces.flatMap { $0 ?? [] }
            expect(bytes) { "\(bytes)" }
        }
        await propertyCheck(count: 100, input: GeneratedReply.text) { text in
            expect(Array(text.utf8)) { text }
        }
        for file in fixtureFiles {
            expect(Array(try Data(contentsOf: file))) { file.path }
        }
    }

    /// Segments from a sentence breaker over `bytes`: each segment's end, after checking that
    /// segments follow one another from the start.
    static func sentenceEnds(_ breaker: Breaker, _ bytes: [UInt8]) -> [Int] {
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { utf8 in
            breaker.forEachSegment(in: utf8) { segment in
                #expect(segment.start == (ends.last ?? 0))
                ends.append(segment.end)
            }
        }
        return ends
    }

    /// Characters of every class ICU's sentence rules tell apart (UAX #29): lower and upper
    /// case, other letters, full stops, other terminators, closing marks, spaces, separators,
    /// CR and LF, digits, continuations, format and extending marks; and ill-formed bytes.
    static let sentenceClassPieces: [[UInt8]] = [
        "a", "x", "Q", "ж", "Ж", "ā", "あ", "𝐀", "1", "٣", ".", ".", "․", "．", "!", "?", "‼", "。", "։", "…",
        " ", " ", " ", "\u{A0}", "\t", "\"", "'", ")", "(", "«", "»", "“", "”", ",", ";", ":", "-",
        "\u{2029}", "\u{85}", "\r", "\n", "\u{AD}", "\u{301}", "\u{200B}", "\u{2060}",
    ].map { Array($0.utf8) } + [[0xFF], [0xD0], [0xE2, 0x80], [0x80]]

    /// The sentence breaker runs ICU only in windows around terminators, reading line breaks
    /// as spaces; its breaks are the breaks ICU finds running over every byte of the text with
    /// spaces for line breaks: on text dense with every class of character and with ill-formed
    /// bytes, on generated replies, and on the fixtures.
    @Test func windowedSentenceBreaksAreICUs() async throws {
        let windowed = try Breaker(.sentence), everywhere = try Breaker(.sentenceEverywhere)
        try await Self.forEveryKindOfText(pieces: Self.sentenceClassPieces, count: 3_000) { bytes, comment in
            let unwrapped = bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            #expect(Self.sentenceEnds(windowed, bytes) == Self.sentenceEnds(everywhere, unwrapped), "\(comment())")
        }
    }

    /// Expects the segments of the word breaker that leaves out white space (`skipping`) to be
    /// those of ICU over every byte (`every`) but the ones of ASCII white space only: the same
    /// offsets and rule statuses.
    static func expectSameWordSegments(_ skipping: Breaker, _ every: Breaker, _ bytes: [UInt8], _ comment: @autoclosure () -> String) {
        func segments(_ breaker: Breaker) -> [[Int]] {
            var found: [[Int]] = []
            bytes.withUnsafeBufferPointer { utf8 in
                breaker.forEachSegment(in: utf8) { found.append([$0.start, $0.end, Int($0.status)]) }
            }
            return found
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        let expected = segments(every).filter { $0[2] != 0 || !bytes[$0[0]..<$0[1]].allSatisfy(isSpace) }
        #expect(segments(skipping) == expected, "\(comment())")
    }

    /// Characters of every class ICU's word rules tell apart (UAX #29), and of those that the
    /// windowed word breaker leaves to ICU: letters of each script it breaks itself and others,
    /// apostrophes, full stops and colons, other punctuation, digits, connectors, extending,
    /// format and joining marks, emoji, regional indicators, Hebrew and its quotes, kana,
    /// ideographs, spaces of every kind, line breaks, controls; and ill-formed bytes.
    static let wordClassPieces: [[UInt8]] = [
        "a", "Z", "ж", "Ё", "ā", "ß", "ʼ", "ا", "1", "٣", "'", "’", "‘", ".", ":", "·", "․", ",", ";", "-", "«", "»", "@",
        "\"", "(", "!", "?", "/", "_", "‿", "\u{301}", "\u{AD}", "\u{200B}", "\u{200D}", "\u{2060}", "🙂", "©", "🇱",
        "ש", "״", "カ", "ー", "中", "ก", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}",
        "\u{A0}", "\u{2002}", "\u{3000}", "\u{2028}", "\u{0}", "\u{7F}", "\u{9F}",
    ].map { Array($0.utf8) } + [[0xFF], [0xD0], [0xE2, 0x80], [0x80], [0xC0, 0xAF]]

    /// The word breaker that leaves out white space, and breaks plain words without ICU, gives
    /// ICU's word segments but those of ASCII white space only, with the same offsets and rule
    /// statuses: on text dense with every class of character, spaces of every kind and
    /// ill-formed bytes, on generated replies, and on the fixtures.
    @Test func wordBreaksWithoutSpacesAreICUs() async throws {
        let skipping = try Breaker(.wordSkippingSpaces), every = try Breaker(.word)
        try await Self.forEveryKindOfText(pieces: Self.wordClassPieces, count: 10_000) { bytes, comment in
            Self.expectSameWordSegments(skipping, every, bytes, comment())
        }
    }

    /// Tokenizing chunk by chunk, each chunk broken once per worker and copied after that,
    /// gives the tokens (ranges, kinds, casings, words) of breaking each text whole: on text
    /// dense with every class of character, with and without what joins white space at a
    /// chunk's edge (marks, joiners, non-ASCII spaces), on generated replies and on the
    /// fixtures, each analysed twice so that the second time its chunks are copied.
    @Test func chunkedTokensAreTheWholeTextsTokens() async throws {
        let chunked = try TextAnalyzer(vocabularyLimit: 500_000), whole = try TextAnalyzer(vocabularyLimit: 500_000, keepsChunks: false)
        let edgeJoiners: [[UInt8]] = ["\u{301}", "\u{AD}", "\u{200D}", "\u{2060}", "\u{2002}", "\u{3000}"].map { Array($0.utf8) }
        for pieces in [Self.wordClassPieces, Self.wordClassPieces.filter { !edgeJoiners.contains($0) }] {
            try await Self.forEveryKindOfText(pieces: pieces, count: 3_000) { bytes, comment in
                let utf8 = Array(String(decoding: bytes, as: UTF8.self).utf8)
                let expected = whole.analyze(utf8: utf8)
                for _ in 0..<2 {
                    let found = chunked.analyze(utf8: utf8)
                    #expect(found.tokens == expected.tokens, "\(comment())")
                    #expect(found.words.map(\.form) == expected.words.map(\.form), "\(comment())")
                }
            }
        }
    }

    /// Every code point the windowed word breaker classes from its table (below U+0800), between
    /// letters of each script, digits, apostrophes, full stops, spaces and itself: its segments
    /// are ICU's. ICU's rules differ from the Unicode property for some ('@' is a letter to them).
    @Test func everyTabledCodePointBreaksAsICUBreaksIt() throws {
        let skipping = try Breaker(.wordSkippingSpaces), every = try Breaker(.word)
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(Character(scalar))
            for text in ["ab\(c)cd", "\(c)ab", "ab\(c)", "a\(c)\(c)b", " \(c) ", "\(c)", "ж\(c)ж", "ā\(c) x", "x \(c)\(c) y",
                         "a.\(c)", "\(c).a", "a'\(c)", "\(c)'a", "a\(c)'b", "1\(c)2", "a\(c)1"] {
                Self.expectSameWordSegments(skipping, every, Array(text.utf8), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    /// The in-place UTF-8 check agrees with the standard library's, and names the byte where
    /// the standard library's decoder first fails: on valid text with bytes changed, cut off or
    /// put in (overlong forms, surrogates, values past U+10FFFF, stray continuation bytes).
    @Test func utf8CheckAgreesWithTheStandardLibrary() async {
        let pieces = Gen.element(of: ["a", "я", "🙂", "ā", "€", " ", "\n"]).array(of: 0...40)
        let damage = Gen.element(of: [[], [0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                      [0xF8], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x99], [0xC3]] as [[UInt8]])
        await propertyCheck(count: 300, input: pieces, damage, Gen.int(in: 0...Int.max)) { pieces, damage, position in
            var bytes = Array(pieces.map { $0 ?? "" }.joined().utf8)
            bytes.insert(contentsOf: damage ?? [], at: position % (bytes.count + 1))
            var decoder = UTF8(), iterator = bytes.makeIterator(), offset = 0, expected: Int?
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break decoding
                case .error: expected = offset; break decoding
                }
            }
            #expect(UTF8Check.firstInvalidByte(bytes) == expected)
            #expect(UTF8Check.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
        }
    }

    /// The byte search finds what a plain scan finds, from whichever byte of the needle it jumps
    /// between, on text of a few bytes where needles often occur, overlap and run off the end.
    @Test func byteSearchFindsWhatAScanFinds() async {
        let bytes = Gen.element(of: Array("ab:.".utf8)).array(of: 0...40)
        let needles = Gen.element(of: Array("ab:.".utf8)).array(of: 1...4)
        await propertyCheck(count: 500, input: bytes, needles, Gen.int(in: 0...50), Gen.int(in: 0...3)) { haystack, needle, start, anchor in
            let haystack = haystack.compactMap { $0 }, needle = needle.compactMap { $0 }
            guard !needle.isEmpty else { return }
            let anchor = anchor % needle.count
            let expected = start + needle.count > haystack.count ? nil
                : (start...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
            #expect(haystack.firstOffset(of: needle, from: start, anchor: anchor) == expected,
                    "\(haystack) \(needle) from \(start), anchor \(anchor)")
        }
    }

    /// The same files give the same findings per file, whatever their order and however many
    /// threads lint them: LintRunner's workers against one analyzer on this thread.
    @Test func findingsDependOnNeitherFileOrderNorThreads() async throws {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let analyzer = try TextAnalyzer()
        let replies = GeneratedReply.text.array(of: 2...4)
        await propertyCheck(count: 10, input: replies, Gen.int(in: 0...1000).array(of: 4)) { texts, priorities in
            let files = Dictionary(uniqueKeysWithValues: texts.enumerated().map { ("r\($0)." + ($0 % 2 == 0 ? "txt" : "md"), $1) })
            let directory = try CLI.directory(files)
            defer { try? FileManager.default.removeItem(at: directory) }
            let sources = files.keys.sorted().map { Source.file(directory.appendingPathComponent($0).path) }
            let shuffled = sources.indices.sorted { (priorities[$0], $0) < (priorities[$1], $1) }.map { sources[$0] }
            func byPath(_ report: LintReport) -> [String: [Diagnostic]] {
                Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.diagnostics) })
            }
            let inOrder = byPath(runner.run(sources))
            #expect(byPath(runner.run(sources)) == inOrder)
            #expect(byPath(runner.run(shuffled)) == inOrder)
            let oneThread = files.map { name, text in
                let path = directory.appendingPathComponent(name).path
                return (path, runner.lint(text, path: path, analyzer: analyzer).diagnostics)
            }
            #expect(Dictionary(uniqueKeysWithValues: oneThread) == inOrder)
        }
    }
}
