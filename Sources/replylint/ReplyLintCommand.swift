import ArgumentParser
import Foundation
import ReplyLint

@main
struct ReplyLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replylint",
        abstract: "Lints replies to client complaints (Russian, Latvian, English) before they are sent.",
        discussion: """
        Flags what makes an unhappy client unhappier: defensive phrasing, blame put on the \
        client or others, jargon, no real apology, no concrete date for the fix.
        """,
        version: ReplyLintVersion.current,
        subcommands: [Lint.self, Rules.self, Explain.self],
        defaultSubcommand: Lint.self
    )
}

extension Language: ExpressibleByArgument {}
extension Configuration.LanguageChoice: ExpressibleByArgument {}
extension LintMode: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// Options shared by the commands that read lexicons.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon-dir"), help: ArgumentHelp("Use the YAML lexicons under this directory instead of the built-in ones (for lexicon authors).", valueName: "dir"))
    var directory: String?

    func library() throws -> LexiconLibrary {
        guard let directory else { return .builtin }
        do {
            return try LexiconLibrary(directory: URL(fileURLWithPath: directory))
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint reply files, directories (.txt and .md inside) or standard input (-).",
        discussion: "Exit status: 0 no findings at or above --fail-level, 1 findings, 2 the run failed (other files are still linted)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Files or directories to lint; - reads standard input.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Language of the replies: auto (per paragraph), ru, lv or en (default: the configuration's, else auto).")
    var lang: Configuration.LanguageChoice?

    @Option(help: "draft (placeholders left in are errors) or template (placeholders expected); default: template for .json/.yaml libraries, else draft.")
    var mode: LintMode?

    @Option(help: ArgumentHelp("Use this configuration file for every path instead of the nearest .replylint.yml.", valueName: "file"))
    var config: String?

    @Option(help: "Exit with 1 when a finding has at least this severity: suggestion, warning or error.")
    var failLevel: Severity = .warning

    @Flag(help: "Plain text output without colours (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let resolver = ConfigurationResolver(explicit: config, base: try lexicons.library())
        var sources: [Source] = []
        var brokenConfigurations: [String: ConfigurationError] = [:]
        for source in Source.expand(paths) {
            switch resolver.configuration(for: source.path) {
            case .failure(let error): brokenConfigurations[error.path] = error
            case .success(let loaded) where loaded.ignores(source.path, workingDirectory: resolver.workingDirectory): continue
            case .success: sources.append(source)
            }
        }
        // A file under a broken configuration is not linted: its settings are unknown.
        for error in brokenConfigurations.values.sorted(by: { $0.path < $1.path }) { printError(error.description) }
        let (language, mode) = (lang, self.mode)
        let runner = LintRunner { path in
            // Every path here resolved without error above; the resolver caches the result.
            let loaded = (try? resolver.configuration(for: path).get()) ?? .defaults(directory: resolver.workingDirectory)
            return loaded.settings(for: path, workingDirectory: resolver.workingDirectory, language: language, mode: mode)
        }
        let report = runner.run(sources)
        let reporter: any Reporter = switch format {
        case .text: TextReporter(color: useColor)
        case .json: JSONReporter()
        }
        FileHandle.standardOutput.write(Data(reporter.render(report).utf8))
        for file in report.files {
            if let failure = file.failure { printError("\(file.path): error: \(failure)") }
            if let skipped = file.skipped { printError("\(file.path): note: \(skipped)") }
        }
        if report.hasFailures || !brokenConfigurations.isEmpty { throw ExitCode(2) }
        if report.diagnostics.contains(where: { $0.severity >= failLevel }) { throw ExitCode(1) }
    }

    private var useColor: Bool {
        !noColor && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false && isatty(STDOUT_FILENO) == 1
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules.")

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let library = try lexicons.library()
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        for rule in RuleRegistry.all {
            let description = rule.description
            let languages = Language.allCases.filter { library.file(rule: description.id, language: $0) != nil }
            let id = description.id.padding(toLength: width + 1, withPad: " ", startingAt: 0)
            let severity = description.defaultSeverity.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
            print("\(id) \(severity) \(description.name) [\(languages.map(\.rawValue).joined(separator: ", "))]")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: why it matters, and examples in each language.")

    @Argument(help: "A rule id, as `replylint rules` lists them.")
    var rule: String

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        guard let rule = RuleRegistry.rule(id: rule) else {
            throw ValidationError("unknown rule '\(self.rule)'; `replylint rules` lists them")
        }
        let description = rule.description
        let library = try lexicons.library()
        print("\(description.id): \(description.name)")
        print("default severity: \(description.defaultSeverity.rawValue)")
        print("kind: \(description.kind == .phrase ? "flags phrases that are present" : "flags what the whole reply lacks")\n")
        print(description.rationale + "\n")
        for language in Language.allCases {
            guard let file = library.file(rule: description.id, language: language) else { continue }
            print("[\(language.rawValue)] \(file.entries.count) lexicon entries")
            for example in file.examples.triggering { print("  ✗ \(example)") }
            for example in file.examples.nonTriggering { print("  ✓ \(example)") }
            print()
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("replylint: \(message)\n".utf8))
}
