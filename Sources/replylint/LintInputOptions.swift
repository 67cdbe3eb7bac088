import ArgumentParser
import Foundation
import ReplyLint

/// How files are found and linted, shared by `lint` and `report`: language, mode,
/// configuration, lexicons and the language of messages.
struct LintInputOptions: ParsableArguments {
    @Option(help: "Language of the replies: auto (per paragraph), ru, lv or en (default: the configuration's, else auto).")
    var lang: Configuration.LanguageChoice?

    @Option(help: "draft (placeholders left in are errors) or template (placeholders expected); default: template for .json/.yaml libraries, else draft.")
    var mode: LintMode?

    @Option(help: ArgumentHelp("Use this configuration file for every path instead of the nearest .replylint.yml.", valueName: "file"))
    var config: String?

    @Option(help: "Language of the messages: en, ru or lv (default: from LC_ALL/LC_MESSAGES/LANG, else each message in its reply's language). Suggested rewrites stay in the reply's language.")
    var messages: Language?

    @OptionGroup var lexicons: LexiconOptions

    /// The sources to lint, each with the settings of its configuration. Files that a
    /// configuration ignores are left out; files under a broken configuration are not linted
    /// (their settings are unknown), and each broken configuration is reported once.
    /// `standardInputName` is what `-` is linted as (`--stdin-filename`).
    func configuredRun(_ paths: [String], standardInputName: String? = nil,
                       complaint: String? = nil) throws -> (LintRunner, [Source], configurationFailed: Bool) {
        let resolver = ConfigurationResolver(explicit: config, base: try lexicons.library())
        var sources: [Source] = []
        var broken: [String: ConfigurationError] = [:]
        for source in Source.expand(paths, standardInputName: standardInputName) {
            switch resolver.configuration(for: source.path) {
            case .failure(let error): broken[error.path] = error
            case .success(let loaded) where loaded.ignores(source.path, workingDirectory: resolver.workingDirectory): continue
            case .success: sources.append(source)
            }
        }
        for error in broken.values.sorted(by: { $0.path < $1.path }) { printError(error.description) }
        let (language, mode) = (lang, self.mode)
        let messages = self.messages ?? LintSettings.messagesLanguage(environment: ProcessInfo.processInfo.environment)
        let runner = LintRunner { path in
            // Every path here resolved without error above; the resolver caches the result.
            let loaded = (try? resolver.configuration(for: path).get()) ?? .defaults(directory: resolver.workingDirectory)
            var settings = loaded.settings(for: path, workingDirectory: resolver.workingDirectory, language: language, mode: mode)
            settings.messages = messages
            settings.complaint = complaint
            return settings
        }
        return (runner, sources, !broken.isEmpty)
    }
}
