import Testing
@testable import ReplyLint

@Suite struct OffsetMapTests {
    @Test func copiedTextNeedsNoAnchorsAndDecodedPiecesMapToTheirSource() {
        // "a&amp;b" → "a&b": offset 2 ("b") is at 6 in the source.
        let source = MappedText(original: Array("a&amp;b".utf8))
        var builder = MappedTextBuilder(source: source)
        builder.copy(0..<1)
        builder.append("&", for: 1..<6)
        builder.copy(6..<7)
        let decoded = builder.finish(end: 7)
        #expect(decoded.string == "a&b")
        #expect([0, 1, 2, 3].map(decoded.map.original) == [0, 1, 6, 7])
        #expect(decoded.map.anchors.count == 2)
    }

    @Test func stagesComposeStraightToTheOriginal() {
        // Stage one drops "xx" at 2..<4; stage two copies across that seam and decodes "=41".
        let original = MappedText(original: Array("ab xx cd=41e".utf8))
        var first = MappedTextBuilder(source: original)
        first.copy(0..<3)
        first.copy(5..<12)
        let stageOne = first.finish(end: 12)
        #expect(stageOne.string == "ab  cd=41e")
        var second = MappedTextBuilder(source: stageOne)
        second.copy(0..<6)
        second.append([UInt8(ascii: "A")], for: 6..<9)
        second.copy(9..<10)
        let stageTwo = second.finish(end: 10)
        #expect(stageTwo.string == "ab  cdAe")
        // "c" at 4, "A" at 6, "e" at 7, the end at 8.
        #expect([0, 3, 4, 6, 7, 8].map(stageTwo.map.original) == [0, 5, 6, 8, 11, 12])
    }

    @Test func theIdentityMapsEveryOffsetToItself() {
        #expect((0..<5).map(OffsetMap.identity.original) == Array(0..<5))
    }
}
