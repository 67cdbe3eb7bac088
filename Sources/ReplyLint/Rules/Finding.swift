/// What a rule found: a value with no severity (that is decided later, from configuration).
public struct Finding: Sendable, Hashable {
    public var rule: String
    /// In `language`, the language of the text where the finding is.
    public var message: String
    /// UTF-8 byte range in the document text; nil for a finding about the whole document.
    public var range: Range<Int>?
    /// A rewrite in the reply's language.
    public var suggestion: String?
    public var language: Language
    /// Which of the rule's texts `message` is, so it can be given in another language.
    public var text: MessageText
    /// Whether the rule reports this only at its first use in a document (an unexplained
    /// acronym): then a piece of a long text reports it only when no earlier piece did.
    public var isFirstUseOnly: Bool

    public init(rule: String, message: String, range: Range<Int>?, suggestion: String? = nil,
                language: Language, text: MessageText = MessageText(), isFirstUseOnly: Bool = false) {
        self.rule = rule
        self.message = message
        self.range = range
        self.suggestion = suggestion
        self.language = language
        self.text = text
        self.isFirstUseOnly = isFirstUseOnly
    }
}

/// One of a rule's texts in its lexicons: the file's `message` (name nil) or a named one of
/// `messages:`, with the values of its `{term}`, `{count}`… An entry's own message exists in
/// one language only; in another, the file's `message` stands for it.
public struct MessageText: Sendable, Hashable {
    public var name: String?
    public var values: [String: String]

    public init(name: String? = nil, values: [String: String] = [:]) {
        self.name = name
        self.values = values
    }

    /// `template` with every `{key}` replaced by its value; other braces stay as written.
    /// Read as contiguous UTF-8 bytes: braces are ASCII, so a byte index is always a
    /// character's edge here, and stepping through a string's indexes cost more than the rest
    /// of making a finding.
    public func fill(_ template: String) -> String {
        let (open, close) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        guard !values.isEmpty else { return template }
        var template = template
        let filled = template.withUTF8 { utf8 -> String? in
            guard var brace = utf8.firstIndex(of: open) else { return nil }
            var bytes = Array(utf8[..<brace])
            while true {
                let keyStart = brace + 1
                let keyEnd = utf8[keyStart...].firstIndex { $0 == close || $0 == open } ?? utf8.count
                var rest = keyStart
                if keyEnd < utf8.count, utf8[keyEnd] == close,
                   let value = values[String(decoding: utf8[keyStart..<keyEnd], as: UTF8.self)] {
                    bytes += value.utf8
                    rest = keyEnd + 1
                } else {
                    bytes.append(open)
                }
                guard let next = utf8[rest...].firstIndex(of: open) else {
                    bytes += utf8[rest...]
                    return String(decoding: bytes, as: UTF8.self)
                }
                bytes += utf8[rest..<next]
                brace = next
            }
        }
        return filled ?? template
    }

    /// This text as `lexicon` (another language's file of the same rule) has it.
    public func message(in lexicon: LexiconFile) -> String? {
        (name.flatMap { lexicon.messages[$0] } ?? lexicon.message).map(fill)
    }
}

public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case suggestion, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
