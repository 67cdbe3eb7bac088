/// Every pattern of every lexicon of one language, compiled into one token automaton.
///
/// Each distinct atom (a stem, a prefix, an exact form, a built-in class) gets a number.
/// For a token the matcher looks up the atoms it satisfies in hash tables (cost independent
/// of the number of patterns), starts the patterns whose first item has one of them, and
/// advances the partial matches still alive. One pass over a sentence's tokens yields every
/// match of every rule.
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
    /// For each atom, the programs whose first item accepts it and that have one item or a
    /// gap before the second: atom `a`'s are `startPrograms[startBounds[a]..<startBounds[a + 1]]`,
    /// flat so that a lookup retains no inner array.
    private let startBounds: [Int32]
    private let startPrograms: [Int32]
    /// For each pair of atoms (first item, second item right after it), the other programs,
    /// grouped by their third item: a start considers only programs the next token can
    /// continue, so its cost does not grow with the number of patterns that begin alike, and
    /// the variants of a phrase that go on alike are checked against the sentence once.
    private let pairStarts: PairTable
    /// For each program, a number shared by programs with the same second item (-1: none):
    /// variants of one pattern mostly continue alike, so a start checks each once.
    private let secondItems: [Int32]
    /// How many atoms there are: the size of a sentence's set of atoms present.
    private let atomCount: Int
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
    /// every run, so its tables are filled by counting and sorting into flat arrays, not grown
    /// an array per atom or per pair.
    init(_ compiled: Compiled, keeping: [Bool]) {
        let (programs, items, itemAtoms) = (compiled.programs, compiled.items, compiled.itemAtoms)
        var isUsed = [Bool](repeating: false, count: compiled.atoms.count)
        // Per atom, how many programs it starts alone; then, as prefix sums, where they go.
        var startBounds = [Int32](repeating: 0, count: compiled.atoms.count + 1)
        // The programs that begin with a pair of atoms, as (pair, program), in program order.
        var pairs: [(key: UInt64, program: Int32)] = []
        /// Whether a program's second item follows its first with no gap: such a program is
        /// started from the pair of atoms, the others from their first atom alone.
        func beginsWithPair(_ program: Program) -> Bool {
            program.items.count > 1 && items[program.items.lowerBound + 1].gap == 0...0
        }
        for (index, program) in programs.enumerated() where keeping[program.owner.file] {
            for item in items[program.items] {
                for atom in itemAtoms[item.atoms] { isUsed[Int(atom)] = true }
            }
            for atom in itemAtoms[items[program.items.lowerBound].atoms] {
                if beginsWithPair(program) {
                    for next in itemAtoms[items[program.items.lowerBound + 1].atoms] {
                        pairs.append((PairTable.key(atom, next), Int32(index)))
                    }
                } else {
                    startBounds[Int(atom) + 1] += 1
                }
            }
        }
        for atom in 0..<compiled.atoms.count { startBounds[atom + 1] += startBounds[atom] }
        var startPrograms = [Int32](repeating: 0, count: Int(startBounds.last!))
        var filled = startBounds
        for (index, program) in programs.enumerated() where keeping[program.owner.file] && !beginsWithPair(program) {
            for atom in itemAtoms[items[program.items.lowerBound].atoms] {
                startPrograms[Int(filled[Int(atom)])] = Int32(index)
                filled[Int(atom)] += 1
            }
        }
        (self.startBounds, self.startPrograms) = (startBounds, startPrograms)

        /// An item as the programs' second items are told apart: its gap and its atoms.
        struct SecondItem: Hashable {
            var gap: ClosedRange<Int>
            var atoms: ArraySlice<Int32>
        }
        var secondItemIDs: [SecondItem: Int32] = [:]
        secondItemIDs.reserveCapacity(programs.count)
        secondItems = programs.map { program -> Int32 in
            guard program.items.count > 1 else { return -1 }
            let item = items[program.items.lowerBound + 1]
            let key = SecondItem(gap: item.gap, atoms: itemAtoms[item.atoms])
            if let id = secondItemIDs[key] { return id }
            let id = Int32(secondItemIDs.count)
            secondItemIDs[key] = id
            return id
        }
        var stemAtoms: [FormKey: Int32] = [:], exactAtoms: [FormKey: Int32] = [:]
        stemAtoms.reserveCapacity(compiled.atoms.count)
        exactAtoms.reserveCapacity(compiled.atoms.count / 4)
        var prefixAtoms = PrefixTrie(), builtinAtoms: [PatternAtom.Builtin: Int32] = [:]
        for (id, atom) in zip(Int32(0)..., compiled.atoms) where isUsed[Int(id)] {
            switch atom {
            case .stem(let stem): stemAtoms[FormKey(stem)] = id
            case .exact(let form): exactAtoms[FormKey(form)] = id
            case .prefix(let prefix):
                prefixAtoms.insert(prefix, id: id)
            case .builtin(let builtin): builtinAtoms[builtin] = id
            case .klass: break
            }
        }
        (self.programs, self.items, self.itemAtoms) = (programs, items, itemAtoms)
        atomCount = compiled.atoms.count
        // A pair's programs in ascending order, as they were added: sorted by pair, then program.
        pairs.sort { ($0.key, $0.program) < ($1.key, $1.program) }
        // Programs whose third item takes the same atoms share one check of the sentence.
        self.pairStarts = PairTable(pairs, atoms: compiled.atoms.count) { program in
            let range = programs[Int(program)].items
            return range.count > 2 ? Int32(range.lowerBound + 2) : -1
        } takeSameAtoms: { first, second in
            itemAtoms[items[Int(first)].atoms].elementsEqual(itemAtoms[items[Int(second)].atoms])
        }
        (self.stemAtoms, self.exactAtoms, self.prefixAtoms, self.builtinAtoms) = (stemAtoms, exactAtoms, prefixAtoms, builtinAtoms)
    }

    /// A partial match: the program, the item it waits for, where it began, and how many
    /// tokens the gap before that item has skipped so far.
    fileprivate struct Thread: Equatable {
        var program: Int32
        var next: Int32
        var start: Int32
        var skipped: Int32

        /// A multiplicative hash of all four fields: threads are hashed for every token they
        /// survive, so not with SipHash.
        var hash: UInt64 {
            (UInt64(UInt32(bitPattern: program)) << 32 | UInt64(UInt32(bitPattern: start)))
                &* 0x9E37_79B9_7F4A_7C15 ^ (UInt64(UInt32(bitPattern: next)) << 16 | UInt64(UInt32(bitPattern: skipped)))
                &* 0xC2B2_AE3D_27D4_EB4F
        }
    }

    /// The word-like tokens of one sentence, each with where its atoms are in the atom cache:
    /// found once per sentence, read by every thread, and never copied.
    fileprivate struct SentenceAtoms {
        /// Per position (positions count word-like tokens only), the document token's index and
        /// where its atoms are in the atom cache: one array, appended to once per token.
        var words: [(token: Int, span: AtomCache.Span)] = []
        /// The atom cache's atoms, which the spans index, held while the sentence is matched.
        var atoms: [Int32] = []

        /// Empties the sentence, letting go of the cache's atoms, which the cache can then
        /// add to without copying them.
        mutating func removeAll() {
            words.removeAll(keepingCapacity: true)
            atoms = []
        }

        /// Whether the token at `position` satisfies an item whose atoms are `item` of
        /// `itemAtoms`. Asked for every live thread at every token, so it reads through
        /// pointers: slices would retain their arrays and check every index.
        func satisfies(_ position: Int, _ item: Range<Int>, of itemAtoms: [Int32]) -> Bool {
            atoms.withUnsafeBufferPointer { atoms in
                itemAtoms.withUnsafeBufferPointer { itemAtoms in
                    for index in words[position].span.range {
                        for candidate in item where itemAtoms[candidate] == atoms[index] { return true }
                    }
                    return false
                }
            }
        }
    }

    /// The threads alive after a token, in the order they were kept, each once. Few are alive
    /// at a time, so a scan finds a duplicate; a hash table takes over when many are. Emptied
    /// at every token, so it keeps its own count over storage it never shrinks: emptying an
    /// array costs a generic call.
    fileprivate struct ThreadList {
        private var storage: [Thread] = []
        private(set) var count = 0
        /// Open addressing over indexes of the threads (-1: empty), filled once `scanned` are
        /// alive; a power of two at least twice as long as `count`. Every slot is empty while
        /// the list is not indexed.
        private var slots: [Int32] = []
        private var isIndexed = false
        private static let scanned = 16

        subscript(index: Int) -> Thread { storage[index] }

        mutating func insert(_ thread: Thread) {
            if !isIndexed {
                for index in 0..<count where storage[index] == thread { return }
                append(thread)
                if count == Self.scanned { index() }
                return
            }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: thread.hash >> 32) & mask
            while slots[slot] >= 0 {
                if storage[Int(slots[slot])] == thread { return }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(count)
            append(thread)
            if count * 2 > slots.count { index() }
        }

        private mutating func append(_ thread: Thread) {
            if count < storage.count { storage[count] = thread } else { storage.append(thread) }
            count += 1
        }

        /// Puts every thread in a table of at least four times as many slots.
        private mutating func index() {
            var size = max(64, slots.count)
            while size < count * 4 { size *= 2 }
            // A table of the same size is empty already: it is only reused right after `removeAll`.
            if slots.count != size { slots = [Int32](repeating: -1, count: size) }
            let mask = size - 1
            for position in 0..<count {
                var slot = Int(truncatingIfNeeded: storage[position].hash >> 32) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(position)
            }
            isIndexed = true
        }

        mutating func removeAll() {
            count = 0
            if isIndexed {
                for slot in slots.indices { slots[slot] = -1 }
                isIndexed = false
            }
        }
    }

    /// The atoms some token of a sentence satisfies, one bit each: a thread is started only if
    /// each of its program's items can be satisfied somewhere in the sentence. Most starts are
    /// of common words ("we are", «мы не») that begin many patterns, the rest of which a
    /// sentence seldom holds, so this spares the matcher most of the threads it would advance.
    fileprivate struct AtomSet {
        private var words: [UInt64] = []

        /// Adds the atoms of `sentence`, making room for `count` atoms.
        mutating func insert(_ sentence: SentenceAtoms, count: Int) {
            let needed = (count + 63) / 64
            if words.count < needed { words += repeatElement(0, count: needed - words.count) }
            words.withUnsafeMutableBufferPointer { words in
                sentence.atoms.withUnsafeBufferPointer { atoms in
                    for (_, span) in sentence.words {
                        for index in span.range { words[Int(atoms[index]) >> 6] |= 1 << UInt64(atoms[index] & 63) }
                    }
                }
            }
        }

        /// Removes the atoms of `sentence`, which were inserted: cheaper than clearing every word.
        mutating func remove(_ sentence: SentenceAtoms) {
            words.withUnsafeMutableBufferPointer { words in
                sentence.atoms.withUnsafeBufferPointer { atoms in
                    for (_, span) in sentence.words {
                        for index in span.range { words[Int(atoms[index]) >> 6] = 0 }
                    }
                }
            }
        }

        func containsAny(_ atoms: UnsafeBufferPointer<Int32>) -> Bool {
            words.withUnsafeBufferPointer { words in
                atoms.contains { words[Int($0) >> 6] & 1 << UInt64($0 & 63) != 0 }
            }
        }

        /// Whether an atom of the item whose atoms are `item` of `itemAtoms` is in the set.
        func containsAny(item: Range<Int>, of itemAtoms: [Int32]) -> Bool {
            itemAtoms.withUnsafeBufferPointer { containsAny(UnsafeBufferPointer(rebasing: $0[item])) }
        }
    }

    /// Whether every item of `program` from its item `first` on has an atom in `present`.
    private func canBeSatisfied(_ program: Int32, from first: Int, in present: AtomSet) -> Bool {
        let items = programs[Int(program)].items
        return itemAtoms.withUnsafeBufferPointer { itemAtoms in
            self.items.withUnsafeBufferPointer { allItems in
                for index in (items.lowerBound + first)..<items.upperBound {
                    guard present.containsAny(UnsafeBufferPointer(rebasing: itemAtoms[allItems[index].atoms])) else { return false }
                }
                return true
            }
        }
    }

    /// Buffers that matching reuses from one sentence to the next.
    struct Scratch {
        fileprivate var present = AtomSet()
        fileprivate var sentence = SentenceAtoms()
        fileprivate var active = ThreadList()
        fileprivate var following = ThreadList()
        fileprivate var startable: [Int32] = []
    }

    /// Appends every match in one sentence of `text` to `matches`.
    func matches(in text: AnalyzedText, sentence sentenceIndex: Int, atomCache: inout AtomCache, scratch: inout Scratch,
                 into matches: inout [Match]) {
        scratch.present.remove(scratch.sentence)
        scratch.sentence.removeAll()
        scratch.active.removeAll()
        for tokenIndex in text.sentences[sentenceIndex].tokens where text.tokens[tokenIndex].isWordLike {
            let token = text.tokens[tokenIndex]
            // Only the key is read for a word met before: copying the word would retain its strings.
            let key = text.words[Int(token.word)].key
            let span = atomCache.span(of: key)
                ?? atomCache.remember(atoms(of: text.words[Int(token.word)], kind: token.kind), of: key)
            scratch.sentence.words.append((tokenIndex, span))
        }
        // Read, not changed, from here on: the cache's atoms, held once for the sentence.
        scratch.sentence.atoms = atomCache.atoms
        scratch.present.insert(scratch.sentence, count: atomCount)
        for position in scratch.sentence.words.indices {
            // Most words satisfy no atom and meet no thread: nothing starts, ends or waits.
            if scratch.active.count == 0, scratch.sentence.words[position].span.isEmpty { continue }
            let tokenIndex = scratch.sentence.words[position].token
            scratch.following.removeAll()
            // A thread whose next item no token within its gap satisfies can never complete:
            // dropping it now leaves the matches and their order exactly as they were.
            func canComplete(_ thread: Thread) -> Bool {
                let item = items[programs[Int(thread.program)].items.lowerBound + Int(thread.next)]
                let first = position + 1 + max(0, item.gap.lowerBound - Int(thread.skipped))
                let last = min(scratch.sentence.words.count - 1, position + 1 + item.gap.upperBound - Int(thread.skipped))
                return first <= last && (first...last).contains { scratch.sentence.satisfies($0, item.atoms, of: itemAtoms) }
            }
            func keep(_ thread: Thread, canComplete: Bool) {
                if canComplete { scratch.following.insert(thread) }
            }
            func keep(_ thread: Thread) { keep(thread, canComplete: canComplete(thread)) }
            func emit(_ program: Int32, from start: Int32) {
                matches.append(Match(owner: programs[Int(program)].owner, tokens: Int(start)...tokenIndex))
            }

            for index in 0..<scratch.active.count {
                let thread = scratch.active[index]
                let program = programs[Int(thread.program)]
                let item = items[program.items.lowerBound + Int(thread.next)]
                if thread.skipped >= item.gap.lowerBound, scratch.sentence.satisfies(position, item.atoms, of: itemAtoms) {
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
            var checkedSecondItem: Int32 = -1, secondItemCanComplete = false
            for atomIndex in scratch.sentence.words[position].span.range {
                let atom = scratch.sentence.atoms[atomIndex]
                // Programs are started in ascending order per atom, as one list held them.
                if !scratch.startable.isEmpty { scratch.startable.removeAll(keepingCapacity: true) }
                for startIndex in Int(startBounds[Int(atom)])..<Int(startBounds[Int(atom) + 1]) {
                    let program = startPrograms[startIndex]
                    let secondItem = secondItems[Int(program)]
                    if secondItem < 0 {
                        emit(program, from: Int32(tokenIndex))
                        continue
                    }
                    if secondItem != checkedSecondItem {
                        checkedSecondItem = secondItem
                        secondItemCanComplete = canComplete(Thread(program: program, next: 1, start: Int32(tokenIndex), skipped: 0))
                    }
                    if secondItemCanComplete, canBeSatisfied(program, from: 2, in: scratch.present) {
                        scratch.startable.append(program)
                    }
                }
                if position + 1 < scratch.sentence.words.count, pairStarts.beginsPair(atom) {
                    for nextIndex in scratch.sentence.words[position + 1].span.range {
                        pairStarts.forEachGroup(atom, scratch.sentence.atoms[nextIndex]) { thirdItem, programs in
                            guard thirdItem >= 0 else { return scratch.startable.append(contentsOf: programs) }
                            guard scratch.present.containsAny(item: items[Int(thirdItem)].atoms, of: itemAtoms) else { return }
                            for program in programs where canBeSatisfied(program, from: 3, in: scratch.present) {
                                scratch.startable.append(program)
                            }
                        }
                    }
                }
                if scratch.startable.count > 1 { scratch.startable.sort() }
                for startIndex in scratch.startable.indices {
                    keep(Thread(program: scratch.startable[startIndex], next: 1, start: Int32(tokenIndex), skipped: 0), canComplete: true)
                }
            }
            swap(&scratch.active, &scratch.following)
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

/// What one compiled matcher makes of each word a worker meets (by `AnalyzedText.Word.key`):
/// the atoms it satisfies, looked up in the matcher's tables only the first time.
struct AtomCache {
    /// Held so that no other matcher can take its place (and its `ObjectIdentifier`) while
    /// this memo exists.
    let matcher: PhraseMatcher
    /// Per word key, where its atoms are in `atoms`; start -1: not met yet. Start and end sit
    /// together, as each token reads them at a place of its own.
    private var spans: [Span] = []
    /// The atoms of every word met, word after word.
    private(set) var atoms: [Int32] = []

    /// Where a word's atoms are in `atoms`.
    struct Span {
        var start: Int32 = -1
        var end: Int32 = -1

        var range: Range<Int> { Int(start)..<Int(end) }
        var isEmpty: Bool { start == end }
    }

    init(_ matcher: PhraseMatcher) { self.matcher = matcher }

    /// Where the atoms of the word with `key` are; nil the first time, when they are not known yet.
    func span(of key: Int32) -> Span? {
        let key = Int(key)
        guard key < spans.count, spans[key].start >= 0 else { return nil }
        return spans[key]
    }

    /// Keeps `found` as the atoms of the word with `key`, and returns where they are.
    mutating func remember(_ found: [Int32], of key: Int32) -> Span {
        let key = Int(key)
        if key >= spans.count {
            spans += repeatElement(Span(), count: max(key + 1, spans.count * 2) - spans.count)
        }
        let start = Int32(atoms.count)
        atoms += found
        spans[key] = Span(start: start, end: Int32(atoms.count))
        return spans[key]
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

/// The programs that begin with a pair of atoms, looked up for every pair of neighbouring
/// atoms in a text: an open-addressing table with a multiplicative hash, and a flag per atom
/// so that most atoms, which begin no pair, cost no lookup at all.
private struct PairTable: Sendable {
    private let beginsPair: [Bool]
    /// Whether an atom is the second of some pair: most next tokens are not, and cost no probe.
    private let endsPair: [Bool]
    /// Per slot, its pair and where its groups start and end in `groupItems` and `groupBounds`
    /// (start -1: an empty slot), side by side, so that a probe reads one place in memory. A
    /// group is the programs of a pair whose third items take the same atoms.
    private let slots: [Slot]
    /// Per group, its third item, and where its programs start in `programs` (they end where
    /// the next group's programs start): flat, so that a lookup retains no inner array.
    private let groupItems: [Int32]
    private let groupBounds: [Int32]
    private let programs: [Int32]
    private let shift: UInt64

    private struct Slot {
        var key: UInt64 = 0
        var groups: (start: Int32, end: Int32) = (-1, -1)
    }

    /// `pairs` holds each pair's programs, sorted by pair and then program; `thirdItem` gives a
    /// program's third item (-1 for a program of two), and `takeSameAtoms` whether two items
    /// take the same atoms: the programs of a pair are grouped by those.
    init(_ pairs: [(key: UInt64, program: Int32)], atoms: Int, thirdItem: (Int32) -> Int32,
         takeSameAtoms: (Int32, Int32) -> Bool) {
        var beginsPair = [Bool](repeating: false, count: atoms), endsPair = beginsPair
        var keyCount = 0
        for index in pairs.indices where index == 0 || pairs[index].key != pairs[index - 1].key { keyCount += 1 }
        var bits: UInt64 = 4
        while 1 << bits < keyCount * 2 { bits += 1 }
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        var groupItems: [Int32] = [], groupBounds: [Int32] = [], programs: [Int32] = []
        programs.reserveCapacity(pairs.count)
        shift = 64 - bits
        // A pair has a few dozen programs at most: grouped by scanning, not hashing, so that
        // building the table stays a small part of start-up.
        var isPlaced: [Bool] = []
        var runStart = 0
        while runStart < pairs.count {
            let key = pairs[runStart].key
            var runEnd = runStart + 1
            while runEnd < pairs.count, pairs[runEnd].key == key { runEnd += 1 }
            beginsPair[Int(key >> 32)] = true
            endsPair[Int(key & 0xFFFF_FFFF)] = true
            var slot = Int(Self.hash(key) >> shift)
            while slots[slot].groups.start >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot].key = key
            let firstGroup = Int32(groupItems.count)
            isPlaced.removeAll(keepingCapacity: true)
            isPlaced.append(contentsOf: repeatElement(false, count: runEnd - runStart))
            for first in runStart..<runEnd where !isPlaced[first - runStart] {
                let item = thirdItem(pairs[first].program)
                groupItems.append(item)
                groupBounds.append(Int32(programs.count))
                for other in first..<runEnd where !isPlaced[other - runStart] {
                    let otherItem = thirdItem(pairs[other].program)
                    guard other == first || (item < 0 && otherItem < 0)
                        || (item >= 0 && otherItem >= 0 && takeSameAtoms(item, otherItem)) else { continue }
                    programs.append(pairs[other].program)
                    isPlaced[other - runStart] = true
                }
            }
            slots[slot].groups = (firstGroup, Int32(groupItems.count))
            runStart = runEnd
        }
        groupBounds.append(Int32(programs.count))
        (self.beginsPair, self.endsPair, self.slots) = (beginsPair, endsPair, slots)
        (self.groupItems, self.groupBounds, self.programs) = (groupItems, groupBounds, programs)
    }

    func beginsPair(_ atom: Int32) -> Bool { beginsPair[Int(atom)] }

    /// Calls `body` with each group of the programs whose first two items are `first` and
    /// `second`: its third item and its programs.
    func forEachGroup(_ first: Int32, _ second: Int32, _ body: (Int32, UnsafeBufferPointer<Int32>) -> Void) {
        guard endsPair[Int(second)] else { return }
        let key = Self.key(first, second)
        var slot = Int(Self.hash(key) >> shift)
        while slots[slot].groups.start >= 0 {
            if slots[slot].key == key {
                let groups = slots[slot].groups
                programs.withUnsafeBufferPointer { programs in
                    for group in Int(groups.start)..<Int(groups.end) {
                        let start = Int(groupBounds[group]), end = Int(groupBounds[group + 1])
                        body(groupItems[group], UnsafeBufferPointer(rebasing: programs[start..<end]))
                    }
                }
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    private static func hash(_ key: UInt64) -> UInt64 { (key ^ key >> 29) &* 0x9E37_79B9_7F4A_7C15 }
}
