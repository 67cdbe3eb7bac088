/// An example text with `⟦…⟧` marking the spans a finding must cover.
public struct ExampleText: Sendable, Hashable {
    /// The text without the marks.
    public var text: String
    /// The marked spans, in UTF-8 bytes of `text`.
    public var spans: [Range<Int>]

    public static let open: Character = "⟦"
    public static let close: Character = "⟧"

    public init(_ marked: String) {
        var text = ""
        var spans: [Range<Int>] = []
        var start: Int?
        for character in marked {
            switch character {
            case Self.open: start = text.utf8.count
            case Self.close:
                if let first = start { spans.append(first..<text.utf8.count) }
                start = nil
            default: text.append(character)
            }
        }
        self.text = text
        self.spans = spans
    }

    static func isWellFormed(_ marked: String) -> Bool {
        var open = false
        for character in marked {
            if character == Self.open { if open { return false }; open = true }
            if character == Self.close { if !open { return false }; open = false }
        }
        return !open
    }
}
