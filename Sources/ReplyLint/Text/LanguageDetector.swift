/// Tells Russian, Latvian and English apart by script, by Latvian letters and by the most
/// frequent function words. Cheap enough to run on every paragraph.
struct LanguageDetector {
    /// Evidence per language for a run of tokens.
    func scores(_ tokens: ArraySlice<Token>) -> [Language: Int] {
        var scores: [Language: Int] = [:]
        for token in tokens where token.kind == .word {
            // Most words are all ASCII or all Cyrillic: bytes settle those without decoding.
            let isASCII = token.form.utf8.allSatisfy { $0 < 0x80 }
            if !isASCII, token.form.unicodeScalars.contains(where: Self.isCyrillic) {
                scores[.ru, default: 0] += 2
            } else if !isASCII, token.form.unicodeScalars.contains(where: Self.latvianLetters.contains) {
                scores[.lv, default: 0] += 2
            } else if Self.latvianWords.contains(token.form) {
                scores[.lv, default: 0] += 1
            } else if Self.englishWords.contains(token.form) {
                scores[.en, default: 0] += 1
            }
        }
        return scores
    }

    /// The clear winner of `scores`, or nil when the evidence is too thin to decide.
    func decide(_ scores: [Language: Int], minimum: Int = 2) -> Language? {
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first, best.value >= minimum else { return nil }
        if ranked.count > 1, ranked[1].value == best.value { return nil }
        return best.key
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }

    /// Letters of Latvian that neither English nor Russian uses (already case folded).
    private static let latvianLetters: Set<Unicode.Scalar> = ["ā", "č", "ē", "ģ", "ī", "ķ", "ļ", "ņ", "š", "ū", "ž"]

    /// Frequent Latvian words written without diacritics, none of them English words.
    private static let latvianWords: Set<String> = [
        "un", "ir", "ka", "ar", "par", "lai", "uz", "tas", "es", "mums", "jums", "nav", "bet",
        "vai", "jau", "var", "kas", "jo", "ja", "tad", "labdien", "sveiki", "paldies", "esam",
        "ari", "mes", "jus", "jusu", "tikai", "sis", "dienas", "laika",
    ]

    private static let englishWords: Set<String> = [
        "the", "and", "is", "are", "you", "your", "we", "our", "to", "of", "for", "in", "it",
        "that", "this", "not", "with", "have", "has", "be", "will", "was", "i", "my", "me", "on",
        "at", "sorry", "please", "thank", "thanks", "hello", "dear", "regards", "would", "can",
        "could", "as", "but", "if", "an", "a", "they", "their", "we're", "i'm", "you're", "it's",
        "don't", "didn't", "from", "by", "all", "been", "there", "what", "when", "which",
    ]
}
