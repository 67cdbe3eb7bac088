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
        // Every command names itself: a name the parser derives from a type costs a search of
        // every loaded library's conformances at each start: 8% of a short run's instructions.
        subcommands: [Lint.self, Report.self, Rules.self, Explain.self, Init.self, InstallHook.self],
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
        commandName: "lint",
        abstract: "Lint reply files, directories (.txt, .md, .html, .eml, .json, .yaml inside) or standard input (-).",
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

    @Flag(help: "Let --output and --write-baseline replace an existing file.")
    var force = false

    @Option(help: ArgumentHelp("Report only the findings this baseline (written by --write-baseline) does not know.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record every finding of this run in a baseline file, to adopt replylint on an existing library; nothing is reported.", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var inputs: LintInputOptions

    @Option(help: ArgumentHelp("The client's complaint the replies answer, instead of what each file quotes: complaint-not-addressed reports its points that a reply never mentions.", valueName: "file"))
    var complaint: String?

    @Option(help: "Exit with 1 when a finding has at least this severity: suggestion, warning or error.")
    var failLevel: Severity = .warning

    @Option(help: ArgumentHelp("Also exit with 1 when there are more than this many warnings.", valueName: "n"))
    var maxWarnings: Int?

    @Flag(help: "Report only findings at or above --fail-level (the exit status still counts every finding).")
    var quiet = false

    @Flag(help: "Show each reply's scorecard (its elements, pass or fail, and a score out of 100) under its findings.")
    var scorecard = false

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("Lint standard input (-) as if it were this file: its extension picks the format (.eml, .html, .json...) and its folder the configuration, and the report names it.", valueName: "name"))
    var stdinFilename: String?

    @Flag(help: "Plain text output without colours (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if stdinFilename != nil, !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input: add - to the paths")
        }
    }

    func run() throws {
        try refuseToReplace([output, writeBaseline], force: force)
        let complaintText = try complaint.map(Self.readComplaint)
        let (runner, sources, configurationFailed) = try inputs.configuredRun(paths, standardInputName: stdinFilename, complaint: complaintText)
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let writeBaseline {
            return try record(runner, sources, in: writeBaseline, workingDirectory: workingDirectory, failed: configurationFailed)
        }
        var known: Baseline.Filter?
        if let baseline {
            do {
                known = Baseline.Filter(try Baseline.load(baseline), directory: Self.folder(of: baseline), workingDirectory: workingDirectory)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        var failed = configurationFailed
        let outputFile = output.flatMap { openAtomically($0, force: force) }
        if output != nil, outputFile == nil { failed = true }
        // Each file's part goes out as soon as it is linted; the terminal gets the text report
        // when the chosen format goes to a file.
        var reports = [ReportStream(reporter(output == nil ? format : .text, color: useColor), write: writeToStandardOutput)]
        if let outputFile { reports.append(ReportStream(reporter(format, color: false)) { outputFile.append(Data($0.utf8)) }) }
        // Only counts and the files not linted outlive each file: never the findings.
        var linted = ReportSummary()
        runner.run(sources, diagnostic: { diagnostic, path in
            guard known?.isNew(diagnostic, in: path) ?? true else { return }
            linted.add(diagnostic)
            guard !quiet || diagnostic.severity >= failLevel else { return }
            for index in reports.indices { reports[index].add(diagnostic, in: path) }
        }, file: { file in
            linted.add(file)
            for index in reports.indices { reports[index].add(file) }
        })
        for index in reports.indices { reports[index].finish() }
        if let outputFile, !commit(outputFile) { failed = true }
        printUnreadable(linted.notLinted)
        if failed || linted.hasFailures { throw ExitCode(2) }
        let warnings = linted.count(.warning)
        if let maxWarnings, warnings > maxWarnings {
            printError("\(warnings) warnings, more than --max-warnings \(maxWarnings)")
            throw ExitCode(1)
        }
        if Severity.allCases.contains(where: { $0 >= failLevel && linted.count($0) > 0 }) { throw ExitCode(1) }
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

    /// Writes every finding of the run to a baseline file instead of reporting them.
    private func record(_ runner: LintRunner, _ sources: [Source], in path: String, workingDirectory: URL, failed: Bool) throws {
        var recorder = Baseline.Recorder(directory: Self.folder(of: path), workingDirectory: workingDirectory)
        var linted = ReportSummary()
        runner.run(sources, diagnostic: { diagnostic, path in
            recorder.add(diagnostic, in: path)
            linted.add(diagnostic)
        }, file: { linted.add($0) })
        printUnreadable(linted.notLinted)
        guard writeAtomically(recorder.baseline.json, to: path, force: force) else { throw ExitCode(2) }
        printError("wrote \(linted.findings) findings of \(linted.files) files to \(path)")
        if failed || linted.hasFailures { throw ExitCode(2) }
    }

    private static func folder(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent()
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
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

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
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: why it matters, and examples in each language.")

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
        case .complaint: "flags points of the complaint (quoted in the file, or lint --complaint) that the reply never mentions"
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

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter .replylint.yml (never replacing an existing one).")

    @Argument(help: "The folder to write it in.")
    var directory = "."

    func run() throws {
        let path = (directory as NSString).appendingPathComponent(ConfigurationLoader.fileNames[0])
        do {
            try AtomicFile.write(Data(StarterConfiguration.text.utf8), to: path, replace: false)
        } catch AtomicFile.Failure.exists {
            printError("\(path) already exists; replylint init never replaces a configuration")
            throw ExitCode(2)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        print("wrote \(path): every setting is commented out; uncomment what you want to change")
    }
}

struct InstallHook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that lints the reply files staged for each commit.",
        discussion: "An existing hook is never replaced without --force, and then it is kept as a backup beside the new one."
    )

    @Flag(help: "Replace an existing pre-commit hook, keeping it as pre-commit.replylint-backup.")
    var force = false

    func run() throws {
        let hooks = try gitHooksFolder()
        let hook = hooks.appendingPathComponent("pre-commit").path
        if let existing = FileManager.default.contents(atPath: hook) {
            guard force else {
                printError("\(hook) already exists; pass --force to replace it (it is kept as a backup)")
                throw ExitCode(2)
            }
            let backup = try keep(existing, besides: hook)
            printError("kept the previous hook as \(backup)")
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
        // Any repository stages JSON and YAML (package.json, CI files) that are no template
        // libraries: the hook lints replies only; a library is linted when named.
        let replies = Source.lintedExtensions.filter { !Source.isTemplateLibrary("reply.\($0)") }
        let script = PreCommitHook.script(replylint: binary, extensions: Array(replies))
        guard writeAtomically(Data(script.utf8), to: hook, force: force) else { throw ExitCode(2) }
        guard chmod(hook, 0o755) == 0 else {
            printError("\(hook): cannot make it executable: \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        print("installed \(hook): staged replies are linted before each commit")
    }

    /// The repository's hooks folder, as git itself names it (worktrees and core.hooksPath included).
    private func gitHooksFolder() throws -> URL {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "rev-parse", "--path-format=absolute", "--git-path", "hooks"]
        let output = Pipe(), errors = Pipe()
        git.standardOutput = output
        git.standardError = errors
        try git.run()
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        git.waitUntilExit()
        guard git.terminationStatus == 0, !path.isEmpty else {
            printError("not inside a git repository (\(message.isEmpty ? "git rev-parse failed" : message))")
            throw ExitCode(2)
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return URL(fileURLWithPath: path)
    }

    /// Writes `data` to the first free backup name beside `path`.
    private func keep(_ data: Data, besides path: String) throws -> String {
        for attempt in 0..<100 {
            let backup = path + ".replylint-backup" + (attempt == 0 ? "" : ".\(attempt)")
            do {
                try AtomicFile.write(data, to: backup, replace: false)
                chmod(backup, 0o755)
                return backup
            } catch AtomicFile.Failure.exists {
                continue
            }
        }
        printError("\(path): too many backups already; remove some first")
        throw ExitCode(2)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("replylint: \(message)\n".utf8))
}
