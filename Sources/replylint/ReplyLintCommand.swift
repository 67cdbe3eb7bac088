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
extension Severity: ExpressibleByArgument {}

/// Options shared by the commands that read lexicons.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon-dir"), help: ArgumentHelp("Use the YAML lexicons under this directory instead of the built-in ones (for lexicon authors).", valueName: "dir"))
    var directory: String?

    func library() throws -> LexiconLibrary {
        guard let directory else { return .builtin }
        do {
            // Errors name the files as the user wrote the directory, not as "lexicons/…".
            let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            return try LexiconLibrary(directory: URL(fileURLWithPath: directory), relativeTo: base)
        } catch let lexiconErrors as LexiconErrors {
            for error in lexiconErrors.errors { printError("\(error)") }
            throw ExitCode(2)
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

    enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, ru, lv, en
        var language: Language? { Language(rawValue: rawValue) }
    }

    @Argument(help: "Files or directories to lint; - reads standard input.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Language of the replies: auto (per paragraph), ru, lv or en.")
    var lang: LanguageChoice = .auto

    @Option(help: "Exit with 1 when a finding has at least this severity: suggestion, warning or error.")
    var failLevel: Severity = .warning

    @Flag(help: "Plain text output without colours (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let runner = LintRunner(linter: Linter(library: try lexicons.library()), language: lang.language)
        let report = runner.run(Source.expand(paths))
        let reporter: any Reporter = switch format {
        case .text: TextReporter(color: useColor)
        case .json: JSONReporter()
        }
        FileHandle.standardOutput.write(Data(reporter.render(report).utf8))
        for file in report.files {
            if let failure = file.failure { printError("\(file.path): error: \(failure)") }
            if let skipped = file.skipped { printError("\(file.path): note: \(skipped)") }
        }
        if report.hasFailures { throw ExitCode(2) }
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
