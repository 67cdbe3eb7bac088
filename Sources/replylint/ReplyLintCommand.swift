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
        subcommands: [Lint.self, Report.self, Rules.self, Explain.self],
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
        discussion: "Exit status: 0 no findings at or above --fail-level, 1 findings (or more warnings than --max-warnings), 2 the run failed (other files are still linted)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github, junit, checkstyle
    }

    @Argument(help: "Files or directories to lint; - reads standard input.")
    var paths: [String]

    @Option(help: "Report format; github writes workflow commands that annotate a pull request.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the --format report to this file (atomically); the terminal still gets the text report.", valueName: "file"))
    var output: String?

    @Flag(help: "Let --output replace an existing file.")
    var force = false

    @OptionGroup var inputs: LintInputOptions

    @Option(help: ArgumentHelp("The client's complaint the replies answer: complaint-not-addressed reports its points that a reply never mentions.", valueName: "file"))
    var complaint: String?

    @Option(help: "Exit with 1 when a finding has at least this severity: suggestion, warning or error.")
    var failLevel: Severity = .warning

    @Option(help: ArgumentHelp("Also exit with 1 when there are more than this many warnings.", valueName: "n"))
    var maxWarnings: Int?

    @Flag(help: "Report only findings at or above --fail-level (the exit status still counts every finding).")
    var quiet = false

    @Flag(help: "Show each reply's scorecard (its elements, pass or fail, and a score out of 100) under its findings.")
    var scorecard = false

    @Flag(help: "Plain text output without colours (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
    }

    func run() throws {
        // Refuse before linting, so a long run is not wasted; the write itself checks again.
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            printError(AtomicFile.Failure.exists(path: output).description)
            throw ExitCode(2)
        }
        let complaintText = try complaint.map(Self.readComplaint)
        let (runner, sources, configurationFailed) = try inputs.configuredRun(paths, complaint: complaintText)
        let report = runner.run(sources)
        let shown = quiet ? report.keeping { $0.severity >= failLevel } : report
        var failed = report.hasFailures || configurationFailed
        if let output {
            do {
                try AtomicFile.write(Data(reporter(format, color: false).render(shown).utf8), to: output, replace: force)
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        let terminal = output == nil ? format : .text
        FileHandle.standardOutput.write(Data(reporter(terminal, color: useColor).render(shown).utf8))
        for file in report.files {
            if let failure = file.failure { printError("\(file.path): error: \(failure)") }
            if let skipped = file.skipped { printError("\(file.path): note: \(skipped)") }
        }
        if failed { throw ExitCode(2) }
        let warnings = report.count(.warning)
        if let maxWarnings, warnings > maxWarnings {
            printError("\(warnings) warnings, more than --max-warnings \(maxWarnings)")
            throw ExitCode(1)
        }
        if report.diagnostics.contains(where: { $0.severity >= failLevel }) { throw ExitCode(1) }
    }

    /// The complaint file's text; a file that cannot be read fails the run before linting.
    private static func readComplaint(_ path: String) throws -> String {
        let problem: String
        if let data = FileManager.default.contents(atPath: path) {
            if let text = String(data: data, encoding: .utf8) { return text }
            problem = "the complaint is not valid UTF-8"
        } else {
            problem = FileManager.default.fileExists(atPath: path) ? "cannot read the complaint" : "no such file or directory"
        }
        printError("\(path): error: \(problem)")
        throw ExitCode(2)
    }

    private func reporter(_ format: Format, color: Bool) -> any Reporter {
        switch format {
        case .text: TextReporter(color: color, scorecard: scorecard)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        case .checkstyle: CheckstyleReporter()
        }
    }

    private var useColor: Bool { terminalUsesColor(noColor: noColor) }
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
        let kind = switch description.kind {
        case .phrase: "flags phrases that are present"
        case .absence: "flags what the whole reply lacks"
        case .complaint: "flags points of the complaint (lint --complaint) that the reply never mentions"
        }
        print("kind: \(kind)\n")
        print(description.rationale + "\n")
        for language in Language.allCases {
            guard let file = library.file(rule: description.id, language: language) else { continue }
            print("[\(language.rawValue)] \(file.entries.count) lexicon entries")
            // A complaint rule's examples are a quoted complaint and a reply: indent their lines.
            for example in file.examples.triggering { print("  ✗ \(example.replacing("\n", with: "\n    "))") }
            for example in file.examples.nonTriggering { print("  ✓ \(example.replacing("\n", with: "\n    "))") }
            print()
        }
    }
}

/// Whether standard output gets colours: a terminal, and neither --no-color nor NO_COLOR.
func terminalUsesColor(noColor: Bool) -> Bool {
    !noColor && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false && isatty(STDOUT_FILENO) == 1
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("replylint: \(message)\n".utf8))
}
