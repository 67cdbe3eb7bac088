import Foundation
import Yams

/// A problem in a configuration file, at its line and column where there is one.
public struct ConfigurationError: Error, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        let location = [line, column].compactMap { $0 }.map(String.init).reduce(path) { "\($0):\($1)" }
        return "\(location): error: \(message)"
    }
}

/// A configuration file read and checked: its settings, where it is, and its lexicons.
public struct LoadedConfiguration: Sendable {
    /// As shown in messages.
    public var path: String
    /// The folder its globs and lexicon paths are relative to.
    public var directory: URL
    public var configuration: Configuration
    public var library: LexiconLibrary

    /// What applies where no configuration file is found: the defaults, from the current folder.
    public static func defaults(directory: URL, library: LexiconLibrary = .builtin) -> LoadedConfiguration {
        LoadedConfiguration(path: "(defaults)", directory: directory, configuration: Configuration(), library: library)
    }
}

public enum ConfigurationLoader {
    /// The names a configuration file may have, looked for in each folder from a file upwards.
    public static let fileNames = [".replylint.yml", ".replylint.yaml"]

    /// Reads and checks the configuration at `url`; `path` is how messages name it, and its
    /// lexicons are added to `base`.
    public static func load(_ url: URL, path: String, base: LexiconLibrary = .builtin) throws(ConfigurationError) -> LoadedConfiguration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, message: "cannot read the configuration: \((error as NSError).localizedDescription)")
        }
        let configuration = try decode(text, path: path)
        let directory = url.deletingLastPathComponent()
        return LoadedConfiguration(path: path, directory: directory, configuration: configuration,
                                   library: try library(configuration.lexicons ?? [], base: base, relativeTo: directory, path: path))
    }

    /// Parses and checks a configuration's text.
    public static func decode(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        let root: Node
        do {
            guard let node = try BoundedYAML.compose(text) else { return Configuration() }
            root = node
        } catch let error as YamlError {
            throw located(error, path: path)
        } catch {
            throw ConfigurationError(path: path, message: "malformed YAML: \(error)")
        }
        let configuration: Configuration
        do {
            configuration = try YAMLDecoder().decode(Configuration.self, from: root)
        } catch let error as ConfigurationValueError {
            throw at(error.codingPath.map(Self.component), in: root, path: path, error.message,
                     key: error.isKey ? error.codingPath.last?.stringValue : nil)
        } catch let error as DecodingError {
            throw describe(error, in: root, path: path)
        } catch {
            throw ConfigurationError(path: path, message: "\(error)")
        }
        try checkRules(configuration.rules, at: [], in: root, path: path)
        for (index, override) in (configuration.overrides ?? []).enumerated() {
            try checkRules(override.rules, at: ["overrides", index], in: root, path: path)
        }
        for placeholders in [configuration.placeholders] + (configuration.overrides ?? []).map(\.placeholders) {
            for rule in (placeholders?.satisfy ?? [:]).keys where RuleRegistry.rule(id: rule)?.description.kind != .absence {
                throw at(nil, in: root, path: path, "'\(rule)' in placeholders.satisfy is not a rule about what a reply lacks (missing-*)", key: rule)
            }
        }
        return configuration
    }

    /// Unknown rule ids and options are errors at their key.
    private static func checkRules(_ rules: [String: Configuration.RuleSetting]?, at prefix: [Any], in root: Node, path: String) throws(ConfigurationError) {
        for (id, setting) in rules ?? [:] {
            let keyPath = prefix + ["rules", id]
            guard let rule = RuleRegistry.rule(id: id) else {
                throw at(keyPath, in: root, path: path, "unknown rule '\(id)'; `replylint rules` lists them", key: id)
            }
            guard case .on(_, let options) = setting else { continue }
            for option in options.values.keys where rule.description.options[option] == nil {
                let known = rule.description.options.keys.sorted()
                throw at(keyPath + ["options", option], in: root, path: path,
                         "rule '\(id)' has no option '\(option)'" + (known.isEmpty ? "" : " (it has: \(known.joined(separator: ", ")))"), key: option)
            }
        }
    }

    /// The built-in lexicons with the user's files added.
    private static func library(_ paths: [String], base: LexiconLibrary, relativeTo directory: URL,
                                path: String) throws(ConfigurationError) -> LexiconLibrary {
        guard !paths.isEmpty else { return base }
        var added: [LexiconFile] = []
        for lexicon in paths {
            let url = URL(fileURLWithPath: lexicon, relativeTo: directory)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ConfigurationError(path: path, message: "cannot read the lexicon '\(lexicon)' (looked for \(url.path))")
            }
            do {
                added += try LexiconLoader.parseUserFile(text, path: lexicon)
            } catch {
                throw ConfigurationError(path: path, message: "in lexicon '\(lexicon)':\n\(error)")
            }
        }
        do {
            return try LexiconLibrary(files: base.files.merging(added))
        } catch {
            throw ConfigurationError(path: path, message: "in the lexicons it adds:\n\(error)")
        }
    }

    // MARK: Locating problems

    private static func located(_ error: YamlError, path: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            ConfigurationError(path: path, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)")
        default:
            ConfigurationError(path: path, message: "malformed YAML: \(error)")
        }
    }

    private static func describe(_ error: DecodingError, in root: Node, path: String) -> ConfigurationError {
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return at(context.codingPath, in: root, path: path, "\(name(context.codingPath)) must be \(expected(type))")
        case .keyNotFound(let key, let context):
            return at(context.codingPath, in: root, path: path, "missing key '\(key.stringValue)'")
        case .dataCorrupted(let context):
            let choices = context.codingPath.last.flatMap { Self.choices[$0.stringValue] }
                ?? (context.codingPath.dropLast().last?.stringValue == "rules" ? Self.choices["severity"] : nil)
            let found = node(at: context.codingPath, in: root)?.string.map { ", found '\($0)'" } ?? ""
            return at(context.codingPath, in: root, path: path,
                      choices.map { "\(name(context.codingPath)) must be one of \($0)\(found)" } ?? context.debugDescription)
        @unknown default:
            return ConfigurationError(path: path, message: "\(error)")
        }
    }

    private static let choices = [
        "language": Configuration.LanguageChoice.allCases.map(\.rawValue).joined(separator: ", "),
        "mode": LintMode.allCases.map(\.rawValue).joined(separator: ", "),
        "severity": Severity.allCases.map(\.rawValue).joined(separator: ", "),
    ]

    private static func name(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the configuration" : "'\(codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."))'"
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "a list of strings"
        case is Int.Type: "a whole number"
        default:
            switch String(describing: type) {
            case let name where name.contains("Dictionary") || name.contains("Mapping"): "a mapping (key: value)"
            case let name where name.contains("Array") || name.contains("Sequence"): "a list"
            case let name: "a \(name)"
            }
        }
    }

    private static func at(_ codingPath: [any CodingKey], in root: Node, path: String, _ message: String) -> ConfigurationError {
        at(codingPath.map(component), in: root, path: path, message, key: nil)
    }

    /// A list index as an Int, a mapping key as a String.
    private static func component(_ key: any CodingKey) -> Any { key.intValue.map { $0 as Any } ?? key.stringValue }

    /// An error at the node a path leads to (or at `key` inside it, for an unknown key), or
    /// at the deepest node the path reaches.
    private static func at(_ keyPath: [Any]?, in root: Node, path: String, _ message: String, key: String?) -> ConfigurationError {
        var mark = root.mark
        if let keyPath {
            var node: Node? = root
            for component in keyPath {
                guard let current = node else { break }
                if let name = component as? String, case .mapping(let mapping) = current,
                   let pair = mapping.first(where: { $0.key.string == name }) {
                    mark = (name == key ? pair.key.mark : pair.value.mark) ?? mark
                    node = pair.value
                } else if let index = component as? Int, case .sequence(let sequence) = current, sequence.indices.contains(index) {
                    node = sequence[index]
                    mark = node?.mark ?? mark
                } else {
                    break
                }
            }
        } else if let key {
            mark = firstKey(key, in: root) ?? mark
        }
        return ConfigurationError(path: path, line: mark?.line, column: mark?.column, message: message)
    }

    private static func node(at codingPath: [any CodingKey], in root: Node) -> Node? {
        codingPath.reduce(Optional(root)) { node, key in
            if let index = key.intValue { return node?.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil } }
            return node?.mapping?[key.stringValue]
        }
    }

    /// The mark of the first mapping key named `key`, searched depth first.
    private static func firstKey(_ key: String, in node: Node) -> Mark? {
        switch node {
        case .mapping(let mapping):
            for (name, value) in mapping {
                if name.string == key { return name.mark }
                if let mark = firstKey(key, in: value) { return mark }
            }
        case .sequence(let sequence):
            for item in sequence { if let mark = firstKey(key, in: item) { return mark } }
        default: break
        }
        return nil
    }
}
