/// Where a long text is cut so that it can be analysed a piece at a time: at paragraph breaks
/// (a blank line), which no sentence, pattern or paragraph language crosses, so each piece
/// is read as it is in the whole text. A paragraph longer than two pieces is cut at a line
/// break, else at a space, else between characters: only there can a sentence be split.
enum ProsePieces {
    /// Pieces of about `size` bytes (at least `size`, at most twice it) covering `utf8`.
    static func ranges(of utf8: UnsafeBufferPointer<UInt8>, size: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while utf8.count - start > 2 * size {
            let end = cut(utf8, in: (start + size)..<(start + 2 * size))
            ranges.append(start..<end)
            start = end
        }
        if start < utf8.count || ranges.isEmpty { ranges.append(start..<utf8.count) }
        return ranges
    }

    /// The best place in `window` to end a piece.
    private static func cut(_ utf8: UnsafeBufferPointer<UInt8>, in window: Range<Int>) -> Int {
        let newline = UInt8(ascii: "\n")
        var lineBreak: Int?, space: Int?
        var index = window.lowerBound
        while index < window.upperBound {
            switch utf8[index] {
            case newline:
                // The start of a blank line: the next piece begins with the paragraph break.
                var next = index + 1
                while next < utf8.count, utf8[next] == 0x20 || utf8[next] == 0x09 || utf8[next] == 0x0D { next += 1 }
                if next == utf8.count || utf8[next] == newline { return index + 1 }
                lineBreak = lineBreak ?? index + 1
            case 0x20, 0x09:
                space = space ?? index + 1
            default:
                break
            }
            index += 1
        }
        if let lineBreak { return lineBreak }
        if let space { return space }
        // Not inside a character: back up over UTF-8 continuation bytes.
        var end = window.lowerBound
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
