/// A template library at a glance: how its replies score, which rules fire most, and which
/// replies need work first. Computed from a lint report's scorecards and diagnostics.
public struct LibrarySummary: Sendable {
    /// One scored reply: a file, or one template of a library.
    public struct Reply: Sendable {
        /// The file's path, and for a template "path › template".
        public var path: String
        public var scorecard: Scorecard
        public var diagnostics: [Diagnostic]
        public var score: Int { scorecard.score }
    }

    /// How often one rule fired.
    public struct RuleCount: Sendable {
        public var rule: String
        /// Replies with at least one finding of the rule.
        public var replies: Int
        public var findings: Int
    }

    /// Scores are counted in ten bins: 0–9, 10–19, …, 80–89 and 90–100.
    public static let binCount = 10

    /// Every reply that has a scorecard (each template of a library), in the report's order.
    public var replies: [Reply]
    /// Replies per score bin (see `binCount`).
    public var distribution: [Int]
    /// Rules by the number of replies they fired on, then findings, then id.
    public var rules: [RuleCount]
    /// Files without a scorecard: unreadable, skipped as binary, or without words.
    public var unscored: Int

    public init(_ report: LintReport) {
        replies = report.files.flatMap { file -> [Reply] in
            guard let scorecard = file.scorecard else { return [] }
            guard !file.templates.isEmpty else { return [Reply(path: file.path, scorecard: scorecard, diagnostics: file.diagnostics)] }
            // A library's templates are used one at a time, so each is scored on its own.
            return file.templates.map { template in
                let own = file.diagnostics.filter { $0.template == template }
                return Reply(path: "\(file.path) › \(template)", scorecard: Scorecard(own), diagnostics: own)
            }
        }
        distribution = Array(repeating: 0, count: Self.binCount)
        for reply in replies { distribution[Self.bin(of: reply.score)] += 1 }
        var counts: [String: RuleCount] = [:]
        for reply in replies {
            for diagnostic in reply.diagnostics {
                counts[diagnostic.rule, default: RuleCount(rule: diagnostic.rule, replies: 0, findings: 0)].findings += 1
            }
            for rule in Set(reply.diagnostics.map(\.rule)) { counts[rule]!.replies += 1 }
        }
        rules = counts.values.sorted { ($1.replies, $1.findings, $0.rule) < ($0.replies, $0.findings, $1.rule) }
        unscored = report.files.filter { $0.scorecard == nil }.count
    }

    /// The bin a score falls in; 100 shares the top bin with 90–99.
    public static func bin(of score: Int) -> Int { min(max(score, 0) / 10, binCount - 1) }

    /// The label of a bin: "0–9", …, "90–100".
    public static func label(ofBin bin: Int) -> String {
        bin == binCount - 1 ? "\(bin * 10)–100" : "\(bin * 10)–\(bin * 10 + 9)"
    }

    /// The `count` lowest-scoring replies, lowest first; ties go to the one with more findings.
    public func weakest(_ count: Int) -> [Reply] {
        Array(replies.sorted { ($0.score, -$0.diagnostics.count, $0.path) < ($1.score, -$1.diagnostics.count, $1.path) }.prefix(count))
    }

    public var averageScore: Double? {
        replies.isEmpty ? nil : Double(replies.map(\.score).reduce(0, +)) / Double(replies.count)
    }

    public var medianScore: Double? {
        let scores = replies.map(\.score).sorted()
        guard !scores.isEmpty else { return nil }
        let middle = scores.count / 2
        return scores.count.isMultiple(of: 2) ? Double(scores[middle - 1] + scores[middle]) / 2 : Double(scores[middle])
    }

    /// How many replies fail each element, in the order of `Scorecard.Element.allCases`.
    public var failures: [(element: Scorecard.Element, replies: Int)] {
        Scorecard.Element.allCases.map { element in (element, replies.filter { $0.scorecard.passed[element] != true }.count) }
    }
}
