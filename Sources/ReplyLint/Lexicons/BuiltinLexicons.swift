/// The lexicons compiled into the binary; each language's part is generated from YAML into
/// `Generated/BuiltinLexicons+<lang>.swift`.
enum BuiltinLexicons {
    static let all: [LexiconFile] = ru + lv + en
}
