import Foundation

/// One alternative of a pattern item, before normalisation (docs/lexicons.md).
enum PatternAtom: Hashable, Sendable {
    case stem(String) // word: same stem
    case prefix(String) // word*: normalised form starts with
    case exact(String) // =word: normalised form equals
    case klass(String) // @name: a class of the file
    case builtin(Builtin) // @number, @time, @date

    enum Builtin: String, Hashable, Sendable, CaseIterable {
        case number, time, date
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
    static let maximumVariants = 256

    /// Every token sequence a pattern stands for: multi-word groups and optional items
    /// resolved, so the matcher only ever sees plain sequences.
    static func variants(_ pattern: String) throws -> [[PatternItem]] {
        let variants = try expandGroups(pattern).flatMap { expandOptionals(try parse($0)) }
        guard variants.count <= maximumVariants else {
            throw PatternSyntaxError(description: "'\(pattern)' stands for more than \(maximumVariants) phrases; split it into entries")
        }
        return variants
    }

    /// Expands groups whose alternatives have several words, «(it is|it's) not», into one
    /// pattern per alternative; a `?` after such a group adds the empty alternative.
    static func expandGroups(_ pattern: String) throws -> [String] {
        guard let open = pattern.firstIndex(of: "(") else { return [pattern] }
        guard let close = pattern[open...].firstIndex(of: ")") else {
            throw PatternSyntaxError(description: "unclosed '(' in '\(pattern)'")
        }
        let body = pattern[pattern.index(after: open)..<close]
        var rest = pattern[pattern.index(after: close)...]
        let head = String(pattern[..<open])
        guard body.contains(where: \.isWhitespace) else {
            // A group of single words stays one item; expand the groups after it.
            return try expandGroups(String(rest)).map { head + "(" + body + ")" + $0 }
        }
        if body.contains("(") { throw PatternSyntaxError(description: "groups cannot be nested: '\(pattern)'") }
        var alternatives = body.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if alternatives.contains(where: \.isEmpty) { throw PatternSyntaxError(description: "empty alternative in '\(pattern)'") }
        if rest.hasPrefix("?") {
            alternatives.append("")
            rest = rest.dropFirst()
        }
        return try expandGroups(String(rest)).flatMap { tail in
            alternatives.map { head + " " + $0 + " " + tail }
        }
    }

    /// Parses a pattern without multi-word groups. It works on Unicode scalars: pattern
    /// syntax is ASCII, and scalar operations are far cheaper than `Character` ones.
    static func parse(_ pattern: String) throws -> [PatternItem] {
        var items: [PatternItem] = []
        var pendingGap: ClosedRange<Int>?
        for scalars in pattern.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let word = String(String.UnicodeScalarView(scalars))
            if scalars.first == "{" {
                guard pendingGap == nil else { throw PatternSyntaxError(description: "two gaps in a row in '\(pattern)'") }
                guard !items.isEmpty else { throw PatternSyntaxError(description: "a pattern cannot begin with a gap: '\(pattern)'") }
                pendingGap = try gap(word)
                continue
            }
            var item = PatternItem(atoms: [])
            var body = scalars[...]
            if body.last == "?", body.count > 1 {
                item.optional = true
                body = body.dropLast()
            }
            if body.first == "(" {
                guard body.last == ")", body.count > 2 else { throw PatternSyntaxError(description: "unclosed '(' in '\(word)'") }
                item.atoms = try body.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map { try atom($0, in: word) }
            } else {
                item.atoms = [try atom(body, in: word)]
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
        return items
    }

    private static let syntaxScalars: Set<Unicode.Scalar> = ["(", ")", "{", "}", "|", "?"]

    /// An atom: `=exact`, `prefix*`, `@class`, or a word to stem.
    static func atom(_ text: Substring.UnicodeScalarView.SubSequence, in word: String) throws -> PatternAtom {
        if text.isEmpty || text.contains(where: syntaxScalars.contains) {
            throw PatternSyntaxError(description: "malformed item '\(word)'")
        }
        func string(_ scalars: Substring.UnicodeScalarView.SubSequence) -> String {
            String(String.UnicodeScalarView(scalars))
        }
        switch text.first {
        case "@":
            let name = string(text.dropFirst())
            guard !name.isEmpty else { throw PatternSyntaxError(description: "a class needs a name: '\(word)'") }
            return PatternAtom.Builtin(rawValue: name).map(PatternAtom.builtin) ?? .klass(name)
        case "=":
            guard text.count > 1 else { throw PatternSyntaxError(description: "'=' needs a word: '\(word)'") }
            guard text.last != "*" else { throw PatternSyntaxError(description: "'=' (exact) and '*' (prefix) cannot be combined: '\(word)'") }
            return .exact(string(text.dropFirst()))
        default:
            let stars = text.filter { $0 == "*" }.count
            if stars == 0 { return .stem(string(text)) }
            guard stars == 1, text.last == "*", text.count > 1 else {
                throw PatternSyntaxError(description: "'*' only ends a prefix: '\(word)'")
            }
            return .prefix(string(text.dropLast()))
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
