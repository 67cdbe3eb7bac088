/// A language replylint has lexicons for.
public enum Language: String, CaseIterable, Sendable, Codable, Comparable {
    case ru, lv, en

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
