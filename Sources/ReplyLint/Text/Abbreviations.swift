/// Abbreviations after which a full stop does not end the sentence, as normalised word
/// tokens without the final stop (ICU keeps «т.е», «š.g», "e.g" as one word). ICU knows
/// none for Latvian and misses several Russian ones. Abbreviations that often do end a
/// sentence («и т.д.», «utt.», "etc.") are left out: ICU already keeps them inside a
/// sentence when a lowercase word follows.
enum Abbreviations {
    static let nonFinal: [Language: Set<String>] = [
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
}
