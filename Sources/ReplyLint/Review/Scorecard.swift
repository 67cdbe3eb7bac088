/// How a reply fares on each element a good reply to a complaint has (docs: README,
/// "Scorecard"), read off the findings of the rules: an element fails when one of its rules
/// reported something. The score adds up the weights of the elements that pass.
public struct Scorecard: Sendable, Hashable {
    public enum Element: String, Sendable, CaseIterable, Codable {
        case acknowledge, apology, responsibility
        case noDefence = "no-defence"
        case solution, timeline
        case followUp = "follow-up"
        case tone
        case jargonFree = "jargon-free"

        /// Points out of 100. Lewicki, Polin & Lount (2016) found acknowledging responsibility
        /// the most effective part of an apology and an offer of repair the next, so those two
        /// carry 40 points together; the apology itself, and a date that makes the repair
        /// believable, come next; acknowledgement, follow-up, no excuses and a calm tone are
        /// what the service-recovery frameworks (HEARD, LAST) and the seeds ask for, each
        /// worth the same; jargon annoys but breaks the least trust.
        public var weight: Int {
            switch self {
            case .responsibility, .solution: 20
            case .apology: 12
            case .timeline: 10
            case .acknowledge, .noDefence, .followUp, .tone: 8
            case .jargonFree: 6
            }
        }

        /// The rules whose findings make this element fail.
        public var rules: Set<String> {
            switch self {
            case .acknowledge: ["missing-acknowledgement"]
            // An apology taken back ("sorry if…", "sorry, but…") is no apology.
            case .apology: ["missing-apology", "non-apology"]
            // Blame put on others and an admission that hides who erred both avoid owning it.
            case .responsibility: ["blame-shifting", "passive-evasion"]
            case .noDefence: ["defensive-phrasing"]
            case .solution: ["missing-resolution"]
            case .timeline: ["missing-timeline", "vague-timeline"]
            case .followUp: ["missing-follow-up"]
            case .tone: ["dismissive-tone", "minimizing"]
            case .jargonFree: ["jargon"]
            }
        }

        /// The name a reader sees.
        public var title: String { self == .noDefence ? "no defence" : rawValue }
    }

    /// Whether each element passes, in the order of `Element.allCases`.
    public var passed: [Element: Bool]

    /// The scorecard of a reply that got `rules` findings (rule ids, repeats allowed).
    public init<Rules: Sequence<String>>(findingsOf rules: Rules) {
        passed = Self.allPassed
        for rule in rules {
            if let element = Self.element[rule] { passed[element] = false }
        }
    }

    private static let allPassed = Dictionary(uniqueKeysWithValues: Element.allCases.map { ($0, true) })

    /// The element each rule's findings make fail: every file gets a scorecard, so the rules'
    /// sets are read once, not per file.
    private static let element = Dictionary(uniqueKeysWithValues: Element.allCases.flatMap { element in element.rules.map { ($0, element) } })

    public init(_ diagnostics: [Diagnostic]) {
        self.init(findingsOf: diagnostics.map(\.rule))
    }

    /// 0 to 100: the weights of the elements that pass.
    public var score: Int {
        Element.allCases.filter { passed[$0] == true }.map(\.weight).reduce(0, +)
    }

    public var failed: [Element] { Element.allCases.filter { passed[$0] != true } }
}
