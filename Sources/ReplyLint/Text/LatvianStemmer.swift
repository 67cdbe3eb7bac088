/// A light Latvian stemmer: the published algorithm (Kreslins; Lucene's `LatvianStemmer`)
/// for nouns and adjectives, extended so the verb forms that lexicons match fold together.
///
/// Snowball has no Latvian stemmer. The light stemmer strips one noun or adjective ending,
/// keeping enough vowels in the stem, and undoes palatalisation (brāļiem → brāl,
/// lāča → lāc). It leaves verbs apart (atvainojos → atvainoj, atvainojamies → atvainojami),
/// so replylint adds: reflexive, imperative, future and verbal-noun endings; a final «t» of
/// the infinitive; and a final «j» after a vowel (present stems of -ot/-ēt verbs). With
/// them atvainojos, atvainojamies, atvainojiet, atvainoties, atvainošanās all give
/// «atvaino», and labot, labojam, labosim, labots give «labo».
struct LatvianStemmer: Stemmer {
    private struct Ending {
        let scalars: [Unicode.Scalar]
        /// The stem must keep more vowels than this.
        let vowels: Int
        let palatalises: Bool

        init(_ text: String, _ vowels: Int, _ palatalises: Bool = false) {
            scalars = Array(text.unicodeScalars)
            self.vowels = vowels
            self.palatalises = palatalises
        }
    }

    /// Lucene's ordered list of noun and adjective endings.
    private static let nounEndings: [Ending] = [
        Ending("ajiem", 3), Ending("ajai", 3), Ending("ajam", 2), Ending("ajām", 2),
        Ending("ajos", 2), Ending("ajās", 2), Ending("iem", 2, true), Ending("ajā", 2),
        Ending("ais", 2), Ending("ai", 2), Ending("ei", 2), Ending("ām", 1), Ending("am", 1),
        Ending("ēm", 1), Ending("īm", 1), Ending("im", 1), Ending("um", 1), Ending("us", 1, true),
        Ending("as", 1), Ending("ās", 1), Ending("es", 1), Ending("os", 1, true), Ending("ij", 1),
        Ending("īs", 1), Ending("ēs", 1), Ending("is", 1), Ending("ie", 1), Ending("u", 1, true),
        Ending("a", 1, true), Ending("i", 1, true), Ending("e", 1), Ending("ā", 1), Ending("ē", 1),
        Ending("ī", 1), Ending("ū", 1), Ending("o", 1), Ending("s", 0), Ending("š", 0),
    ]

    /// replylint's verb endings, tried first, longest first: verbal nouns, reflexive forms,
    /// the imperative and the future, none of which the noun list strips whole.
    private static let verbEndings: [Ending] = [
        "šanās", "šanos", "šanas", "šanai", "sieties", "simies", "šana", "šanā", "šanu",
        "āmies", "amies", "ieties", "aties", "ities", "āties", "ēties", "īties", "sies", "ties",
        "siet", "ies", "iet", "sim",
    ].map { Ending($0, 1) }

    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "ā", "ē", "ī", "ū"]

    func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        let vowelCount = scalars.filter(Self.vowels.contains).count
        if let verb = Self.firstFitting(Self.verbEndings, scalars, vowelCount) {
            scalars.removeLast(verb.scalars.count)
        } else if let noun = Self.firstFitting(Self.nounEndings, scalars, vowelCount) {
            let removedU = scalars[scalars.count - noun.scalars.count] == "u"
            scalars.removeLast(noun.scalars.count)
            if noun.palatalises { Self.unpalatalise(&scalars, removedU: removedU) }
        }
        // Infinitive «-t» after a vowel (labot → labo), then a present-stem «j» (laboj → labo).
        if scalars.count >= 5, scalars.last == "t", Self.vowels.contains(scalars[scalars.count - 2]) {
            scalars.removeLast()
        }
        if scalars.count >= 4, scalars.last == "j", Self.vowels.contains(scalars[scalars.count - 2]) {
            scalars.removeLast()
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func firstFitting(_ endings: [Ending], _ scalars: [Unicode.Scalar], _ vowelCount: Int) -> Ending? {
        endings.first { ending in
            vowelCount > ending.vowels && scalars.count >= ending.scalars.count + 3
                && scalars.suffix(ending.scalars.count).elementsEqual(ending.scalars)
        }
    }

    /// Undoes the consonant change some endings cause (Lucene's `unpalatalize`).
    private static func unpalatalise(_ s: inout [Unicode.Scalar], removedU: Bool) {
        func endsWith(_ text: String) -> Bool { s.suffix(text.unicodeScalars.count).elementsEqual(text.unicodeScalars) }
        func replaceLast(_ count: Int, with text: String) { s.removeLast(count); s.append(contentsOf: text.unicodeScalars) }
        if removedU {
            // Genitive plural: kš → kst, ņņ → nn.
            if endsWith("kš") { return replaceLast(1, with: "st") }
            if endsWith("ņņ") { return replaceLast(2, with: "nn") }
        }
        if endsWith("pj") || endsWith("bj") || endsWith("mj") || endsWith("vj") {
            s.removeLast()
            return
        }
        for (from, to) in [("šņ", "sn"), ("žņ", "zn"), ("šļ", "sl"), ("žļ", "zl"), ("ļņ", "ln"), ("ļļ", "ll")] where endsWith(from) {
            return replaceLast(2, with: to)
        }
        for (from, to) in [("č", "c"), ("ļ", "l"), ("ņ", "n")] where endsWith(from) {
            return replaceLast(1, with: to)
        }
    }
}
