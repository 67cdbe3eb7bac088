/// A language replylint has lexicons for.
public enum Language: String, CaseIterable, Sendable, Codable, Comparable {
    case ru, lv, en

    /// The ICU locale used for breaking and the Snowball algorithm name, where there is one.
    var locale: String { rawValue }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
