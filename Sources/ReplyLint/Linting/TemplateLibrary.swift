import Yams

/// Reads a JSON or YAML library of reply templates (JSON is YAML 1.2, so Yams reads both):
/// each string value is one template, mapped back to its place in the file through its quotes,
/// escapes, indentation and folded lines.
enum TemplateLibrary {
    struct Template {
        /// The key path: "refunds.late", "templates[2].body".
        var name: String
        var text: MappedText
        /// Where the value starts in the file (its opening quote or block indicator).
        var start: Int
    }

    /// The templates of `bytes` (valid UTF-8); with `keys`, only string values with one of
    /// those keys on their path. Values under keys that name, date or classify rather than say
    /// something are never templates, nor are values without a space (ids, slugs, dates).
    static func read(_ bytes: [UInt8], keys: Set<String>?) throws -> [Template] {
        let text = joiningSurrogateEscapes(bytes)
        var reader = Reader(text: text, keys: keys)
        do {
            // A YAML stream may hold several documents ("---"): each is read.
            for root in try BoundedYAML.composeAll(text.string) { reader.visit(root, path: "", nearestKey: nil, selected: keys == nil) }
        } catch let error as YamlError {
            throw DocumentError(describe(error))
        }
        return reader.templates
    }

    /// libyaml rejects the surrogate pairs with which JSON escapes characters beyond the BMP
    /// ("\ud83d\ude00"): each pair is rewritten as one YAML escape ("\U0001F600") mapped to it.
    private static func joiningSurrogateEscapes(_ bytes: [UInt8]) -> MappedText {
        var builder = MappedTextBuilder(source: MappedText(original: bytes))
        var start = 0, position = 0
        func unit(at offset: Int) -> UInt32? {
            guard offset + 6 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else { return nil }
            return UInt32(String(decoding: bytes[(offset + 2)..<(offset + 6)], as: UTF8.self), radix: 16)
        }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            if let high = unit(at: position), (0xD800..<0xDC00).contains(high),
               let low = unit(at: position + 6), (0xDC00..<0xE000).contains(low) {
                let scalar = 0x10000 + (high - 0xD800) << 10 + (low - 0xDC00)
                builder.copy(start..<position)
                builder.append("\\U" + String(repeating: "0", count: 8 - String(scalar, radix: 16).count) + String(scalar, radix: 16),
                               for: position..<(position + 12))
                position += 12
                start = position
            } else {
                // Any other escape, "\\" included, is stepped over whole.
                position += 2
            }
        }
        builder.copy(start..<bytes.count)
        return builder.finish(end: bytes.count)
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            "malformed JSON or YAML at line \(mark.line), column \(mark.column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            "malformed JSON or YAML at line \(context.mark.line), column \(context.mark.column): "
                + "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
        default:
            "malformed JSON or YAML: \(error)"
        }
    }

    /// Keys whose values are about a template, never a reply to lint.
    static let metadataKeys: Set<String> = [
        "id", "key", "uuid", "slug", "name", "title", "subject", "label", "description", "locale", "lang", "language",
        "type", "kind", "category", "categories", "tag", "tags", "url", "href", "link", "email", "phone", "code",
        "version", "status", "date", "author", "created", "updated", "note", "notes", "comment", "comments",
    ]

    static func isMetadata(_ key: String) -> Bool {
        let lowercased = key.lowercased()
        return metadataKeys.contains(lowercased) || ["_id", "-id", "_at", "_url"].contains { lowercased.hasSuffix($0) }
            || key.hasSuffix("Id") || key.hasSuffix("Url")
    }

    private struct Reader {
        /// The text Yams read, mapped to the file.
        let text: MappedText
        var bytes: [UInt8] { text.bytes }
        let keys: Set<String>?
        let lineStarts: [Int]
        var templates: [Template] = []

        init(text: MappedText, keys: Set<String>?) {
            self.text = text
            self.keys = keys
            lineStarts = [0] + text.bytes.indices.filter { text.bytes[$0] == 0x0A }.map { $0 + 1 }
        }

        mutating func visit(_ node: Node, path: String, nearestKey: String?, selected: Bool) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    let isSelected = selected || keys?.contains(name) == true
                    visit(value, path: path.isEmpty ? name : "\(path).\(name)", nearestKey: name, selected: isSelected)
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() {
                    visit(item, path: "\(path)[\(index)]", nearestKey: nearestKey, selected: selected)
                }
            case .scalar(let scalar):
                guard selected, node.tag.rawValue == Tag.Name.str.rawValue, !(nearestKey.map(isMetadata) ?? false),
                      scalar.string.contains(where: \.isWhitespace), let mark = scalar.mark
                else { return }
                let start = offset(of: mark)
                templates.append(Template(name: path.isEmpty ? "(root)" : path, text: align(scalar, from: start),
                                          start: text.map.original(start)))
            case .alias:
                return
            }
        }

        /// The byte offset of a mark (1-based line, column in Unicode scalars).
        private func offset(of mark: Mark) -> Int {
            var offset = lineStarts[min(max(mark.line - 1, 0), lineStarts.count - 1)]
            for _ in 1..<max(mark.column, 1) where offset < bytes.count {
                offset += 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            }
            return offset
        }

        /// Maps the value's characters to the scalar as written from `start`: each character is
        /// found as it is, or as an escape; indentation, quotes and folded line breaks between
        /// them are stepped over. A character the source does not show (never expected) is
        /// placed where the source is, so the walk always ends.
        private func align(_ scalar: Node.Scalar, from start: Int) -> MappedText {
            var builder = MappedTextBuilder(source: text)
            var position = start
            switch scalar.style {
            case .doubleQuoted, .singleQuoted:
                position += 1
            case .literal, .folded:
                // The header line ("|-", ">2", maybe a comment) holds no content.
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            case .plain, .any:
                break
            }
            let escapes = scalar.style == .doubleQuoted
            var characters = scalar.string.unicodeScalars.makeIterator()
            var pending = characters.next()
            while let character = pending {
                let utf8 = Array(String(character).utf8)
                guard position < bytes.count else {
                    builder.append(utf8, for: position..<position)
                    pending = characters.next()
                    continue
                }
                let byte = bytes[position]
                if escapes, byte == UInt8(ascii: "\\") {
                    let (length, producesCharacter) = escapeLength(at: position)
                    let end = min(position + length, bytes.count)
                    if producesCharacter { builder.append(utf8, for: position..<end) }
                    position = end
                    if producesCharacter { pending = characters.next() }
                } else if scalar.style == .singleQuoted, character == "'", bytes[position...].starts(with: [0x27, 0x27]) {
                    builder.append(utf8, for: position..<(position + 2))
                    position += 2
                    pending = characters.next()
                } else if bytes[position...].starts(with: utf8) {
                    builder.copy(position..<(position + utf8.count))
                    position += utf8.count
                    pending = characters.next()
                } else if character.properties.isWhitespace, Self.isSpace(byte) {
                    // A folded line break read as a space.
                    builder.append(utf8, for: position..<(position + 1))
                    position += 1
                    pending = characters.next()
                } else if Self.isSpace(byte) {
                    position += 1
                } else {
                    builder.append(utf8, for: position..<position)
                    pending = characters.next()
                }
            }
            return builder.finish(end: position)
        }

        /// The length of the escape at `start` ("\n", "\u0436", "\" before a line break with the
        /// next line's indentation) and whether it stands for a character.
        private func escapeLength(at start: Int) -> (Int, Bool) {
            guard start + 1 < bytes.count else { return (1, true) }
            switch bytes[start + 1] {
            case UInt8(ascii: "x"): return (4, true)
            case UInt8(ascii: "U"): return (10, true)
            case UInt8(ascii: "u"): return (6, true)
            case 0x0A, 0x0D:
                var end = start + 1
                while end < bytes.count, Self.isSpace(bytes[end]) { end += 1 }
                return (end - start, false)
            default: return (2, true)
            }
        }

        private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    }
}
