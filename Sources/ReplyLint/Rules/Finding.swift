/// What a rule found: a value with no severity (that is decided later, from configuration).
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var message: String
    /// UTF-8 byte range in the document text; nil for a finding about the whole document.
    public var range: Range<Int>?
    public var suggestion: String?

    public init(rule: String, message: String, range: Range<Int>?, suggestion: String? = nil) {
        self.rule = rule
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }
}

public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case suggestion, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
