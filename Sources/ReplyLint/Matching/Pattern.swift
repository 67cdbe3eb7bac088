import Foundation

/// One alternative of a pattern item, before normalisation (docs/lexicons.md).
/// Hashed and compared by UTF-8 bytes, as `FormKey` is: the matcher's compiler looks atoms
/// up thousands of times, and `String` hashing normalises Unicode each time.
enum PatternAtom: Hashable, Sendable {
    case stem(String) // word: same stem
    case prefix(String) // word*: normalised form starts with
    case exact(String) // =word: normalised form equals
    case klass(String) // @name: a class of the file
    case builtin(Builtin) // @number, @time, @date

    enum Builtin: String, Hashable, Sendable, CaseIterable {
        case number, time, date
    }

    private var key: (kind: Int, text: FormKey) {
        switch self {
        case .stem(let text): (0, FormKey(text))
        case .prefix(let text): (1, FormKey(text))
        case .exact(let text): (2, FormKey(text))
        case .klass(let name): (3, FormKey(name))
        case .builtin(let builtin): (4, FormKey(builtin.rawValue))
        }
    }

    static func == (lhs: PatternAtom, rhs: PatternAtom) -> Bool {
        lhs.key.kind == rhs.key.kind && lhs.key.text == rhs.key.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(key.kind)
        hasher.combine(key.text)
    }
}

/// One position of a pattern: a token matching any of `atoms`, after skipping `gap` tokens.
struct PatternItem: Hashable, Sendable {
    var atoms: [PatternAtom]
    var optional = false
    var gap: ClosedRange<Int> = 0...0
}

struct PatternSyntaxError: Error, CustomStringConvertible {
    var description: String
}

enum PatternParser {
    static let maximumGap = 6
    static let maximumOptionals = 4
    static let maximumSpan = 16
    static let maximumVariants = 256

    /// Every token sequence a pattern stands for: multi-word groups and optional items
    /// resolved, so the matcher only ever sees plain sequences.
    static func variants(_ pattern: String) throws -> [[PatternItem]] {
        let variants = try expandGroups(pattern).flatMap { expandOptionals(try parse($0)) }
        guard variants.count <= maximumVariants else { throw tooManyVariants(pattern) }
        return variants
    }

    private static func tooManyVariants(_ pattern: String) -> PatternSyntaxError {
        PatternSyntaxError(description: "'\(pattern)' stands for more than \(maximumVariants) phrases; split it into entries")
    }

    /// Expands groups whose alternatives have several words, «(it is|it's) not», into one
    /// pattern per alternative; a `?` after such a group adds the empty alternative.
    /// Works on UTF-8 bytes, like `parse`: the syntax is ASCII.
    static func expandGroups(_ pattern: String) throws -> [String] {
        try expandGroups(Array(pattern.utf8)[...], pattern: pattern).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func expandGroups(_ bytes: ArraySlice<UInt8>, pattern: String) throws -> [[UInt8]] {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")"), space = UInt8(ascii: " ")
        guard let start = bytes.firstIndex(of: open) else { return [Array(bytes)] }
        guard let end = bytes[start...].firstIndex(of: close) else {
            throw PatternSyntaxError(description: "unclosed '(' in '\(pattern)'")
        }
        let head = bytes[..<start], body = bytes[(start + 1)..<end]
        var rest = bytes[(end + 1)...]
        guard body.contains(where: { $0 == space || $0 == 0x09 }) else {
            // A group of single words stays one item; expand the groups after it.
            return try expandGroups(rest, pattern: pattern).map { Array(bytes[..<(end + 1)]) + $0 }
        }
        if body.contains(open) { throw PatternSyntaxError(description: "groups cannot be nested: '\(pattern)'") }
        var alternatives = body.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            .map { Array($0.drop { $0 == space }.reversed().drop { $0 == space }.reversed()) }
        if alternatives.contains(where: \.isEmpty) { throw PatternSyntaxError(description: "empty alternative in '\(pattern)'") }
        if rest.first == UInt8(ascii: "?") {
            alternatives.append([])
            rest = rest.dropFirst()
        }
        let tails = try expandGroups(rest, pattern: pattern)
        // Checked at each group, before spelling out: thirty groups of two are a billion phrases.
        guard tails.count * alternatives.count <= maximumVariants else { throw tooManyVariants(pattern) }
        return tails.flatMap { tail in alternatives.map { Array(head) + [space] + $0 + [space] + tail } }
    }

    /// Parses a pattern without multi-word groups. It works on UTF-8 bytes: all pattern
    /// syntax is ASCII, so splitting bytes is exact, and decoding a slice is far cheaper
    /// than building strings from characters or scalars.
    static func parse(_ pattern: String) throws -> [PatternItem] {
        var items: [PatternItem] = []
        var pendingGap: ClosedRange<Int>?
        let bytes = Array(pattern.utf8)
        for word in bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            let text = String(decoding: word, as: UTF8.self)
            if word.first == UInt8(ascii: "{") {
                guard pendingGap == nil else { throw PatternSyntaxError(description: "two gaps in a row in '\(pattern)'") }
                guard !items.isEmpty else { throw PatternSyntaxError(description: "a pattern cannot begin with a gap: '\(pattern)'") }
                pendingGap = try gap(text)
                continue
            }
            var item = PatternItem(atoms: [])
            var body = word
            if body.last == UInt8(ascii: "?"), body.count > 1 {
                item.optional = true
                body = body.dropLast()
            }
            if body.first == UInt8(ascii: "(") {
                guard body.last == UInt8(ascii: ")"), body.count > 2 else { throw PatternSyntaxError(description: "unclosed '(' in '\(text)'") }
                item.atoms = try body.dropFirst().dropLast().split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
                    .map { try atom($0, in: text) }
            } else {
                item.atoms = [try atom(body, in: text)]
            }
            item.gap = pendingGap ?? 0...0
            pendingGap = nil
            items.append(item)
        }
        if pendingGap != nil { throw PatternSyntaxError(description: "a pattern cannot end with a gap: '\(pattern)'") }
        if items.isEmpty { throw PatternSyntaxError(description: "empty pattern") }
        if items.allSatisfy(\.optional) { throw PatternSyntaxError(description: "every item of '\(pattern)' is optional") }
        if items.filter(\.optional).count > maximumOptionals {
            throw PatternSyntaxError(description: "more than \(maximumOptionals) optional items in '\(pattern)'")
        }
        // The matcher follows every start of a pattern until it completes or fails: bounding
        // the tokens a pattern spans bounds its work per token, even on a sentence of
        // thousands of the same word (forty items with gaps took minutes on one).
        let span = items.count + items.map(\.gap.upperBound).reduce(0, +)
        if span > maximumSpan {
            throw PatternSyntaxError(description: "'\(pattern)' spans up to \(span) tokens, more than \(maximumSpan); split it into entries")
        }
        return items
    }

    private static let syntaxBytes: Set<UInt8> = Set("(){}|?".utf8)

    /// An atom: `=exact`, `prefix*`, `@class`, or a word to stem.
    static func atom(_ bytes: ArraySlice<UInt8>, in word: String) throws -> PatternAtom {
        if bytes.isEmpty || bytes.contains(where: syntaxBytes.contains) {
            throw PatternSyntaxError(description: "malformed item '\(word)'")
        }
        func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        let star = UInt8(ascii: "*")
        switch bytes.first {
        case UInt8(ascii: "@"):
            let name = string(bytes.dropFirst())
            guard !name.isEmpty else { throw PatternSyntaxError(description: "a class needs a name: '\(word)'") }
            return PatternAtom.Builtin(rawValue: name).map(PatternAtom.builtin) ?? .klass(name)
        case UInt8(ascii: "="):
            guard bytes.count > 1 else { throw PatternSyntaxError(description: "'=' needs a word: '\(word)'") }
            guard bytes.last != star else { throw PatternSyntaxError(description: "'=' (exact) and '*' (prefix) cannot be combined: '\(word)'") }
            return .exact(string(bytes.dropFirst()))
        default:
            let stars = bytes.filter { $0 == star }.count
            if stars == 0 { return .stem(string(bytes)) }
            guard stars == 1, bytes.last == star, bytes.count > 1 else {
                throw PatternSyntaxError(description: "'*' only ends a prefix: '\(word)'")
            }
            return .prefix(string(bytes.dropLast()))
        }
    }

    private static func gap(_ word: String) throws -> ClosedRange<Int> {
        guard word.hasSuffix("}") else { throw PatternSyntaxError(description: "malformed gap '\(word)'") }
        let bounds = word.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0 != nil }) else {
            throw PatternSyntaxError(description: "a gap is {n} or {m,n}: '\(word)'")
        }
        let low = bounds[0]!, high = bounds.last!!
        guard low >= 0, low <= high, high <= maximumGap else {
            throw PatternSyntaxError(description: "a gap spans 0 to \(maximumGap) tokens: '\(word)'")
        }
        return low...high
    }

    /// Every pattern without its optional items resolved: each optional item is either
    /// kept or dropped (its gap moves to the next item), so matching needs no epsilon moves.
    static func expandOptionals(_ items: [PatternItem]) -> [[PatternItem]] {
        var variants: [[PatternItem]] = [[]]
        var carried: [ClosedRange<Int>?] = [nil] // a dropped item's gap, owed to the next kept item
        for item in items {
            var nextVariants: [[PatternItem]] = []
            var nextCarried: [ClosedRange<Int>?] = []
            for (variant, owed) in zip(variants, carried) {
                var kept = item
                kept.optional = false
                if let owed { kept.gap = (owed.lowerBound + kept.gap.lowerBound)...(owed.upperBound + kept.gap.upperBound) }
                if variant.isEmpty { kept.gap = 0...0 }
                nextVariants.append(variant + [kept])
                nextCarried.append(nil)
                if item.optional {
                    nextVariants.append(variant)
                    nextCarried.append(variant.isEmpty ? nil : kept.gap)
                }
            }
            variants = nextVariants
            carried = nextCarried
        }
        return variants.filter { !$0.isEmpty }
    }
}


/// Checks every pattern of a file: syntax, and that each class it names exists.
enum PatternValidator {
    static func validate(_ file: LexiconFile) -> [LexiconError] {
        var errors: [LexiconError] = []
        let classNames = Set(file.classes.map(\.name))
        func check(_ pattern: String, line: Int?, entry: Int?) {
            do {
                var unknown: [String] = []
                for item in try PatternParser.variants(pattern).joined() {
                    for case .klass(let name) in item.atoms where !classNames.contains(name) && !unknown.contains(name) {
                        unknown.append(name)
                    }
                }
                for name in unknown {
                    errors.append(LexiconError(path: file.path, line: line, entry: entry, message: "unknown class '@\(name)' in '\(pattern)'"))
                }
            } catch {
                errors.append(LexiconError(path: file.path, line: line, entry: entry, message: "\(error)"))
            }
        }
        for klass in file.classes {
            for member in klass.members {
                do {
                    let items = try PatternParser.parse(member)
                    if items.count != 1 || items[0].optional || items[0].atoms.contains(where: { if case .klass = $0 { true } else { false } }) {
                        errors.append(LexiconError(path: file.path, line: klass.line, message: "a member of class '\(klass.name)' is one word, prefix, exact form or built-in class: '\(member)'"))
                    }
                } catch {
                    errors.append(LexiconError(path: file.path, line: klass.line, message: "\(error)"))
                }
            }
        }
        for pattern in file.unless { check(pattern.text, line: pattern.line, entry: nil) }
        for (index, entry) in file.entries.enumerated() {
            for pattern in entry.patterns + entry.unless { check(pattern, line: entry.line, entry: index + 1) }
            if let example = entry.example, !ExampleText.isWellFormed(example) {
                errors.append(LexiconError(path: file.path, line: entry.line, entry: index + 1, message: "unbalanced ⟦ ⟧ in the example"))
            }
        }
        for example in file.examples.triggering + file.examples.nonTriggering where !ExampleText.isWellFormed(example) {
            errors.append(LexiconError(path: file.path, line: nil, message: "unbalanced ⟦ ⟧ in the example '\(example)'"))
        }
        return errors
    }
}
