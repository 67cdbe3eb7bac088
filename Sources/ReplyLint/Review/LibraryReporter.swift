/// `replylint report` in a terminal: the score distribution as a bar chart, the elements most
/// often missing, the most frequent findings by rule, and the weakest replies.
public struct LibraryReporter: Sendable {
    /// How many rules and replies the lists show.
    public var limit: Int

    public init(limit: Int = 10) { self.limit = limit }

    public func render(_ summary: LibrarySummary) -> String {
        var out = "\(summary.scored) \(summary.scored == 1 ? "reply" : "replies") scored"
        if summary.unscored > 0 { out += ", \(summary.unscored) not scored" }
        if let average = summary.averageScore, let median = summary.medianScore {
            out += " · average score \(Self.number(average)) · median \(Self.number(median))"
        }
        out += "\n"
        guard summary.scored > 0 else { return out }

        out += "\nScores\n"
        let widest = max(summary.distribution.max() ?? 0, 1)
        for (bin, count) in summary.distribution.enumerated() {
            let bar = String(repeating: "█", count: (count * Self.barWidth + widest - 1) / widest)
            out += "  \(Self.pad(LibrarySummary.label(ofBin: bin), 7)) │\(Self.pad(bar, Self.barWidth)) \(count)\n"
        }

        out += "\nElements missing\n"
        for (element, replies) in summary.failures.sorted(by: { $0.replies > $1.replies }) where replies > 0 {
            out += "  \(Self.pad(element.title, 16)) \(replies) of \(summary.scored)\n"
        }

        let ruleWidth = max(summary.rules.prefix(limit).map(\.rule.count).max() ?? 0, 4)
        out += "\nMost frequent findings\n  \(Self.pad("rule", ruleWidth))  replies  findings\n"
        for rule in summary.rules.prefix(limit) {
            out += "  \(Self.pad(rule.rule, ruleWidth))  \(Self.right(rule.replies, 7))  \(Self.right(rule.findings, 8))\n"
        }

        out += "\nWeakest replies\n  score  reply — fails\n"
        for reply in summary.weakest.prefix(limit) {
            let fails = reply.scorecard.failed.map(\.title).joined(separator: ", ")
            out += "  \(Self.right(reply.score, 5))  \(reply.path)\(fails.isEmpty ? "" : " — \(fails)")\n"
        }
        return out
    }

    private static let barWidth = 30

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func right(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// One decimal, or none for a whole number.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
