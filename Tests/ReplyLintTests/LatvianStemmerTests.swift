import Testing
@testable import ReplyLint

@Suite struct LatvianStemmerTests {
    let stemmer = LatvianStemmer()

    @Test(arguments: [
        // Nouns and adjectives, as Lucene's light stemmer.
        ("līgums", "līgum"), ("līguma", "līgum"), ("līgumu", "līgum"), ("līgumā", "līgum"),
        ("līgumiem", "līgum"), ("kļūda", "kļūd"), ("kļūdu", "kļūd"), ("kļūdas", "kļūd"),
        ("kļūdām", "kļūd"), ("piegāde", "piegād"), ("piegādes", "piegād"), ("piegādi", "piegād"),
        ("kurjers", "kurjer"), ("kurjera", "kurjer"), ("kurjeram", "kurjer"), ("vaina", "vain"),
        ("vainas", "vain"), ("lielajam", "liel"), ("lielajiem", "liel"),
        // Palatalisation undone.
        ("brāļiem", "brāl"), ("lāča", "lāc"), ("lāču", "lāc"), ("zemju", "zem"),
        // The verb extension: reflexive, imperative, future and verbal nouns.
        ("atvainojos", "atvaino"), ("atvainojamies", "atvaino"), ("atvainojiet", "atvaino"),
        ("atvainoties", "atvaino"), ("atvainojaties", "atvaino"), ("atvainojas", "atvaino"),
        ("atvainosimies", "atvaino"), ("atvainošanās", "atvaino"), ("atvainošanos", "atvaino"),
        ("labot", "labo"), ("labojam", "labo"), ("labosim", "labo"), ("laboju", "labo"), ("labots", "labo"),
        ("kompensēt", "kompensē"), ("kompensējam", "kompensē"), ("kompensēsim", "kompensē"),
        ("nožēlojam", "nožēlo"), ("nožēlot", "nožēlo"),
    ])
    func stems(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: ["un", "ar", "ir", "ka", "jūs", "es", "tā"])
    func shortWordsStayWhole(word: String) {
        #expect(stemmer.stem(word) == word)
    }

    @Test(arguments: [("kāja", "kāds"), ("vaina", "vainags"), ("līgums", "līgava"), ("atvainojos", "atvērt")])
    func unrelatedWordsStayApart(_ first: String, _ second: String) {
        #expect(stemmer.stem(first) != stemmer.stem(second))
    }
}
