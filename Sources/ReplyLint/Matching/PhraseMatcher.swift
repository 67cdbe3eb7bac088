/// Every pattern of every lexicon of one language, compiled into one token automaton.
///
/// Each distinct atom (a stem, a prefix, an exact form, a built-in class) gets a number, and
/// each word the set of atoms it satisfies, looked up in hash tables once per worker. The
/// partial matches alive after a word (which pattern, the item it waits for, how many words
/// the gap before that item has skipped, how many words back it began) make a state; the
/// state after the next word, and the matches that end at it, depend on nothing but the state
/// and that word's atoms. So the automaton is made deterministic lazily: each step is worked
/// out the first time a worker takes it and looked up after that (see `MatchMemo`), and a
/// word costs one look-up however many patterns there are. One pass over a sentence's words
/// yields every match of every rule.
final class PhraseMatcher: Sendable {
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
    }

    /// Items and their atoms live in flat arrays that programs index, so matching reads
    /// plain values and never retains an array.
    struct Item: Hashable, Sendable {
        var atoms: Range<Int> // into `itemAtoms`, sorted
        var gap: ClosedRange<Int>
    }

    struct Program: Hashable, Sendable {
        var items: Range<Int> // into `items`
        var owner: Owner
    }

    /// One language's patterns parsed, expanded into variants, normalised and stemmed: what
    /// the matcher's lookup tables are built from. `make lexicons` writes the built-in
    /// lexicons' into the binary, so a run does none of this work at start-up.
    struct Compiled: Hashable, Sendable {
        var programs: [Program] = []
        var items: [Item] = []
        var itemAtoms: [Int32] = []
        /// Each atom by its number, normalised.
        var atoms: [PatternAtom] = []
    }

    private let programs: [Program]
    private let items: [Item]
    private let itemAtoms: [Int32]
    /// For each atom, the programs whose first item accepts it, ascending: atom `a`'s are
    /// `startPrograms[startBounds[a]..<startBounds[a + 1]]`, flat so that a lookup retains no
    /// inner array.
    private let startBounds: [Int32]
    private let startPrograms: [Int32]
    private let stemAtoms: [FormKey: Int32]
    private let exactAtoms: [FormKey: Int32]
    private let prefixAtoms: PrefixTrie
    private let builtinAtoms: [PatternAtom.Builtin: Int32]

    /// The patterns of `files` (all of one language; `Owner.file` indexes this array),
    /// normalised and stemmed exactly as text tokens are, by `analyzer`.
    static func compile(_ files: [LexiconFile], language: Language, analyzer: TextAnalyzer) -> Compiled {
        var programs: [Program] = [], items: [Item] = [], itemAtoms: [Int32] = []
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
                    let first = items.count
                    for item in variant {
                        let atoms = item.atoms.flatMap { atom -> [PatternAtom] in
                            if case .klass(let name) = atom { return classes[name] ?? [] }
                            return [atom]
                        }
                        let start = itemAtoms.count
                        itemAtoms += Array(Set(atoms.map(atomID))).sorted()
                        items.append(Item(atoms: start..<itemAtoms.count, gap: item.gap))
                    }
                    programs.append(Program(items: first..<items.count, owner: owner))
                }
            }
            for pattern in file.unless { add(pattern.text, owner: Owner(file: fileIndex, entry: nil, role: .exception)) }
            for (entryIndex, entry) in file.entries.enumerated() {
                for pattern in entry.patterns { add(pattern, owner: Owner(file: fileIndex, entry: entryIndex, role: .entry)) }
                for pattern in entry.unless { add(pattern, owner: Owner(file: fileIndex, entry: entryIndex, role: .exception)) }
            }
        }

        var atoms = [PatternAtom](repeating: .klass(""), count: atomIDs.count)
        for (atom, id) in atomIDs { atoms[Int(id)] = atom }
        return Compiled(programs: programs, items: items, itemAtoms: itemAtoms, atoms: atoms)
    }

    /// A matcher of the patterns already compiled of the files `keeping` marks: the others'
    /// patterns never start, and atoms only they use are never looked up. Built at the start of
    /// every run, so its tables are filled by counting into flat arrays, not grown an array per atom.
    init(_ compiled: Compiled, keeping: [Bool]) {
        let (programs, items, itemAtoms) = (compiled.programs, compiled.items, compiled.itemAtoms)
        var isUsed = [Bool](repeating: false, count: compiled.atoms.count)
        // Per atom, how many programs it starts; then, as prefix sums, where they go.
        var startBounds = [Int32](repeating: 0, count: compiled.atoms.count + 1)
        for program in programs where keeping[program.owner.file] {
            for item in items[program.items] {
                for atom in itemAtoms[item.atoms] { isUsed[Int(atom)] = true }
            }
            for atom in itemAtoms[items[program.items.lowerBound].atoms] { startBounds[Int(atom) + 1] += 1 }
        }
        for atom in 0..<compiled.atoms.count { startBounds[atom + 1] += startBounds[atom] }
        var startPrograms = [Int32](repeating: 0, count: Int(startBounds.last!))
        var filled = startBounds
        for (index, program) in programs.enumerated() where keeping[program.owner.file] {
            for atom in itemAtoms[items[program.items.lowerBound].atoms] {
                startPrograms[Int(filled[Int(atom)])] = Int32(index)
                filled[Int(atom)] += 1
            }
        }
        var stemAtoms: [FormKey: Int32] = [:], exactAtoms: [FormKey: Int32] = [:]
        stemAtoms.reserveCapacity(compiled.atoms.count)
        exactAtoms.reserveCapacity(compiled.atoms.count / 4)
        var prefixAtoms = PrefixTrie(), builtinAtoms: [PatternAtom.Builtin: Int32] = [:]
        for (id, atom) in zip(Int32(0)..., compiled.atoms) where isUsed[Int(id)] {
            switch atom {
            case .stem(let stem): stemAtoms[FormKey(stem)] = id
            case .exact(let form): exactAtoms[FormKey(form)] = id
            case .prefix(let prefix): prefixAtoms.insert(prefix, id: id)
            case .builtin(let builtin): builtinAtoms[builtin] = id
            case .klass: break
            }
        }
        (self.programs, self.items, self.itemAtoms) = (programs, items, itemAtoms)
        (self.startBounds, self.startPrograms) = (startBounds, startPrograms)
        (self.stemAtoms, self.exactAtoms, self.prefixAtoms, self.builtinAtoms) = (stemAtoms, exactAtoms, prefixAtoms, builtinAtoms)
    }

    /// A partial match: the program, the item it waits for, how many words the gap before that
    /// item has skipped so far, and how many words back, from the word it is met at, it began.
    struct Thread: Equatable {
        var program: Int32
        var next: Int32
        var skipped: Int32
        var age: Int32

        /// A multiplicative hash of all four fields: threads are hashed every time a step is
        /// worked out, so not with SipHash.
        var hash: UInt64 {
            (UInt64(UInt32(bitPattern: program)) << 32 | UInt64(UInt32(bitPattern: age))) &* 0x9E37_79B9_7F4A_7C15
                ^ (UInt64(UInt32(bitPattern: next)) << 32 | UInt64(UInt32(bitPattern: skipped))) &* 0xC2B2_AE3D_27D4_EB4F
        }
    }

    /// A match that ends at a word: its program, and how many words back it began.
    struct Ending {
        var program: Int32
        var age: Int32
    }

    /// What `threads` (a state) become at a word whose atoms are `atoms`: the threads alive
    /// after it, in the order they are kept, each once, and the matches that end at it, in the
    /// order they are reported. Worked out once per worker for each step (see `MatchMemo`), so
    /// with no look-ahead: a thread is kept while its gap lets it wait, whatever follows.
    fileprivate func step(_ threads: ArraySlice<Thread>, atoms: ArraySlice<Int32>) -> (threads: [Thread], endings: [Ending]) {
        var starts = 0
        for atom in atoms { starts += Int(startBounds[Int(atom) + 1] - startBounds[Int(atom)]) }
        var kept: [Thread] = [], endings: [Ending] = []
        kept.reserveCapacity(threads.count * 2 + starts)
        // Which threads are kept, by hash: open addressing over `kept`'s indexes (-1: empty),
        // at least twice as many slots as threads can be kept.
        var slots = [Int32](repeating: -1, count: 1 << (Int.bitWidth - (threads.count * 4 + starts * 2 + 1).leadingZeroBitCount))
        func keep(_ thread: Thread) {
            var slot = Int(truncatingIfNeeded: thread.hash >> 32) & (slots.count - 1)
            while slots[slot] >= 0 {
                if kept[Int(slots[slot])] == thread { return }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Int32(kept.count)
            kept.append(thread)
        }
        for thread in threads {
            let program = programs[Int(thread.program)]
            let item = items[program.items.lowerBound + Int(thread.next)]
            if thread.skipped >= item.gap.lowerBound, itemAtoms[item.atoms].contains(where: atoms.contains) {
                if Int(thread.next) + 1 == program.items.count {
                    endings.append(Ending(program: thread.program, age: thread.age))
                } else {
                    keep(Thread(program: thread.program, next: thread.next + 1, skipped: 0, age: thread.age + 1))
                }
            }
            if thread.skipped < item.gap.upperBound {
                keep(Thread(program: thread.program, next: thread.next, skipped: thread.skipped + 1, age: thread.age + 1))
            }
        }
        // Programs start in ascending order per atom, in the order the word's atoms were found.
        for atom in atoms {
            for program in startPrograms[Int(startBounds[Int(atom)])..<Int(startBounds[Int(atom) + 1])] {
                if programs[Int(program)].items.count == 1 {
                    endings.append(Ending(program: program, age: 0))
                } else {
                    keep(Thread(program: program, next: 1, skipped: 0, age: 1))
                }
            }
        }
        return (kept, endings)
    }

    /// Appends every match in one sentence of `text` to `matches`.
    func matches(in text: AnalyzedText, sentence sentenceIndex: Int, memo: inout MatchMemo, into matches: inout [Match]) {
        memo.startSentence()
        var state: Int32 = 0
        for tokenIndex in text.sentences[sentenceIndex].tokens where text.tokens[tokenIndex].isWordLike {
            memo.positions.append(tokenIndex)
            let word = Int(text.tokens[tokenIndex].word)
            // Only the key is read for a word met before: copying the word would retain its strings.
            let key = text.words[word].key
            let atoms = memo.atomSet(ofWord: key)
                ?? memo.addAtomSet(self.atoms(of: text.words[word], kind: text.tokens[tokenIndex].kind), ofWord: key)
            // Most words satisfy no atom and meet no partial match.
            if state == 0, atoms == 0 { continue }
            let known = memo.step(from: state, on: atoms)
            let step = known ?? memo.addStep(from: state, on: atoms)
            for index in Int(step.endings.start)..<Int(step.endings.end) {
                let ending = memo.endings[index]
                let start = memo.positions[memo.positions.count - 1 - Int(ending.age)]
                matches.append(Match(owner: programs[Int(ending.program)].owner, tokens: start...tokenIndex))
            }
            state = known == nil ? memo.startOverIfFull(keeping: step.next) : step.next
        }
    }

    /// The atoms a word satisfies, without duplicates.
    private func atoms(of word: AnalyzedText.Word, kind: Token.Kind) -> [Int32] {
        var atoms: [Int32] = []
        func add(_ id: Int32?) {
            if let id, !atoms.contains(id) { atoms.append(id) }
        }
        add(exactAtoms[FormKey(word.form)])
        switch kind {
        case .word:
            add(stemAtoms[FormKey(word.stem)])
        case .number(let shape):
            add(builtinAtoms[.number])
            if shape == .time { add(builtinAtoms[.time]) }
            if shape == .date { add(builtinAtoms[.date]) }
        case .punctuation, .placeholder:
            return atoms
        }
        var form = word.form
        form.withUTF8 { prefixAtoms.forEachPrefix(of: $0) { add($0) } }
        return atoms
    }
}

/// What one compiled matcher has worked out for one worker: the set of atoms of each word met
/// (by `AnalyzedText.Word.key`, so for one vocabulary generation) and the automaton's states
/// and steps taken so far. Taken out of the analyzer for a document and given back, so that
/// adding to it copies nothing.
struct MatchMemo {
    /// Held so that no other matcher can take its place (and its `ObjectIdentifier`) while
    /// this memo exists.
    let matcher: PhraseMatcher
    /// Per word key, its atom set's number plus one; 0: not met yet.
    private var wordAtomSets: [Int32] = []
    /// The atom sets met, each as the word's atoms were found; set 0 is empty.
    private var atomSets = InternedLists<Int32>()
    /// The states met, each as its threads were kept; state 0 has none.
    private var states = InternedLists<PhraseMatcher.Thread>()
    private var steps = StepTable()
    /// The matches that end at each step, as `Step.endings` gives them.
    private(set) var endings: [PhraseMatcher.Ending] = []
    /// The document token of each word of the sentence being matched, by position.
    fileprivate(set) var positions: [Int] = []
    /// How many threads, steps and endings the automaton keeps before it starts over: the
    /// steps a run takes are few (1,837 over the whole benchmark corpus), but a text could be
    /// written to make many. At the default, the automaton stays under 10 MB.
    private let limit: Int

    init(_ matcher: PhraseMatcher, limit: Int = 1 << 16) {
        (self.matcher, self.limit) = (matcher, limit)
        _ = atomSets.number(of: [], hash: 0)
        _ = states.number(of: [], hash: 0)
    }

    struct Step {
        var next: Int32
        var endings: (start: Int32, end: Int32)
    }

    /// Empties the sentence's positions.
    mutating func startSentence() {
        positions.removeAll(keepingCapacity: true)
    }

    /// Starts the automaton over if it has grown past its limit, keeping only `state`, the one
    /// in use (a sentence can be as long as a file); returns the state's number from then on.
    mutating func startOverIfFull(keeping state: Int32) -> Int32 {
        guard states.elements.count > limit || endings.count > limit || steps.count > limit else { return state }
        let threads = Array(states[state])
        (states, steps, endings) = (InternedLists(), StepTable(), [])
        _ = states.number(of: [], hash: 0)
        return states.number(of: threads, hash: Self.hash(threads))
    }

    private static func hash(_ threads: [PhraseMatcher.Thread]) -> UInt64 {
        threads.reduce(UInt64(threads.count)) { ($0 ^ $1.hash) &* 0xFF51_AFD7_ED55_8CCD }
    }

    /// The number of the atom set of the word with `key`; nil the first time, when it is not known yet.
    func atomSet(ofWord key: Int32) -> Int32? {
        let key = Int(key)
        guard key < wordAtomSets.count, wordAtomSets[key] > 0 else { return nil }
        return wordAtomSets[key] - 1
    }

    /// Keeps `atoms` as those of the word with `key`, and returns their set's number.
    mutating func addAtomSet(_ atoms: [Int32], ofWord key: Int32) -> Int32 {
        let key = Int(key)
        if key >= wordAtomSets.count {
            wordAtomSets += repeatElement(0, count: max(key + 1, wordAtomSets.count * 2) - wordAtomSets.count)
        }
        let hash = atoms.reduce(UInt64(atoms.count)) { ($0 ^ UInt64(UInt32(bitPattern: $1))) &* 0x9E37_79B9_7F4A_7C15 }
        let number = atomSets.number(of: atoms, hash: hash)
        wordAtomSets[key] = number + 1
        return number
    }

    /// The step from `state` at a word of atom set `atoms`; nil if not taken yet.
    func step(from state: Int32, on atoms: Int32) -> Step? { steps[StepTable.key(state, atoms)] }

    /// Works out the step from `state` at a word of atom set `atoms`, and keeps it.
    mutating func addStep(from state: Int32, on atoms: Int32) -> Step {
        let (threads, found) = matcher.step(states[state], atoms: atomSets[atoms])
        let step = Step(next: states.number(of: threads, hash: Self.hash(threads)),
                        endings: (Int32(endings.count), Int32(endings.count + found.count)))
        endings += found
        steps.insert(step, for: StepTable.key(state, atoms))
        return step
    }
}

/// Lists kept one after another in one array, each once, numbered in the order they were first
/// added: the atom sets and the states a worker meets.
private struct InternedLists<Element: Equatable> {
    private(set) var elements: [Element] = []
    /// Where each list starts in `elements`, and, in the next element, ends.
    private var bounds: [Int32] = [0]
    /// Per slot, a list's hash and number (-1: an empty slot), for open addressing.
    private var slots = [(hash: UInt64, number: Int32)](repeating: (0, -1), count: 64)

    subscript(number: Int32) -> ArraySlice<Element> { elements[Int(bounds[Int(number)])..<Int(bounds[Int(number) + 1])] }

    /// The number of `list`, whose hash is `hash`, added if it is new.
    mutating func number(of list: [Element], hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while slots[slot].number >= 0 {
            if slots[slot].hash == hash, self[slots[slot].number].elementsEqual(list) { return slots[slot].number }
            slot = (slot + 1) & mask
        }
        let number = Int32(bounds.count - 1)
        elements += list
        bounds.append(Int32(elements.count))
        slots[slot] = (hash, number)
        if bounds.count * 2 > slots.count {
            let old = slots
            slots = Array(repeating: (0, -1), count: old.count * 2)
            for entry in old where entry.number >= 0 {
                var slot = Int(truncatingIfNeeded: entry.hash >> 32) & (slots.count - 1)
                while slots[slot].number >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = entry
            }
        }
        return number
    }
}

/// The steps taken, by state and atom set: an open-addressing table with a multiplicative
/// hash, read at every word that meets a partial match or satisfies an atom.
private struct StepTable {
    /// Per slot, its key (`empty` where none is) and step, side by side.
    private var slots = [(key: UInt64, step: MatchMemo.Step)](repeating: (empty, MatchMemo.Step(next: 0, endings: (0, 0))), count: 256)
    private(set) var count = 0
    private static let empty = UInt64.max

    static func key(_ state: Int32, _ atoms: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: atoms))
    }

    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key ^ key >> 29) &* 0x9E37_79B9_7F4A_7C15 >> 32) & mask
    }

    subscript(key: UInt64) -> MatchMemo.Step? {
        let mask = slots.count - 1
        var slot = Self.slot(key, mask: mask)
        while slots[slot].key != Self.empty {
            if slots[slot].key == key { return slots[slot].step }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps `step` under `key`, which is not in the table.
    mutating func insert(_ step: MatchMemo.Step, for key: UInt64) {
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: (Self.empty, step), count: old.count * 2)
            count = 0
            for entry in old where entry.key != Self.empty { insert(entry.step, for: entry.key) }
        }
        let mask = slots.count - 1
        var slot = Self.slot(key, mask: mask)
        while slots[slot].key != Self.empty { slot = (slot + 1) & mask }
        slots[slot] = (key, step)
        count += 1
    }
}

/// The prefix atoms as a byte trie: one walk down a form's UTF-8 bytes finds every prefix
/// it begins with, shortest first, at a cost that does not grow with the number of prefixes.
/// Prefixes are whole UTF-8 strings, so a prefix's bytes end on a boundary of the form too.
private struct PrefixTrie: Sendable {
    private struct Node: Sendable {
        var children: [(byte: UInt8, node: Int32)] = []
        var atom: Int32 = -1
    }

    private var nodes = [Node()]

    mutating func insert(_ prefix: String, id: Int32) {
        var node = 0
        for byte in prefix.utf8 {
            if let child = nodes[node].children.first(where: { $0.byte == byte }) {
                node = Int(child.node)
            } else {
                nodes.append(Node())
                nodes[node].children.append((byte, Int32(nodes.count - 1)))
                node = nodes.count - 1
            }
        }
        nodes[node].atom = id
    }

    /// Calls `body` with the atom of each prefix of `form`, in order of length.
    func forEachPrefix(of form: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        var node = 0
        for byte in form {
            guard let child = nodes[node].children.first(where: { $0.byte == byte }) else { return }
            node = Int(child.node)
            if nodes[node].atom >= 0 { body(nodes[node].atom) }
        }
    }
}

extension PhraseMatcher.Compiled {
    /// The compiled patterns as plain numbers and strings, the form generated source holds:
    /// five numbers a program (its items, file, entry or -1, and 0 for an entry's own pattern
    /// or 1 for an exception), four an item (its atoms and gap), and each atom as its kind's
    /// letter (s, p, e, b) followed by its text.
    struct Flat: Equatable {
        var programs: [Int32]
        var items: [Int32]
        var itemAtoms: [Int32]
        var atoms: [String]
    }

    var flat: Flat {
        Flat(
            programs: programs.flatMap { program in
                [program.items.lowerBound, program.items.upperBound, program.owner.file, program.owner.entry ?? -1,
                 program.owner.role == .entry ? 0 : 1].map { Int32($0) }
            },
            items: items.flatMap { [$0.atoms.lowerBound, $0.atoms.upperBound, $0.gap.lowerBound, $0.gap.upperBound].map { Int32($0) } },
            itemAtoms: itemAtoms,
            atoms: atoms.map { atom in
                switch atom {
                case .stem(let text): "s" + text
                case .prefix(let text): "p" + text
                case .exact(let text): "e" + text
                case .builtin(let builtin): "b" + builtin.rawValue
                case .klass(let name): "k" + name
                }
            })
    }

    /// Read at the start of every run: indexed in place, each atom's kind told by its first
    /// byte, so that no array is made per program or item and no character is decoded.
    init(_ flat: Flat) {
        let programs = stride(from: 0, to: flat.programs.count, by: 5).map { index in
            let (entry, role) = (Int(flat.programs[index + 3]), flat.programs[index + 4])
            let owner = PhraseMatcher.Owner(file: Int(flat.programs[index + 2]), entry: entry < 0 ? nil : entry,
                                            role: role == 0 ? .entry : .exception)
            return PhraseMatcher.Program(items: Int(flat.programs[index])..<Int(flat.programs[index + 1]), owner: owner)
        }
        let items = stride(from: 0, to: flat.items.count, by: 4).map { index in
            PhraseMatcher.Item(atoms: Int(flat.items[index])..<Int(flat.items[index + 1]),
                               gap: Int(flat.items[index + 2])...Int(flat.items[index + 3]))
        }
        let atoms = flat.atoms.map { code -> PatternAtom in
            let text = String(Substring(code.utf8.dropFirst()))
            switch code.utf8.first {
            case UInt8(ascii: "s"): return .stem(text)
            case UInt8(ascii: "p"): return .prefix(text)
            case UInt8(ascii: "e"): return .exact(text)
            case UInt8(ascii: "b"): return PatternAtom.Builtin(rawValue: text).map(PatternAtom.builtin) ?? .klass(text)
            default: return .klass(text)
            }
        }
        self.init(programs: programs, items: items, itemAtoms: flat.itemAtoms, atoms: atoms)
    }
}
