import ReplyLint

/// The built-in lexicons with ten times the entries: each entry gains nine copies whose words
/// carry a copy-specific suffix («вина» → «винаqzb»). The copies keep the shape of real
/// patterns (groups, gaps, prefixes, exact forms, classes) but name words no reply contains,
/// so they cost what a larger lexicon costs without changing what fires.
enum TenfoldLexicons {
    static let factor = 10

    static func library() throws -> LexiconLibrary {
        try LexiconLibrary(files: LexiconLibrary.builtin.files.map(multiplied))
    }

    private static func multiplied(_ file: LexiconFile) -> LexiconFile {
        var file = file
        var entries = file.entries
        for copy in 1..<factor {
            for entry in file.entries {
                var synthetic = entry
                synthetic.patterns = entry.patterns.map { renamed($0, copy: copy) }
                synthetic.unless = []
                synthetic.example = nil
                entries.append(synthetic)
            }
        }
        file.entries = entries
        return file
    }

    /// `pattern` with a suffix on every word; syntax, classes (`@…`) and gaps stay as they are.
    static func renamed(_ pattern: String, copy: Int) -> String {
        let suffix = "qz" + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(copy)))
        var out = ""
        var word = ""
        var inGap = false
        func flush() {
            if !word.isEmpty {
                out += word.hasPrefix("@") ? word : word + suffix
                word = ""
            }
        }
        for character in pattern {
            switch character {
            case "{": flush(); inGap = true; out.append(character)
            case "}": inGap = false; out.append(character)
            case " ", "(", ")", "|", "?", "*": flush(); out.append(character)
            default: if inGap { out.append(character) } else { word.append(character) }
            }
        }
        flush()
        return out
    }
}
