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
    /// The part of its first line a report shows; nil for a finding about the whole file.
    /// Kept instead of the file's text, so a run's memory does not grow with its files.
    public var window: LineWindow?

    /// Whether the finding is about the whole file (a `missing-*` rule) rather than words. In a
    /// template library such a finding is about one template and placed at its start instead.
    public var isDocumentLevel: Bool { Self.isDocumentLevel(offset: offset, length: length, excerpt: excerpt) }

    private static func isDocumentLevel(offset: Int, length: Int, excerpt: String) -> Bool {
        length == 0 && offset == 0 && excerpt.isEmpty
    }

    /// Places `finding`, made in text linted as the file has it (no decoding), in that file.
    public init(finding: Finding, severity: Severity, lines: LineIndex) {
        var cursor = LineCursor(lines)
        self.init(finding: finding, message: finding.message, severity: severity, unit: Document.Unit(bytes: lines.bytes),
                  cursor: &cursor)
    }

    /// Places `finding`, made in `unit`'s prose, in the original file that `lines` indexes.
    public init(finding: Finding, severity: Severity, unit: Document.Unit, lines: LineIndex) {
        var cursor = LineCursor(lines)
        self.init(finding: finding, message: finding.message, severity: severity, unit: unit, cursor: &cursor)
    }

    /// Places `finding`, given `message` (its own, or the same in the language messages are
    /// shown in), with `cursor`, which has placed the findings before it in the file. The
    /// finding is borrowed, not copied, and every field is worked out before any is stored:
    /// reading one of `self`'s computed properties here would copy the half-made value with
    /// its strings.
    init(finding: borrowing Finding, message: String, severity: Severity, unit: Document.Unit, cursor: inout LineCursor) {
        let offset: Int, length: Int, excerpt: String
        if let range = finding.range {
            offset = unit.map.original(range.lowerBound)
            length = unit.map.original(range.upperBound) - offset
            if unit.map == .identity {
                // Blanked in place: the file's own bytes, as written (blanked code, a zero-width space).
                excerpt = cursor.lines.text(offset..<(offset + length))
            } else {
                // Decoded (entities, quoted-printable, another charset): the words as the client reads them.
                excerpt = String(decoding: unit.bytes[range], as: UTF8.self)
            }
        } else {
            (offset, length, excerpt) = (unit.start, 0, "")
        }
        let (line, column) = cursor.position(of: offset)
        let (endLine, endColumn) = cursor.lines.position(of: offset + length, after: offset, at: (line, column))
        let window = Self.isDocumentLevel(offset: offset, length: length, excerpt: excerpt) ? nil
            : LineWindow(line: line, column: column, endLine: endLine, endColumn: endColumn, lineLength: cursor.length(ofLine: line),
                         in: cursor.lines)
        rule = finding.rule
        self.severity = severity
        self.message = message
        suggestion = finding.suggestion
        template = unit.template
        (self.offset, self.length, self.excerpt) = (offset, length, excerpt)
        (self.line, self.column, self.endLine, self.endColumn) = (line, column, endLine, endColumn)
        self.window = window
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

/// The part of a diagnostic's first line that a report shows: its span with up to `context`
/// scalars either side, read without the rest of a line that can be megabytes long.
public struct LineWindow: Sendable, Hashable {
    /// The 0-based scalar columns of the line that `text` holds.
    public var columns: Range<Int>
    /// The bytes of `text`, kept as the file has them: only the text report shows them, so the
    /// other reports never pay for making them a `String`.
    public var utf8: [UInt8]
    /// How many scalars the whole line has, without its line break.
    public var lineLength: Int

    public static let context = 80

    /// The window as a `String`, made anew at each use.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The window of a span from `line`:`column` to `endLine`:`endColumn` (1-based) on a line of
    /// `lineLength` scalars. Given the positions, not the diagnostic being made, which would be
    /// copied with all its strings.
    init(line: Int, column: Int, endLine: Int, endColumn: Int, lineLength: Int, in lines: LineIndex) {
        self.lineLength = lineLength
        let lastColumn = endLine == line ? endColumn : lineLength + 1
        columns = max(0, column - 1 - Self.context)..<min(lineLength, lastColumn - 1 + Self.context)
        utf8 = Array(lines.utf8(ofLine: line, columns: columns, lineLength: lineLength))
    }
}

/// Places a file's findings in turn. They come in text order, many to a line, so it keeps the
/// last position it gave and the length of its line: a finding's column is counted from the
/// finding before it on the same line, not from the start of a line that may be long.
struct LineCursor {
    let lines: LineIndex
    private var last: (offset: Int, line: Int, column: Int)?
    private var lineLength: (line: Int, length: Int)?

    init(_ lines: LineIndex) { self.lines = lines }

    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        let position = if let last, last.offset <= offset {
            lines.position(of: offset, after: last.offset, at: (last.line, last.column))
        } else {
            lines.position(of: offset)
        }
        last = (offset, position.line, position.column)
        return position
    }

    /// How many scalars a 1-based line has, without its line break.
    mutating func length(ofLine line: Int) -> Int {
        if let lineLength, lineLength.line == line { return lineLength.length }
        let length = lines.length(ofLine: line)
        lineLength = (line, length)
        return length
    }
}

/// Maps byte offsets to 1-based lines and columns (in Unicode scalars, or in bytes for a
/// file that is not UTF-8: an email written in a single-byte charset).
public struct LineIndex: Sendable {
    let bytes: [UInt8]
    private let lineStarts: [Int]
    private let isUTF8: Bool
    /// The scalars before every `checkpointStride`-th byte: a column on a long line (a 5 MB
    /// line with a finding every sentence) is counted from the checkpoint before it, not from
    /// the start of the line, so placing every finding stays linear in the file's size. Empty
    /// when no line is longer than a stride: every count then stays within one line.
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 4096

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// The text of a byte range of the file.
    public func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Indexes `bytes`; `isUTF8` says whether they are UTF-8, when the caller has checked.
    public init(bytes: [UInt8], isUTF8: Bool? = nil) {
        self.bytes = bytes
        var starts = [0], longestLine = 0
        // Room for a reply's lines at once: grown from one, the array would be copied five times.
        starts.reserveCapacity(32)
        let newline: [UInt8] = [0x0A]
        while let found = bytes.firstOffset(of: newline, from: starts.last!) {
            longestLine = max(longestLine, found + 1 - starts.last!)
            starts.append(found + 1)
        }
        longestLine = max(longestLine, bytes.count - starts.last!)
        var checkpoints: [Int] = []
        if longestLine > Self.checkpointStride {
            // Scalars are counted a stride at a time in a loop without branches.
            var scalars = 0
            bytes.withUnsafeBufferPointer { bytes in
                for chunk in stride(from: 0, to: bytes.count, by: Self.checkpointStride) {
                    checkpoints.append(scalars)
                    for offset in chunk..<min(chunk + Self.checkpointStride, bytes.count) {
                        scalars &+= bytes[offset] & 0xC0 != 0x80 ? 1 : 0
                    }
                }
            }
            if bytes.count % Self.checkpointStride == 0 { checkpoints.append(scalars) }
        }
        lineStarts = starts
        scalarCheckpoints = checkpoints
        self.isUTF8 = isUTF8 ?? UTF8Check.isValid(bytes)
    }

    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count
        while low + 1 < high {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        let start = lineStarts[low], end = min(offset, bytes.count)
        return (low + 1, (isUTF8 ? scalars(in: start..<end) : end - start) + 1)
    }

    /// The position of `offset`, given the position of an `earlier` offset: counted from there
    /// when both are on one line, as a finding's end and start mostly are.
    func position(of offset: Int, after earlier: Int, at position: (line: Int, column: Int)) -> (line: Int, column: Int) {
        let nextLineStart = position.line < lineStarts.count ? lineStarts[position.line] : Int.max
        guard earlier <= offset, offset < nextLineStart, offset <= bytes.count else { return self.position(of: offset) }
        return (position.line, position.column + (isUTF8 ? scalars(in: earlier..<offset) : offset - earlier))
    }

    /// How many scalars (bytes that do not continue a UTF-8 sequence) `range` holds: counted
    /// directly when short, as most lines are, else from the checkpoints around it.
    private func scalars(in range: Range<Int>) -> Int {
        guard range.count > Self.checkpointStride else { return countScalars(range) }
        return scalars(before: range.upperBound) - scalars(before: range.lowerBound)
    }

    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        return scalarCheckpoints[checkpoint] + countScalars((checkpoint * Self.checkpointStride)..<offset)
    }

    private func countScalars(_ range: Range<Int>) -> Int {
        bytes.withUnsafeBytes { bytes in
            var count = 0, index = range.lowerBound
            while index + 8 <= range.upperBound {
                count &+= Self.scalarStarts(in: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            while index < range.upperBound {
                count &+= bytes[index] & 0xC0 != 0x80 ? 1 : 0
                index += 1
            }
            return count
        }
    }

    /// How many of eight UTF-8 bytes begin a scalar: all but the continuation bytes (10xxxxxx).
    /// The flags, one low bit per byte, are summed by a multiplication into the top byte: the
    /// baseline x86-64 the binary targets has no population count instruction.
    @inline(__always)
    private static func scalarStarts(in word: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let continuations = (word & high & ~(word << 1)) >> 7
        return 8 - Int(truncatingIfNeeded: (continuations &* 0x0101_0101_0101_0101) >> 56)
    }

    /// How many scalars a 1-based line has, without its line break.
    public func length(ofLine number: Int) -> Int {
        let (start, end) = bounds(ofLine: number)
        return scalars(in: start..<end)
    }

    /// The bytes of a 1-based line at the 0-based scalar `columns` (cut to the line): a window
    /// of a line that can be megabytes long, read without the rest of it. `lineLength`, when
    /// the caller knows it, saves counting the line's scalars again.
    func utf8(ofLine number: Int, columns: Range<Int>, lineLength: Int? = nil) -> ArraySlice<UInt8> {
        let (start, end) = bounds(ofLine: number)
        let count = lineLength ?? scalars(in: start..<end)
        // Most lines are shorter than a window: their edges are found without counting scalars
        // (unless the line begins with a stray continuation byte, which no scalar begins with).
        let first = columns.lowerBound == 0 && (start == bytes.count || bytes[start] & 0xC0 != 0x80) ? start
            : offset(ofScalar: min(columns.lowerBound, count), after: start)
        let last = columns.upperBound >= count ? end
            : offset(ofScalar: columns.upperBound - min(columns.lowerBound, count), after: first)
        return bytes[first..<last]
    }

    /// Where a 1-based line starts and ends, without its line break.
    private func bounds(ofLine number: Int) -> (start: Int, end: Int) {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return (start, max(start, end))
    }

    /// The byte offset of the `scalar`-th scalar (0-based) from `start`: walked to when near,
    /// else found from the checkpoint before it.
    private func offset(ofScalar scalar: Int, after start: Int) -> Int {
        var target = scalar, from = start
        if scalar > Self.checkpointStride {
            // The last checkpoint with at most the target's scalars before it: the scalar starts within a stride of it.
            target += scalars(before: start)
            var low = 0, high = scalarCheckpoints.count
            while low + 1 < high {
                let mid = (low + high) / 2
                if scalarCheckpoints[mid] <= target { low = mid } else { high = mid }
            }
            target -= scalarCheckpoints[low]
            from = low * Self.checkpointStride
        }
        return bytes.withUnsafeBytes { bytes in
            // Whole words while the target scalar begins after them, then byte by byte.
            var count = 0, offset = from
            while offset + 8 <= bytes.count {
                let starts = Self.scalarStarts(in: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                guard count + starts <= target else { break }
                count += starts
                offset += 8
            }
            while offset < bytes.count {
                if bytes[offset] & 0xC0 != 0x80 {
                    if count == target { return offset }
                    count += 1
                }
                offset += 1
            }
            return bytes.count
        }
    }
}
