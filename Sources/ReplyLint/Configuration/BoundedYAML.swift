import Yams

/// YAML from files users did not write (configurations, lexicons, template libraries), refused
/// when aliases make it stand for far more values than its text holds. A "billion laughs" file
/// of a few hundred bytes (nine anchors, each a list of nine aliases of the one before) stands
/// for 9⁹ strings: Yams composes it cheaply, as the copies share storage, but whatever walks the
/// tree would then never end. Without aliases a document has no more values than its text has
/// bytes; the count stops at the limit, so the check costs no more than reading the text.
/// Nesting needs no check of its own: libyaml refuses more than 1,000 levels.
enum BoundedYAML {
    /// The first document of `yaml`, as `Yams.compose`; throws `YamlError` as it does.
    static func compose(_ yaml: String) throws -> Node? {
        guard let root = try Yams.compose(yaml: yaml) else { return nil }
        var budget = limit(yaml)
        try spend(&budget, on: root, yaml: yaml)
        return root
    }

    /// Every document of `yaml` ("---" starts the next), sharing one limit.
    static func composeAll(_ yaml: String) throws -> [Node] {
        var documents = try Yams.compose_all(yaml: yaml), roots: [Node] = []
        var budget = limit(yaml)
        while let root = documents.next() {
            try spend(&budget, on: root, yaml: yaml)
            roots.append(root)
        }
        if let error = documents.error { throw error }
        return roots
    }

    /// Twice the bytes, so aliases that repeat a part a few times (shared settings) are fine.
    private static func limit(_ yaml: String) -> Int { max(10_000, 2 * yaml.utf8.count) }

    /// Counts the values of `root` against `budget`, stopping at the first one over it. The
    /// error places the sequence or mapping that value is in: in a bomb, the part repeated.
    private static func spend(_ budget: inout Int, on root: Node, yaml: String) throws {
        // Composed nodes always carry their place.
        guard let rootMark = root.mark else { return }
        var pending = [(node: root, container: rootMark)]
        while let (node, container) = pending.popLast() {
            budget -= 1
            if budget < 0 {
                throw YamlError.composer(context: nil, problem: "aliases repeat anchored values into more than "
                                         + "\(limit(yaml)) values, far more than the file holds", container, yaml: yaml)
            }
            let mark = node.mark ?? container
            switch node {
            case .sequence(let sequence): pending += sequence.map { ($0, mark) }
            case .mapping(let mapping): for (key, value) in mapping { pending += [(key, mark), (value, mark)] }
            default: continue
            }
        }
    }
}
