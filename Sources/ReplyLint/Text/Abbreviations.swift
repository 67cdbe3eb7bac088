/// Abbreviations after which a full stop does not end the sentence, as normalised word
/// tokens without the final stop (ICU keeps «т.е», «š.g», "e.g" as one word). ICU knows
/// none for Latvian and misses several Russian ones. Abbreviations that often do end a
/// sentence («и т.д.», «utt.», "etc.") are left out: ICU already keeps them inside a
/// sentence when a lowercase word follows.
enum Abbreviations {
    private static let nonFinal: [Language: [String]] = [
        .ru: [
            "т.е", "т.к", "т.н", "т.ч", "т.о", "г", "гг", "ул", "д", "кв", "стр", "см", "напр", "ок",
            "руб", "коп", "тыс", "млн", "млрд", "им", "проф", "доц", "тел", "эл", "пер", "пр",
            "просп", "обл", "р", "мин", "сек", "ч", "н.э", "англ", "рис", "табл", "п", "пп", "ст",
        ],
        .lv: [
            "piem", "plkst", "pulkst", "š.g", "t.i", "t.sk", "sk", "nr", "apm", "resp", "prof",
            "doc", "tālr", "mob", "lpp", "g", "gs", "t.s", "vsk", "u.tml", "angl", "sek", "min",
            "st", "tūkst", "milj", "ū.c", "a/s", "v", "iel", "k-ja", "p",
        ],
        .en: [
            "e.g", "i.e", "mr", "mrs", "ms", "dr", "prof", "approx", "vs", "no", "st", "jr", "sr",
            "dept", "est", "fig", "jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
            "tel", "ext", "ref", "inc", "ltd", "co",
        ],
    ]

    /// `nonFinal` as byte tables: the last word of every sentence is looked up, so neither a
    /// `String` nor SipHash per lookup.
    private static let nonFinalTables = PerLanguage(ru: table(of: .ru), lv: table(of: .lv), en: table(of: .en))

    private static func table(of language: Language) -> ByteStringTable {
        var table = ByteStringTable()
        for var abbreviation in nonFinal[language, default: []] {
            _ = abbreviation.withUTF8 { table.index(of: $0) }
        }
        return table
    }

    /// Whether `form`, a normalised word, is an abbreviation of `language` after which a full
    /// stop does not end the sentence.
    static func isNonFinal(_ form: UnsafeBufferPointer<UInt8>, in language: Language) -> Bool {
        // Each table read in place: `PerLanguage`'s subscript would copy it, retaining its arrays.
        switch language {
        case .ru: nonFinalTables.ru.existingIndex(of: form) != nil
        case .lv: nonFinalTables.lv.existingIndex(of: form) != nil
        case .en: nonFinalTables.en.existingIndex(of: form) != nil
        }
    }
}
