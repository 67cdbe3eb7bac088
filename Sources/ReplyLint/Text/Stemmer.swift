/// Reduces a normalised word (NFKC, case folded) to the stem that lexicon patterns compare.
protocol Stemmer {
    func stem(_ word: String) -> String
}
