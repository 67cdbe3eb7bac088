/// Every pattern of every lexicon of one language, compiled into one token automaton.
///
/// Each distinct atom (a stem, a prefix, an exact form, a built-in class) gets a number.
/// For a token the matcher looks up the atoms it satisfies in hash tables (cost independent
/// of the number of patterns), starts the patterns whose first item has one of them, and
/// advances the partial matches still alive. One pass over a sentence's tokens yields every
/// match of every rule.
struct PhraseMatcher: Sendable {
    /// Which lexicon pattern a match came from: an entry's own pattern, or an exception
    /// (`unless`) of an entry or, with `entry == nil`, of the whole file.
    struct Owner: Hashable, Sendable {
        enum Role: Hashable, Sendable { case entry, exception }
        var file: Int
        var entry: Int?
        var role: Role
    }

    struct Match: Hashable, Sendable {
        var owner: Owner
        /// Indexes into the document's tokens, first and last word of the match.
        var tokens: ClosedRange<Int>
        var sentence: Int
    }

    private struct Item: Sendable {
        var atoms: [Int32] // sorted
        var gap: ClosedRange<Int>
    }

    private struct Program: Sendable {
        var items: [Item]
        var owner: Owner
    }

    private var programs: [Program] = []
    /// For each atom, the programs whose first item accepts it.
    private var starts: [[Int32]] = []
    private var stemAtoms: [FormKey: Int32] = [:]
    private var exactAtoms: [FormKey: Int32] = [:]
    private var prefixAtoms: [FormKey: Int32] = [:]
    /// Distinct prefix lengths in Unicode scalars, ascending: the only prefixes worth looking up.
    private var prefixLengths: [Int] = []
    private var builtinAtoms: [PatternAtom.Builtin: Int32] = [:]

    /// Compiles `files` (all of one language; `Owner.file` indexes this array). Patterns are
    /// normalised and stemmed exactly as text tokens are, by `analyzer`.
    init(files: [LexiconFile], language: Language, analyzer: TextAnalyzer) {
        var atomIDs: [PatternAtom: Int32] = [:]
        // Groups and optional items repeat the same atoms across variants: fold each once.
        var idsOfWrittenAtoms: [PatternAtom: Int32] = [:]
        func atomID(_ atom: PatternAtom) -> Int32 {
            if let id = idsOfWrittenAtoms[atom] { return id }
            let id = normalisedAtomID(atom)
            idsOfWrittenAtoms[atom] = id
            return id
        }
        func normalisedAtomID(_ atom: PatternAtom) -> Int32 {
            let key: PatternAtom
            switch atom {
            case .stem(let word): key = .stem(analyzer.foldAndStem(word, language: language).stem)
            case .prefix(let word): key = .prefix(analyzer.foldAndStem(word, language: language).form)
            case .exact(let word): key = .exact(analyzer.foldAndStem(word, language: language).form)
            case .builtin, .klass: key = atom
            }
            if let id = atomIDs[key] { return id }
            let id = Int32(atomIDs.count)
            atomIDs[key] = id
            return id
        }

        for (fileIndex, file) in files.enumerated() {
            // Patterns come from validated lexicons, so parsing cannot fail here.
            let classes = Dictionary(file.classes.map { ($0.name, $0.members.compactMap { try? PatternParser.parse($0).first?.atoms.first }) },
                                     uniquingKeysWith: { first, _ in first })
            func add(_ pattern: String, owner: Owner) {
                guard let variants = try? PatternParser.variants(pattern) else { return }
                for variant in variants {
                    let compiled = variant.map { item in
                        let atoms = item.atoms.flatMap { atom -> [PatternAtom] in
                            if case .klass(let name) = atom { return classes[name] ?? [] }
                            return [atom]
                        }
                        return Item(atoms: Array(Set(atoms.map(atomID))).sorted(), gap: item.gap)
                    }
                    programs.append(Program(items: compiled, owner: owner))
                }
            }
            for pattern in file.unless { add(pattern.text, owner: Owner(file: fileIndex, entry: nil, role: .exception)) }
            for (entryIndex, entry) in file.entries.enumerated() {
                for pattern in entry.patterns { add(pattern, owner: Owner(file: fileIndex, entry: entryIndex, role: .entry)) }
                for pattern in entry.unless { add(pattern, owner: Owner(file: fileIndex, entry: entryIndex, role: .exception)) }
            }
        }

        starts = Array(repeating: [], count: atomIDs.count)
        for (index, program) in programs.enumerated() {
            for atom in program.items[0].atoms { starts[Int(atom)].append(Int32(index)) }
        }
        var lengths = Set<Int>()
        for (atom, id) in atomIDs {
            switch atom {
            case .stem(let stem): stemAtoms[FormKey(stem)] = id
            case .exact(let form): exactAtoms[FormKey(form)] = id
            case .prefix(let prefix):
                prefixAtoms[FormKey(prefix)] = id
                lengths.insert(prefix.unicodeScalars.count)
            case .builtin(let builtin): builtinAtoms[builtin] = id
            case .klass: break
            }
        }
        prefixLengths = lengths.sorted()
    }

    /// A partial match: the program, the item it waits for, where it began, and how many
    /// tokens the gap before that item has skipped so far.
    private struct Thread: Hashable {
        var program: Int32
        var next: Int32
        var start: Int32
        var skipped: Int32
    }

    /// Appends every match in one sentence of `text` to `matches`.
    func matches(in text: AnalyzedText, sentence sentenceIndex: Int, into matches: inout [Match]) {
        var active: [Thread] = []
        var following: [Thread] = []
        var seen = Set<Thread>()
        var atoms: [Int32] = []
        for tokenIndex in text.sentences[sentenceIndex].tokens where text.tokens[tokenIndex].isWordLike {
            atoms.removeAll(keepingCapacity: true)
            collectAtoms(of: text.tokens[tokenIndex], into: &atoms)
            following.removeAll(keepingCapacity: true)
            seen.removeAll(keepingCapacity: true)
            func keep(_ thread: Thread) {
                if seen.insert(thread).inserted { following.append(thread) }
            }
            func emit(_ program: Int32, from start: Int32) {
                matches.append(Match(owner: programs[Int(program)].owner, tokens: Int(start)...tokenIndex, sentence: sentenceIndex))
            }

            for thread in active {
                let program = programs[Int(thread.program)]
                let item = program.items[Int(thread.next)]
                if thread.skipped >= item.gap.lowerBound, item.atoms.contains(where: atoms.contains) {
                    if Int(thread.next) + 1 == program.items.count {
                        emit(thread.program, from: thread.start)
                    } else {
                        keep(Thread(program: thread.program, next: thread.next + 1, start: thread.start, skipped: 0))
                    }
                }
                if thread.skipped < item.gap.upperBound {
                    keep(Thread(program: thread.program, next: thread.next, start: thread.start, skipped: thread.skipped + 1))
                }
            }
            for atom in atoms {
                for program in starts[Int(atom)] {
                    if programs[Int(program)].items.count == 1 {
                        emit(program, from: Int32(tokenIndex))
                    } else {
                        keep(Thread(program: program, next: 1, start: Int32(tokenIndex), skipped: 0))
                    }
                }
            }
            swap(&active, &following)
        }
    }

    /// The atoms a token satisfies, without duplicates.
    private func collectAtoms(of token: Token, into atoms: inout [Int32]) {
        func add(_ id: Int32?) {
            if let id, !atoms.contains(id) { atoms.append(id) }
        }
        add(exactAtoms[FormKey(token.form)])
        switch token.kind {
        case .word:
            add(stemAtoms[FormKey(token.stem)])
        case .number(let shape):
            add(builtinAtoms[.number])
            if shape == .time { add(builtinAtoms[.time]) }
            if shape == .date { add(builtinAtoms[.date]) }
        case .punctuation, .placeholder:
            return
        }
        guard !prefixLengths.isEmpty else { return }
        let scalars = token.form.unicodeScalars
        var prefix = String.UnicodeScalarView()
        var index = scalars.startIndex
        var length = 0
        for wanted in prefixLengths {
            while length < wanted, index < scalars.endIndex {
                prefix.append(scalars[index])
                index = scalars.index(after: index)
                length += 1
            }
            guard length == wanted else { break }
            add(prefixAtoms[FormKey(String(prefix))])
        }
    }
}
