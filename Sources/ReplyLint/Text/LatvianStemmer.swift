/// A light Latvian stemmer: the published algorithm (Kreslins; Lucene's `LatvianStemmer`)
/// for nouns and adjectives, extended so the verb forms that lexicons match fold together.
///
/// Snowball has no Latvian stemmer. The light stemmer strips one noun or adjective ending,
/// keeping enough vowels in the word, and undoes palatalisation (brāļiem → brāl,
/// lāča → lāc). It leaves verbs apart (atvainojos → atvainoj, atvainojamies → atvainojami),
/// so replylint adds, each for a reason given where it is defined: reflexive, imperative,
/// future, past-participle and verbal-noun endings; the 2nd person plural «-jat»/«-jāt»;
/// a final «t» of the infinitive; and a final «j» after a vowel (present stems of
/// -ot/-ēt/-āt/-īt verbs). With them atvainojos, atvainojamies, atvainojiet, atvainoties,
/// atvainošanās all give «atvaino»; labot, labojam, labosim, labošu, labots, labojuši
/// give «labo»; norādīt, norādījāt, nenorādīja give «norādī» / «nenorādī».
///
/// It works on arrays of Unicode scalars (input is NFKC and lowercase, so «ā» is one scalar).
struct LatvianStemmer: Stemmer {
    private struct Ending {
        let scalars: [Unicode.Scalar]
        /// The word must have more vowels than this.
        let vowels: Int
        let palatalises: Bool
        /// Strip only when the scalar before the ending is one of these (nil: anything).
        let after: Set<Unicode.Scalar>?

        init(_ text: String, _ vowels: Int, _ palatalises: Bool = false, after: Set<Unicode.Scalar>? = nil) {
            scalars = Array(text.unicodeScalars)
            self.vowels = vowels
            self.palatalises = palatalises
            self.after = after
        }
    }

    /// Lucene's ordered list of noun and adjective endings, unchanged.
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

    /// Vowels that end a verb's infinitive stem (labo-t, atmaksā-t, kompensē-t, nosūtī-t, bū-t).
    private static let stemVowels: Set<Unicode.Scalar> = ["ā", "ē", "ī", "ū", "o"]

    /// replylint's verb endings, tried before the noun list, in this order (a longer ending
    /// before any ending it contains). None of them ends a Latvian noun or adjective.
    private static let verbEndings: [Ending] = [
        // Verbal nouns (atvainošanās, labošana, nosūtīšanu): the noun list would strip only
        // «-ās»/«-a»/«-u» and leave «atvainošan» apart from the verb.
        Ending("šanās", 1), Ending("šanos", 1), Ending("šanas", 1), Ending("šanai", 1),
        Ending("šanām", 1), Ending("šana", 1), Ending("šanā", 1), Ending("šanu", 1),
        // Future reflexive (atvainosimies, atvainosieties) before the plain reflexives below.
        Ending("sieties", 1), Ending("simies", 1),
        // Past active participles of the perfect, which says an action is done («esam
        // nosūtījuši», «esmu izlabojusi», «ir atmaksājušas»); the reflexive ones too.
        Ending("jušies", 1), Ending("jušās", 1), Ending("jušas", 1), Ending("juši", 1), Ending("jusi", 1),
        // Present and imperative reflexives: 1st and 2nd plural and the infinitive
        // (atvainojamies, atvainojaties, atvainojieties, atvainoties). «-āties» and «-īties» go
        // whole: such verbs are mostly of the 3rd conjugation (sazināties ~ sazinos, kļūdīties ~
        // kļūdos). «-ēties» keeps its «ē»: most are of the 2nd (kavēties ~ kavējos → «kavē»).
        Ending("āmies", 1), Ending("amies", 1), Ending("ieties", 1), Ending("aties", 1),
        Ending("ities", 1), Ending("āties", 1), Ending("īties", 1),
        Ending("sies", 1), Ending("ties", 1),
        // Future 2nd plural (nosūtīsiet, nosūtīsit) and imperative 2nd plural (atvainojiet).
        Ending("siet", 1), Ending("sit", 1), Ending("ies", 1), Ending("iet", 1),
        // Future 1st plural and 1st singular (labosim, labošu, atvainošos): «-šu»/«-šos» only
        // after a stem vowel, so adjectives such as «plašu», «svešu» keep their «š».
        Ending("sim", 1), Ending("šos", 1, after: stemVowels), Ending("šu", 1, after: stemVowels),
        // Present and past 2nd plural after «j» (maksājat, norādījāt); the «j» goes below.
        // Not «-āt» alone: it would cut the infinitive «maksāt» to «maks».
        Ending("at", 1, after: ["j"]), Ending("āt", 1, after: ["j"]),
    ]

    /// A switch, not a set: every scalar of every new word is asked, and a set hashes each.
    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "e", "i", "o", "u", "ā", "ē", "ī", "ū": true
        default: false
        }
    }

    func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        var vowelCount = 0
        for scalar in scalars where Self.isVowel(scalar) { vowelCount += 1 }
        if let verb = Self.firstFitting(Self.verbEndings, scalars, vowelCount) {
            scalars.removeLast(verb.scalars.count)
        } else if let noun = Self.firstFitting(Self.nounEndings, scalars, vowelCount) {
            let removedU = scalars[scalars.count - noun.scalars.count] == "u"
            scalars.removeLast(noun.scalars.count)
            if noun.palatalises { Self.unpalatalise(&scalars, removedU: removedU) }
        }
        // Infinitive «-t» after a vowel, which no noun stem keeps at the end once its ending
        // is gone in every case alike (labot → labo, nosūtīts → nosūtīt → nosūtī).
        if scalars.count >= 5, scalars.last == "t", Self.isVowel(scalars[scalars.count - 2]) {
            scalars.removeLast()
        }
        // Present-stem «j» after a vowel (laboj-u, maksāj-am, norādīj-a, atvainoj-os), so the
        // present and past meet the infinitive stem (labo, maksā, norādī, atvaino).
        if scalars.count >= 4, scalars.last == "j", Self.isVowel(scalars[scalars.count - 2]) {
            scalars.removeLast()
        }
        // Encoded by hand: appending scalars to a `String.UnicodeScalarView` costs thousands
        // of instructions a word.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 2)
        for scalar in scalars { UTF8.encode(scalar) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func firstFitting(_ endings: [Ending], _ scalars: [Unicode.Scalar], _ vowelCount: Int) -> Ending? {
        endings.first { ending in
            let length = ending.scalars.count
            guard vowelCount > ending.vowels, scalars.count >= length + 3,
                  scalars.suffix(length).elementsEqual(ending.scalars)
            else { return false }
            if let after = ending.after { return after.contains(scalars[scalars.count - length - 1]) }
            return true
        }
    }

    /// Undoes the consonant change some endings cause (Lucene's `unpalatalize`).
    private static func unpalatalise(_ s: inout [Unicode.Scalar], removedU: Bool) {
        func endsWith(_ text: String) -> Bool { s.suffix(text.unicodeScalars.count).elementsEqual(text.unicodeScalars) }
        func replaceLast(_ count: Int, with text: String) { s.removeLast(count); s.append(contentsOf: text.unicodeScalars) }
        if removedU {
            // Genitive plural of the 2nd, 5th and 6th declensions: kš → kst, ņņ → nn.
            if endsWith("kš") { return replaceLast(2, with: "kst") }
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
