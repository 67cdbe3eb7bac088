/// A template library at a glance: how its replies score, which rules fire most, and which
/// replies need work first. Gathered file by file from a lint run: only counts, and the
/// findings of the weakest replies, are kept, so a library of any size takes the same memory.
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

    /// How many weakest replies are kept.
    private let limit: Int
    /// Replies with a scorecard (each template of a library).
    public private(set) var scored = 0
    /// Files without a scorecard: unreadable, skipped as binary, or without words.
    public private(set) var unscored = 0
    /// The lowest-scoring replies, lowest first, at most `limit`; ties go to the one with more
    /// findings, then to the path.
    public private(set) var weakest: [Reply] = []
    /// Replies per score, 0 to 100: enough for the bins, the average and the median.
    private var repliesByScore = [Int](repeating: 0, count: 101)
    private var ruleCounts: [String: RuleCount] = [:]
    private var failing: [Scorecard.Element: Int] = [:]

    /// An empty summary that keeps the `limit` weakest replies.
    public init(limit: Int) { self.limit = limit }

    public init(_ report: LintReport, limit: Int = 10) {
        self.init(limit: limit)
        for file in report.files { add(file) }
    }

    /// Counts the replies of `file`.
    public mutating func add(_ file: FileReport) {
        guard let scorecard = file.scorecard else {
            unscored += 1
            return
        }
        guard !file.templates.isEmpty else {
            add(Reply(path: file.path, scorecard: scorecard, diagnostics: file.diagnostics))
            return
        }
        // A library's templates are used one at a time, so each is scored on its own.
        for template in file.templates {
            let own = file.diagnostics.filter { $0.template == template }
            add(Reply(path: "\(file.path) › \(template)", scorecard: Scorecard(own), diagnostics: own))
        }
    }

    private mutating func add(_ reply: Reply) {
        scored += 1
        repliesByScore[reply.score] += 1
        for element in reply.scorecard.failed { failing[element, default: 0] += 1 }
        for diagnostic in reply.diagnostics {
            ruleCounts[diagnostic.rule, default: RuleCount(rule: diagnostic.rule, replies: 0, findings: 0)].findings += 1
        }
        for rule in Set(reply.diagnostics.map(\.rule)) { ruleCounts[rule]!.replies += 1 }
        func isWeaker(_ a: Reply, _ b: Reply) -> Bool {
            (a.score, -a.diagnostics.count, a.path) < (b.score, -b.diagnostics.count, b.path)
        }
        let place = weakest.firstIndex { isWeaker(reply, $0) } ?? weakest.endIndex
        guard place < limit else { return }
        weakest.insert(reply, at: place)
        if weakest.count > limit { weakest.removeLast() }
    }

    /// Replies per score bin (see `binCount`).
    public var distribution: [Int] {
        var bins = [Int](repeating: 0, count: Self.binCount)
        for (score, count) in repliesByScore.enumerated() { bins[Self.bin(of: score)] += count }
        return bins
    }

    /// Rules by the number of replies they fired on, then findings, then id.
    public var rules: [RuleCount] {
        ruleCounts.values.sorted { ($1.replies, $1.findings, $0.rule) < ($0.replies, $0.findings, $1.rule) }
    }

    /// The bin a score falls in; 100 shares the top bin with 90–99.
    public static func bin(of score: Int) -> Int { min(max(score, 0) / 10, binCount - 1) }

    /// The label of a bin: "0–9", …, "90–100".
    public static func label(ofBin bin: Int) -> String {
        bin == binCount - 1 ? "\(bin * 10)–100" : "\(bin * 10)–\(bin * 10 + 9)"
    }

    public var averageScore: Double? {
        scored == 0 ? nil : Double(repliesByScore.enumerated().map { $0 * $1 }.reduce(0, +)) / Double(scored)
    }

    public var medianScore: Double? {
        guard scored > 0 else { return nil }
        let middle = scored / 2
        return scored.isMultiple(of: 2) ? Double(score(ranked: middle - 1) + score(ranked: middle)) / 2 : Double(score(ranked: middle))
    }

    /// The score of the reply at 0-based `rank` from the lowest.
    private func score(ranked rank: Int) -> Int {
        var below = 0
        for (score, count) in repliesByScore.enumerated() {
            below += count
            if rank < below { return score }
        }
        preconditionFailure("rank \(rank) of \(scored) replies")
    }

    /// How many replies fail each element, in the order of `Scorecard.Element.allCases`.
    public var failures: [(element: Scorecard.Element, replies: Int)] {
        Scorecard.Element.allCases.map { ($0, failing[$0] ?? 0) }
    }
}
