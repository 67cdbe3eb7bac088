/// A finding placed in its file and given a severity: what reporters print.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// 1-based; columns count Unicode scalars from the start of the line.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// UTF-8 bytes into the original file.
    public var offset: Int
    public var length: Int
    public var excerpt: String
    public var suggestion: String?

    /// Whether the finding is about the whole document (a `missing-*` rule) rather than words.
    public var isDocumentLevel: Bool { length == 0 && offset == 0 && excerpt.isEmpty }

    public init(finding: Finding, severity: Severity, lines: LineIndex) {
        rule = finding.rule
        self.severity = severity
        message = finding.message
        suggestion = finding.suggestion
        let range = finding.range ?? 0..<0
        (line, column) = lines.position(of: range.lowerBound)
        (endLine, endColumn) = lines.position(of: range.upperBound)
        offset = range.lowerBound
        length = range.count
        excerpt = lines.text(range)
    }

    private enum CodingKeys: String, CodingKey {
        case rule, severity, message, line, column, endLine, endColumn, offset, length, excerpt, suggestion
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(endColumn, forKey: .endColumn)
        try container.encode(offset, forKey: .offset)
        try container.encode(length, forKey: .length)
        try container.encode(excerpt, forKey: .excerpt)
        // Always present, null when a rule has no rewrite, so readers see one shape.
        try container.encode(suggestion, forKey: .suggestion)
    }
}

/// Maps UTF-8 byte offsets to 1-based lines and columns (in Unicode scalars).
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count
        while low + 1 < high {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        let start = lineStarts[low]
        let scalars = bytes[start..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count
        return (low + 1, scalars + 1)
    }

    /// The text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
