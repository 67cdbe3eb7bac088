import ArgumentParser
import Foundation
import ReplyLint

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a library of replies or templates: score distribution, most frequent findings, weakest replies.",
        discussion: """
        Each reply gets a scorecard of nine elements, each passing unless one of its rules \
        fires; the score adds the weights of those that pass: \
        \(Scorecard.Element.allCases.map { "\($0.title) \($0.weight) (\($0.rules.sorted().joined(separator: ", ")))" }.joined(separator: "; ")). \
        Exit status: 0 the summary was written, 2 the run failed (other files are still summarised).
        """
    )

    @Argument(help: "Directories or files of replies; - reads standard input.")
    var paths: [String]

    @Option(help: ArgumentHelp("Also write the summary as a self-contained HTML page to this file (atomically).", valueName: "file"))
    var html: String?

    @Flag(help: "Let --html replace an existing file.")
    var force = false

    @Option(help: ArgumentHelp("How many rules and weakest replies to list.", valueName: "n"))
    var top = 10

    @OptionGroup var inputs: LintInputOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be 1 or more") }
    }

    func run() throws {
        try refuseToReplace([html], force: force)
        let (runner, sources, configurationFailed) = try inputs.configuredRun(paths)
        // Only counts and the weakest replies are kept, never every file's findings.
        var summary = LibrarySummary(limit: top)
        var linted = ReportSummary()
        runner.run(sources) { file in
            summary.add(file)
            linted.add(file)
        }
        var failed = linted.hasFailures || configurationFailed
        if let html, !writeAtomically(Data(LibraryHTMLReporter(limit: top).render(summary).utf8), to: html, force: force) {
            failed = true
        }
        FileHandle.standardOutput.write(Data(LibraryReporter(limit: top).render(summary).utf8))
        printUnreadable(linted.notLinted)
        if failed { throw ExitCode(2) }
    }
}
