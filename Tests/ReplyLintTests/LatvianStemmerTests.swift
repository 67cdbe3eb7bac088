import Testing
@testable import ReplyLint

@Suite struct LatvianStemmerTests {
    let stemmer = LatvianStemmer()

    @Test(arguments: [
        // Nouns in several cases, as Lucene's light stemmer.
        ("līgums", "līgum"), ("līguma", "līgum"), ("līgumu", "līgum"), ("līgumā", "līgum"),
        ("līgumiem", "līgum"), ("kļūda", "kļūd"), ("kļūdu", "kļūd"), ("kļūdas", "kļūd"),
        ("kļūdām", "kļūd"), ("piegāde", "piegād"), ("piegādes", "piegād"), ("piegādi", "piegād"),
        ("piegādē", "piegād"), ("kurjers", "kurjer"), ("kurjera", "kurjer"), ("kurjeram", "kurjer"),
        ("vaina", "vain"), ("vainas", "vain"), ("vēstule", "vēstul"), ("vēstulē", "vēstul"),
        ("pakalpojums", "pakalpojum"), ("pakalpojumiem", "pakalpojum"), ("atbildība", "atbildīb"),
        ("atbildību", "atbildīb"), ("autobuss", "autobus"), ("autobusi", "autobus"),
        // Adjectives, indefinite and definite.
        ("lielajam", "liel"), ("lielajiem", "liel"), ("lielais", "liel"), ("lielajai", "liel"),
        ("lielā", "liel"), ("nopietna", "nopietn"), ("nopietnām", "nopietn"), ("atbildīgs", "atbildīg"),
        ("atbildīgais", "atbildīg"),
        // Palatalisation undone.
        ("brāļiem", "brāl"), ("lāča", "lāc"), ("lāču", "lāc"), ("zemju", "zem"), ("mākoņu", "mākon"),
        // «j» after a vowel goes in every case alike.
        ("garantija", "garanti"), ("garantiju", "garanti"), ("maijs", "mai"), ("maijā", "mai"),
        // The verb extension: reflexive, imperative, future and verbal nouns.
        ("atvainojos", "atvaino"), ("atvainojamies", "atvaino"), ("atvainojiet", "atvaino"),
        ("atvainoties", "atvaino"), ("atvainojaties", "atvaino"), ("atvainojas", "atvaino"),
        ("atvainojieties", "atvaino"), ("atvainojies", "atvaino"), ("atvainojam", "atvaino"),
        ("atvainosimies", "atvaino"), ("atvainošos", "atvaino"), ("atvainošanās", "atvaino"),
        ("atvainošanos", "atvaino"),
        ("labot", "labo"), ("labojam", "labo"), ("labosim", "labo"), ("laboju", "labo"), ("labots", "labo"),
        ("labošu", "labo"), ("izlabojām", "izlabo"), ("izlaboja", "izlabo"), ("izlabota", "izlabo"),
        ("kompensēt", "kompensē"), ("kompensējam", "kompensē"), ("kompensēsim", "kompensē"),
        ("kompensēšu", "kompensē"), ("nožēlojam", "nožēlo"), ("nožēlot", "nožēlo"),
        ("kavēties", "kavē"), ("kavējos", "kavē"), ("kavēšanās", "kavē"),
        ("sazināties", "sazin"), ("sazinos", "sazin"), ("sazināmies", "sazin"), ("sazinieties", "sazin"),
        // 2nd person plural present and past, and the future.
        ("norādīt", "norādī"), ("norādījāt", "norādī"), ("norādīsiet", "norādī"), ("norādīsit", "norādī"),
        ("nenorādījāt", "nenorādī"), ("nenorādīja", "nenorādī"), ("maksājat", "maksā"), ("maksāt", "maksā"),
        ("saņemsit", "saņem"), ("saņemsiet", "saņem"),
        // Perfect participles, which say the action is done.
        ("nosūtījuši", "nosūtī"), ("nosūtījām", "nosūtī"), ("nosūtīts", "nosūtī"), ("nosūtīšu", "nosūtī"),
        ("atmaksājuši", "atmaksā"), ("atmaksājusi", "atmaksā"), ("atmaksāts", "atmaksā"),
    ])
    func stems(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: ["un", "ar", "ir", "ka", "jūs", "es", "tā", "esam", "vajag"])
    func shortWordsStayWhole(word: String) {
        #expect(stemmer.stem(word) == word)
    }

    /// Adjectives in «-šu» keep their «š»: the future «-šu» is stripped only after a stem vowel.
    @Test(arguments: [("plašu", "plaš"), ("plašs", "plaš"), ("svešu", "sveš"), ("svešs", "sveš")])
    func adjectivesInShStayNouns(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("kāja", "kāds"), ("vaina", "vainags"), ("līgums", "līgava"), ("atvainojos", "atvērt"),
        ("labot", "labs"), ("labot", "labo"), ("maksāt", "maks"), ("kavēties", "kāvējs"),
        ("nosūtīt", "nosūtne"), ("autobusi", "autob"), ("atbildība", "atbildēt"),
        ("vainot", "vainags"), ("kļūda", "kļūt"), ("termiņš", "terminālis"), ("jums", "jūsu"),
    ])
    func unrelatedWordsStayApart(_ first: String, _ second: String) {
        #expect(stemmer.stem(first) != stemmer.stem(second))
    }
}
