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
    /// The prose that matched: decoded (entities, escapes, charsets), so it may differ from
    /// the file's bytes at `offset`.
    public var excerpt: String
    public var suggestion: String?
    /// The template a finding is in, when the file is a template library.
    public var template: String?

    /// Whether the finding is about the whole file (a `missing-*` rule) rather than words. In a
    /// template library such a finding is about one template and placed at its start instead.
    public var isDocumentLevel: Bool { length == 0 && offset == 0 && excerpt.isEmpty }

    /// Places `finding`, made in text linted as the file has it (no decoding), in that file.
    public init(finding: Finding, severity: Severity, lines: LineIndex) {
        self.init(finding: finding, severity: severity, unit: Document.Unit(text: lines.text), lines: lines)
    }

    /// Places `finding`, made in `unit`'s prose, in the original file that `lines` indexes.
    public init(finding: Finding, severity: Severity, unit: Document.Unit, lines: LineIndex) {
        rule = finding.rule
        self.severity = severity
        message = finding.message
        suggestion = finding.suggestion
        template = unit.template
        if let range = finding.range {
            offset = unit.map.original(range.lowerBound)
            length = unit.map.original(range.upperBound) - offset
            if unit.map == .identity {
                // Blanked in place: the file's own bytes, as written (blanked code, a zero-width space).
                excerpt = lines.text(offset..<(offset + length))
            } else {
                // Decoded (entities, quoted-printable, another charset): the words as the client reads them.
                let utf8 = unit.prose.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                excerpt = String(unit.prose[start..<utf8.index(start, offsetBy: range.count)])
            }
        } else {
            offset = unit.start
            length = 0
            excerpt = ""
        }
        (line, column) = lines.position(of: offset)
        (endLine, endColumn) = lines.position(of: offset + length)
    }

    private enum CodingKeys: String, CodingKey {
        case rule, severity, message, line, column, endLine, endColumn, offset, length, excerpt, suggestion, template
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
        try container.encodeIfPresent(template, forKey: .template)
    }
}

/// Maps byte offsets to 1-based lines and columns (in Unicode scalars, or in bytes for a
/// file that is not UTF-8: an email written in a single-byte charset).
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private let isUTF8: Bool

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// The text indexed.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of a byte range of the file.
    public func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
        isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    }

    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count
        while low + 1 < high {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        let start = lineStarts[low]
        let line = bytes[start..<min(offset, bytes.count)]
        let scalars = isUTF8 ? line.filter { $0 & 0xC0 != 0x80 }.count : line.count
        return (low + 1, scalars + 1)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
