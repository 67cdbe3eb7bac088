import Foundation
import Yams

/// Reads lexicon YAML into `LexiconFile`s, naming the file, line and entry of every problem.
public enum LexiconLoader {
    /// Loads every `<lang>/<rule>.yml` under `directory`, in a stable order. Errors name files
    /// as `base/<lang>/<rule>.yml`. A directory without any lexicon is an error: linting with
    /// no lexicons would pass every reply.
    public static func loadDirectory(_ directory: URL, relativeTo base: String = "lexicons") throws -> [LexiconFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LexiconErrors(errors: [LexiconError(path: base, message: "not a directory of lexicons")])
        }
        var files: [LexiconFile] = []
        var errors: [LexiconError] = []
        for language in Language.allCases {
            let folder = directory.appendingPathComponent(language.rawValue)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                errors.append(LexiconError(path: "\(base)/\(language.rawValue)", message: "cannot read the directory: \(error.localizedDescription)"))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".yml") {
                let path = "\(base)/\(language.rawValue)/\(name)"
                do {
                    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    files.append(try parse(text, path: path, language: language, rule: String(name.dropLast(4))))
                } catch let error as LexiconErrors {
                    errors += error.errors
                } catch {
                    errors.append(LexiconError(path: path, message: "cannot read the file: \(error)"))
                }
            }
        }
        guard errors.isEmpty else { throw LexiconErrors(errors: errors) }
        guard !files.isEmpty else {
            let layout = Language.allCases.map { "\($0.rawValue)/<rule>.yml" }.joined(separator: ", ")
            throw LexiconErrors(errors: [LexiconError(path: base, message: "no lexicons found (expected \(layout))")])
        }
        return files
    }

    /// Parses and validates one lexicon file's text.
    public static func parse(_ yaml: String, path: String, language: Language, rule: String) throws -> LexiconFile {
        try parse(yaml, path: path, header: .given(language: language, rule: rule))[0]
    }

    /// Parses a user's lexicon file, which names its rule and languages itself
    /// (`rule: jargon`, `language: [en, lv]`): one lexicon file per language.
    public static func parseUserFile(_ yaml: String, path: String) throws -> [LexiconFile] {
        try parse(yaml, path: path, header: .inFile)
    }

    private static func parse(_ yaml: String, path: String, header: Reader.Header) throws -> [LexiconFile] {
        var reader = Reader(path: path)
        let files = reader.read(yaml, header: header)
        for file in files { reader.errors += PatternValidator.validate(file) }
        guard reader.errors.isEmpty, !files.isEmpty else { throw LexiconErrors(errors: reader.errors) }
        return files
    }

    /// Walks the YAML node tree, collecting errors instead of stopping at the first.
    private struct Reader {
        let path: String
        var errors: [LexiconError] = []

        init(path: String) { self.path = path }

        /// Where a file's language and rule come from: its path, or its own keys.
        enum Header {
            case given(language: Language, rule: String)
            case inFile
        }

        mutating func read(_ yaml: String, header: Header) -> [LexiconFile] {
            let root: Node?
            do {
                root = try BoundedYAML.compose(yaml)
            } catch let error as YamlError {
                fail(nil, "malformed YAML: \(Self.describe(error))", line: Self.line(of: error))
                return []
            } catch {
                fail(nil, "malformed YAML: \(error)")
                return []
            }
            guard let root, case .mapping(let mapping) = root else {
                fail(root, "a lexicon file is a mapping with the keys \(Self.keys(header))")
                return []
            }
            var languages: [Language] = [], rule = ""
            if case .given(let language, let given) = header { (languages, rule) = ([language], given) }
            var file = LexiconFile(path: path, language: .en, rule: rule)
            for (key, value) in mapping {
                switch (key.string, header) {
                case ("rule", .inFile): rule = self.rule(value) ?? ""
                case ("language", .inFile): languages = self.languages(value)
                case ("message", _): file.message = string(value, "message")
                case ("suggest", _): file.suggest = string(value, "suggest")
                case ("classes", _): file.classes = classes(value)
                case ("unless", _): file.unless = strings(value, "unless").map { LinedText($0.text, line: $0.line) }
                case ("messages", _): file.messages = messages(value)
                case ("entries", _): file.entries = entries(value)
                case ("examples", _): file.examples = examples(value)
                default:
                    fail(key, "unknown key '\(key.string ?? "?")' (expected \(Self.keys(header)))")
                }
            }
            if case .inFile = header {
                if rule.isEmpty { fail(root, "a user lexicon names its rule: 'rule: jargon'") }
                if languages.isEmpty { fail(root, "a user lexicon names its languages: 'language: en' or 'language: [ru, lv, en]'") }
            }
            file.rule = rule
            return languages.map { language in
                var copy = file
                copy.language = language
                return copy
            }
        }

        private static func keys(_ header: Header) -> String {
            let keys = "message, suggest, classes, unless, messages, entries, examples"
            if case .inFile = header { return "rule, language, " + keys }
            return keys
        }

        private mutating func rule(_ node: Node) -> String? {
            guard let id = string(node, "rule") else { return nil }
            guard RuleRegistry.rule(id: id) != nil else {
                fail(node, "unknown rule '\(id)'; `replylint rules` lists them")
                return nil
            }
            return id
        }

        private mutating func languages(_ node: Node) -> [Language] {
            strings(node, "language").compactMap { item in
                guard let language = Language(rawValue: item.text) else {
                    errors.append(LexiconError(path: path, line: item.line, entry: nil, message: "unknown language '\(item.text)' (expected ru, lv or en)"))
                    return nil
                }
                return language
            }
        }

        private mutating func entries(_ node: Node) -> [LexiconEntry] {
            guard case .sequence(let sequence) = node else {
                fail(node, "'entries' must be a list")
                return []
            }
            var result: [LexiconEntry] = []
            for (index, item) in sequence.enumerated() {
                guard case .mapping(let mapping) = item else {
                    fail(item, "an entry must be a mapping with at least 'match'", entry: index + 1)
                    continue
                }
                var entry = LexiconEntry(line: Self.line(of: item) ?? 0, patterns: [])
                for (key, value) in mapping {
                    switch key.string {
                    case "match": entry.patterns = strings(value, "match", entry: index + 1).map(\.text)
                    case "message": entry.message = string(value, "message", entry: index + 1)
                    case "suggest": entry.suggest = string(value, "suggest", entry: index + 1)
                    case "unless": entry.unless = strings(value, "unless", entry: index + 1).map(\.text)
                    case "example": entry.example = string(value, "example", entry: index + 1)
                    default:
                        fail(key, "unknown entry key '\(key.string ?? "?")' (expected match, message, suggest, unless, example)", entry: index + 1)
                    }
                }
                if entry.patterns.isEmpty { fail(item, "the entry has no 'match'", entry: index + 1) }
                result.append(entry)
            }
            return result
        }

        private mutating func classes(_ node: Node) -> [LexiconClass] {
            guard case .mapping(let mapping) = node else {
                fail(node, "'classes' must map class names to lists of words")
                return []
            }
            return mapping.compactMap { key, value in
                guard let name = key.string, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty else {
                    fail(key, "a class name is letters, digits, '-' and '_'")
                    return nil
                }
                if PatternAtom.Builtin(rawValue: name) != nil {
                    fail(key, "'\(name)' is a built-in class and cannot be redefined")
                }
                return LexiconClass(name: name, line: Self.line(of: key) ?? 0, members: strings(value, "classes.\(name)").map(\.text))
            }
        }

        private mutating func messages(_ node: Node) -> [String: String] {
            guard case .mapping(let mapping) = node else {
                fail(node, "'messages' must map names to texts")
                return [:]
            }
            var result: [String: String] = [:]
            for (key, value) in mapping {
                if let name = key.string, let text = string(value, "messages.\(name)") { result[name] = text }
            }
            return result
        }

        private mutating func examples(_ node: Node) -> LexiconExamples {
            guard case .mapping(let mapping) = node else {
                fail(node, "'examples' must be a mapping with 'triggering' and 'non-triggering'")
                return .init()
            }
            var result = LexiconExamples()
            for (key, value) in mapping {
                switch key.string {
                case "triggering": result.triggering = strings(value, "triggering").map(\.text)
                case "non-triggering": result.nonTriggering = strings(value, "non-triggering").map(\.text)
                default: fail(key, "unknown key '\(key.string ?? "?")' in examples (expected triggering, non-triggering)")
                }
            }
            return result
        }

        private mutating func string(_ node: Node, _ key: String, entry: Int? = nil) -> String? {
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
                fail(node, "'\(key)' must be a non-empty string", entry: entry)
                return nil
            }
            return scalar.string
        }

        /// A string or a list of strings.
        private mutating func strings(_ node: Node, _ key: String, entry: Int? = nil) -> [LinedText] {
            switch node {
            case .scalar(let scalar) where !scalar.string.isEmpty:
                return [LinedText(scalar.string, line: Self.line(of: node) ?? 0)]
            case .sequence(let sequence):
                return sequence.compactMap { item in
                    string(item, key, entry: entry).map { LinedText($0, line: Self.line(of: item) ?? 0) }
                }
            default:
                fail(node, "'\(key)' must be a string or a list of strings", entry: entry)
                return []
            }
        }

        private mutating func fail(_ node: Node?, _ message: String, entry: Int? = nil, line: Int? = nil) {
            errors.append(LexiconError(path: path, line: line ?? node.flatMap(Self.line), entry: entry, message: message))
        }

        static func line(of node: Node) -> Int? { node.mark.map(\.line) }

        static func line(of error: YamlError) -> Int? {
            switch error {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
            default: nil
            }
        }

        static func describe(_ error: YamlError) -> String {
            switch error {
            case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
            default: "\(error)"
            }
        }
    }
}
