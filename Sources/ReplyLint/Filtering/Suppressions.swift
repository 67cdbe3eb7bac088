/// The writer's own verdicts in a file: `<!-- replylint-disable RULE… -->` up to
/// `<!-- replylint-enable RULE… -->`, and `<!-- replylint-disable-next-line RULE… -->`.
/// Without rule ids a comment applies to every rule. Markdown and HTML hide such comments
/// from the reader, so they can stay in a template.
struct Suppressions {
    private enum Kind: String {
        case disable = "replylint-disable", enable = "replylint-enable", nextLine = "replylint-disable-next-line"
    }

    private struct Directive {
        var kind: Kind
        /// nil: every rule.
        var rules: Set<String>?
        var offset: Int
        var line: Int

        func covers(_ rule: String) -> Bool { rules?.contains(rule) ?? true }
    }

    private let directives: [Directive]

    init(bytes: [UInt8], lines: LineIndex) {
        var directives: [Directive] = []
        var start = 0
        while let open = bytes.firstOffset(of: Array("<!--".utf8), from: start),
              let close = bytes.firstOffset(of: Array("-->".utf8), from: open + 4) {
            let words = String(decoding: bytes[(open + 4)..<close], as: UTF8.self)
                .split { $0.isWhitespace || $0 == "," }.map(String.init)
            if let first = words.first, let kind = Kind(rawValue: first) {
                directives.append(Directive(kind: kind, rules: words.count > 1 ? Set(words.dropFirst()) : nil,
                                            offset: open, line: lines.position(of: close + 3).line))
            }
            start = close + 3
        }
        self.directives = directives
    }

    /// Whether the writer silenced `diagnostic`. A finding about the whole reply (missing-*)
    /// is silenced by a `disable` of its rule anywhere in the file.
    func silence(_ diagnostic: Diagnostic) -> Bool {
        let rule = diagnostic.rule
        if diagnostic.isDocumentLevel {
            return directives.contains { $0.kind == .disable && $0.covers(rule) }
        }
        if directives.contains(where: { $0.kind == .nextLine && $0.line + 1 == diagnostic.line && $0.covers(rule) }) { return true }
        var disabled = false
        for directive in directives where directive.offset < diagnostic.offset && directive.covers(rule) {
            switch directive.kind {
            case .disable: disabled = true
            case .enable: disabled = false
            case .nextLine: break
            }
        }
        return disabled
    }
}
