import Foundation
import Synchronization

/// Finds the configuration of each linted file — the nearest `.replylint.yml` in its folder or
/// above, or the one given with `--config` — reads each file once, and gives the settings
/// of each path.
public final class ConfigurationResolver: Sendable {
    private let explicit: Result<LoadedConfiguration, ConfigurationError>?
    public let workingDirectory: URL
    /// The lexicons every configuration starts from.
    private let base: LexiconLibrary
    /// Per folder, the configuration that governs it (nil: none up to the root).
    private let byFolder = Mutex<[String: Result<LoadedConfiguration, ConfigurationError>?]>([:])

    /// `explicit`: a configuration file that applies to every path instead of discovery.
    public init(explicit: String? = nil, base: LexiconLibrary = .builtin,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.workingDirectory = workingDirectory
        self.base = base
        self.explicit = explicit.map { path in
            Result { () throws(ConfigurationError) in
                try ConfigurationLoader.load(absoluteURL(path, in: workingDirectory), path: path, base: base)
            }
        }
    }

    /// The configuration that governs `path` (a file, or "<stdin>" for the working folder).
    public func configuration(for path: String) -> Result<LoadedConfiguration, ConfigurationError> {
        if let explicit { return explicit }
        let folder = path == Source.standardInput.path ? workingDirectory
            : absoluteURL(path, in: workingDirectory).deletingLastPathComponent()
        return governing(folder.standardizedFileURL) ?? .success(.defaults(directory: workingDirectory, library: base))
    }

    private func governing(_ folder: URL) -> Result<LoadedConfiguration, ConfigurationError>? {
        if let known = byFolder.withLock({ $0[folder.path] }) { return known }
        var found: Result<LoadedConfiguration, ConfigurationError>?
        if let name = ConfigurationLoader.fileNames.first(where: { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
            let url = folder.appendingPathComponent(name)
            found = Result { () throws(ConfigurationError) in try ConfigurationLoader.load(url, path: Self.display(url, from: workingDirectory), base: base) }
        } else if folder.path != "/" {
            found = governing(folder.deletingLastPathComponent().standardizedFileURL)
        }
        byFolder.withLock { $0[folder.path] = .some(found) }
        return found
    }

    /// A path as the user would type it: relative to the working folder when inside it.
    private static func display(_ url: URL, from directory: URL) -> String {
        let base = directory.standardizedFileURL.path + "/"
        return url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path
    }
}

/// `path` as an absolute file URL with "." and ".." folded; a relative path is inside `directory`.
func absoluteURL(_ path: String, in directory: URL) -> URL {
    let joined = path.hasPrefix("/") ? path : directory.path + "/" + path
    var components: [Substring] = []
    for component in joined.split(separator: "/") where component != "." {
        if component == ".." { _ = components.popLast() } else { components.append(component) }
    }
    return URL(fileURLWithPath: "/" + components.joined(separator: "/"))
}

extension LoadedConfiguration {
    /// `path` relative to this configuration's folder, "/"-separated, for its globs.
    func relativePath(_ path: String, workingDirectory: URL) -> String {
        let absolute = absoluteURL(path, in: workingDirectory).path
        let base = directory.standardizedFileURL.path
        return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
    }

    /// Whether `path` is left out by `ignore`.
    public func ignores(_ path: String, workingDirectory: URL) -> Bool {
        let relative = relativePath(path, workingDirectory: workingDirectory)
        return (configuration.ignore ?? []).contains { Glob($0).matches(relative) }
    }

    /// The settings for `path`: the file's own, then each matching override in order;
    /// `language` and `mode` given on the command line win over all of them.
    public func settings(for path: String, workingDirectory: URL, language: Configuration.LanguageChoice? = nil,
                         mode: LintMode? = nil) -> LintSettings {
        let relative = relativePath(path, workingDirectory: workingDirectory)
        let layers = [SettingsLayer(configuration)]
            + (configuration.overrides ?? []).filter { $0.files.contains { Glob($0).matches(relative) } }.map(SettingsLayer.init)

        var chosenLanguage: Configuration.LanguageChoice?
        var options = LintOptions()
        options.mode = Source.isTemplateLibrary(path) ? .template : .draft
        var rules: [String: Configuration.RuleSetting] = [:]
        var templateKeys: [String]?
        for layer in layers {
            chosenLanguage = layer.language ?? chosenLanguage
            templateKeys = layer.templateKeys ?? templateKeys
            options.mode = layer.mode ?? options.mode
            rules.merge(layer.rules ?? [:]) { $1 }
            if let syntax = layer.placeholders?.syntax { options.placeholders = syntax.compactMap(PlaceholderSyntax.init(example:)) }
            for (rule, words) in layer.placeholders?.satisfy ?? [:] {
                options.satisfyingPlaceholders[rule] = Set(words.map { Normalizer().fold($0) })
            }
        }
        options.mode = mode ?? options.mode

        var severities: [String: Severity] = [:]
        var off: Set<String> = []
        for (rule, setting) in rules {
            switch setting {
            case .off: off.insert(rule)
            case .on(let severity, let ruleOptions):
                severities[rule] = severity
                if !ruleOptions.values.isEmpty { options.ruleOptions[rule] = ruleOptions }
            }
        }
        let linter = Linter(library: library,
                            rules: RuleRegistry.all.filter { !off.contains($0.description.id) }.map { $0.init() },
                            options: options)
        return LintSettings(linter: linter, language: (language ?? chosenLanguage)?.language, severities: severities,
                            templateKeys: templateKeys.map(Set.init))
    }
}

/// What the top level of a configuration and each override may set, applied in order.
private struct SettingsLayer {
    var language: Configuration.LanguageChoice?
    var mode: LintMode?
    var rules: [String: Configuration.RuleSetting]?
    var placeholders: Configuration.PlaceholderConfiguration?
    var templateKeys: [String]?

    init(_ configuration: Configuration) {
        (language, mode, rules, placeholders, templateKeys) =
            (configuration.language, configuration.mode, configuration.rules, configuration.placeholders, configuration.templateKeys)
    }

    init(_ override: Configuration.Override) {
        (language, mode, rules, placeholders, templateKeys) =
            (override.language, override.mode, override.rules, override.placeholders, override.templateKeys)
    }
}
