/// The lexicons compiled into the binary; each language's part is generated from YAML into
/// `Generated/BuiltinLexicons+<lang>.swift`.
enum BuiltinLexicons {
    static let all: [LexiconFile] = ru + lv + en

    /// The patterns of `language` as the matcher compiles them (`Generated/BuiltinMatcher+<lang>.swift`).
    @Sendable static func compiled(for language: Language) -> PhraseMatcher.Compiled? {
        switch language {
        case .ru: ruCompiled
        case .lv: lvCompiled
        case .en: enCompiled
        }
    }
}
