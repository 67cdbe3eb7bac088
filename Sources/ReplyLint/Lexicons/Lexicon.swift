/// One lexicon file: what one rule knows about one language (docs/lexicons.md).
public struct LexiconFile: Sendable, Hashable {
    /// Where the file came from, as shown in error messages ("lexicons/ru/jargon.yml").
    public var path: String
    public var language: Language
    public var rule: String
    /// The default message and rewrite of every entry, and the text of an absence finding.
    public var message: String? = nil
    public var suggest: String? = nil
    public var classes: [LexiconClass] = []
    /// Patterns that cancel any finding of the rule they overlap.
    public var unless: [LinedText] = []
    /// Named texts used by a rule's code checks, with `{term}` standing for the flagged word.
    public var messages: [String: String] = [:]
    public var entries: [LexiconEntry] = []
    public var examples = LexiconExamples()

}

public struct LexiconEntry: Sendable, Hashable {
    public var line: Int
    public var patterns: [String]
    public var message: String? = nil
    public var suggest: String? = nil
    public var unless: [String] = []
    /// A text the entry must fire on (or, for an absence rule, must satisfy it).
    public var example: String? = nil

}

public struct LexiconClass: Sendable, Hashable {
    public var name: String
    public var line: Int
    public var members: [String]

}

public struct LexiconExamples: Sendable, Hashable {
    /// Texts the rule must fire on; `⟦…⟧` marks the exact spans of phrase findings.
    public var triggering: [String] = []
    public var nonTriggering: [String] = []

}

/// A string with the line it was written on, for error messages.
public struct LinedText: Sendable, Hashable {
    public var text: String
    public var line: Int

    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// A problem in a lexicon, located as precisely as the source allows.
public struct LexiconError: Error, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var entry: Int?
    public var message: String

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        let entry = entry.map { " (entry \($0))" } ?? ""
        return "\(location): error: \(message)\(entry)"
    }
}

/// Several lexicon errors found in one pass, so an author fixes them all at once.
public struct LexiconErrors: Error, CustomStringConvertible {
    public var errors: [LexiconError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
