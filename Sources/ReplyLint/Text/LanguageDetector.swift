/// Tells Russian, Latvian and English apart by script, by Latvian letters and by the most
/// frequent function words. Cheap enough to run on every paragraph.
struct LanguageDetector {
    /// What one word says of its language, and how strongly: a script or a letter of one
    /// language counts 2, a frequent function word 1. The analyzer asks once per form.
    struct Evidence {
        var language: Language
        var weight: Int8
    }

    func evidence(of form: String) -> Evidence? {
        // Most words are all ASCII or all Cyrillic: bytes settle those without decoding.
        let isASCII = form.utf8.allSatisfy { $0 < 0x80 }
        if !isASCII, form.unicodeScalars.contains(where: Self.isCyrillic) { return Evidence(language: .ru, weight: 2) }
        if !isASCII, form.unicodeScalars.contains(where: Self.latvianLetters.contains) { return Evidence(language: .lv, weight: 2) }
        if Self.latvianWords.contains(form) { return Evidence(language: .lv, weight: 1) }
        if Self.englishWords.contains(form) { return Evidence(language: .en, weight: 1) }
        return nil
    }

    /// The clear winner of `scores`, or nil when the evidence is too thin to decide.
    func decide(_ scores: PerLanguage<Int>, minimum: Int = 2) -> Language? {
        // Asked for every paragraph: the one language with the top score, found without sorting.
        let top = max(scores.ru, scores.lv, scores.en)
        guard top >= minimum else { return nil }
        var leader: Language?
        for language in Language.allCases where scores[language] == top {
            if leader != nil { return nil }
            leader = language
        }
        return leader
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
