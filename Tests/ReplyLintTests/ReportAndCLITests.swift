import Foundation
import Testing
@testable import ReplyLint

/// Runs the built `replylint` binary, as a user or a script would.
enum CLI {
    static var binary: URL {
        // `swift test` builds every product next to the test bundle.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !directory.path.hasSuffix("/debug"), directory.path != "/" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("replylint")
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    timeout: Double = 120) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(binary, arguments, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Runs a shell command line, for pipelines.
    static func shell(_ command: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], stdin: "", environment: [:], timeout: 120)
    }

    private static func run(_ executable: URL, _ arguments: [String], stdin: String, environment: [String: String],
                            timeout: Double) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Away from the source tree: the binary must carry its lexicons.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // A run that hangs (a FIFO opened by mistake) is killed, so the test fails instead of blocking.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Starts `executable` (the binary by default) as a shell would, its standard streams on
    /// /dev/null: signals unblocked and at their defaults. A child of Foundation's Process keeps
    /// the test thread's blocked signals, so a SIGINT, SIGTERM or SIGPIPE would never reach it.
    static func spawn(_ arguments: [String], executable: URL = binary) throws -> Child {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), stops = sigset_t()
        sigemptyset(&none)
        sigemptyset(&stops)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&stops, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &stops)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for stream: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", stream == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var id = pid_t()
        let failure = posix_spawn(&id, executable.path, &actions, &attributes, argv, environ)
        guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        return Child(id: id)
    }

    /// A process started by `spawn`.
    final class Child {
        let id: pid_t
        /// The `waitpid` status, once it has ended.
        private var status: Int32?

        init(id: pid_t) { self.id = id }

        var isRunning: Bool {
            guard status == nil else { return false }
            var status: Int32 = 0
            guard waitpid(id, &status, WNOHANG) == id else { return true }
            self.status = status
            return false
        }

        /// Waits for the end; the exit status, or 128 plus the signal that ended it, as a shell says.
        func wait() -> Int32 {
            if status == nil {
                var status: Int32 = 0
                waitpid(id, &status, 0)
                self.status = status
            }
            let status = status!
            return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
        }
    }

    /// A scratch directory with the given files, removed by the caller.
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }
}

enum Replies {
    static let good = """
    Здравствуйте, Анна!

    Простите, пожалуйста: мы отправили вам не тот размер, и это наша ошибка. \
    Завтра до 12:00 курьер привезёт замену — правильную пару — и заберёт эту. \
    Напишите мне, если что-то пойдёт не так.
    """
    static let blaming = "Здравствуйте. Вам следовало внимательнее прочитать договор."
}

@Suite struct CLITests {
    @Test func exitsZeroOnACleanReplyAndOneOnFindings() throws {
        let directory = try CLI.directory(["good.txt": Replies.good, "bad.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("good.txt").path])
        #expect(good.status == 0, "\(good.stdout)")
        let bad = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("bad.txt").path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("bad.txt:1:15: error: "))
        #expect(bad.stdout.contains("[blame-shifting]"))
        #expect(bad.stdout.contains("1 | Здравствуйте. Вам следовало"))
        #expect(!bad.stdout.contains("\u{1B}["))
    }

    @Test func failLevelDecidesWhatFails() throws {
        let onlyWarnings = try CLI.run(["lint", "--fail-level", "error", "-"], stdin: "Thanks for your message.")
        #expect(onlyWarnings.status == 0)
        let suggestion = try CLI.run(["lint", "--fail-level", "suggestion", "-"], stdin: Replies.good + " Наш SLA соблюдён.")
        #expect(suggestion.status == 1)
    }

    @Test func aMissingPathFailsTheRunButTheOtherFilesAreStillLinted() throws {
        let directory = try CLI.directory(["bad.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--format", "json", "/nonexistent/reply.txt", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/reply.txt: error: no such file or directory"))
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let files = try #require(report?["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect((files[1]["diagnostics"] as? [Any])?.isEmpty == false)
    }

    @Test func directoriesAreSearchedForEveryReplyFormat() throws {
        let directory = try CLI.directory(["a.txt": Replies.blaming, "sub/b.md": Replies.blaming, "c.csv": "a,b", ".hidden/d.txt": Replies.blaming,
                                           "d.html": "<p>Hi</p>", "e.eml": "Subject: x\n\nHi", "f.yml": "a: b c", "g.json": "{}"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--format", "json", directory.path])
        let paths = (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]]
        #expect(paths?.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
            == ["a.txt", "d.html", "e.eml", "f.yml", "g.json", "b.md"])
    }

    @Test func invalidUTF8IsReportedWithItsOffset() throws {
        let directory = try CLI.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.txt")
        try Data([0x41, 0x42, 0xFF, 0x43]).write(to: file)
        let run = try CLI.run(["lint", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not valid UTF-8 (first bad byte at offset 2)"))
    }

    @Test func languageCanBeForced() throws {
        let run = try CLI.run(["lint", "--format", "json", "--lang", "lv", "-"], stdin: "Hello there.")
        #expect(run.stdout.contains("\"language\" : \"lv\""))
        let bad = try CLI.run(["lint", "--lang", "xx", "-"])
        #expect(bad.status != 0 && bad.status != 1)
    }

    @Test func rulesAndExplainDescribeEveryRule() throws {
        let rules = try CLI.run(["rules"])
        #expect(rules.status == 0)
        for rule in RuleRegistry.all { #expect(rules.stdout.contains(rule.description.id)) }
        let explain = try CLI.run(["explain", "blame-shifting"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Lewicki"))
        #expect(explain.stdout.contains("[ru]") && explain.stdout.contains("[lv]") && explain.stdout.contains("[en]"))
        #expect(try CLI.run(["explain", "no-such-rule"]).status != 0)
    }
}

@Suite struct JSONReportTests {
    private func report(_ text: String) throws -> [String: Any] {
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let file = runner.lint(text, path: "replies/x.txt", analyzer: try TextAnalyzer())
        let json = JSONReporter().render(LintReport(files: [file]))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func hasTheShapeOfDESIGN() throws {
        let json = try report("🙂\nЗдравствуйте. Вам следовало прочитать договор.")
        #expect(json["version"] as? Int == 1)
        #expect((json["tool"] as? [String: String]) == ["name": "replylint", "version": ReplyLintVersion.current])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == "replies/x.txt")
        #expect(file["language"] as? String == "ru")
        let diagnostics = try #require(file["diagnostics"] as? [[String: Any]])
        let blame = try #require(diagnostics.first { $0["rule"] as? String == "blame-shifting" })
        #expect(blame["severity"] as? String == "error")
        #expect(blame["line"] as? Int == 2)
        #expect(blame["column"] as? Int == 15)
        #expect(blame["endLine"] as? Int == 2)
        #expect(blame["offset"] as? Int == 5 + "Здравствуйте. ".utf8.count)
        let excerpt = try #require(blame["excerpt"] as? String)
        #expect(blame["length"] as? Int == excerpt.utf8.count)
        #expect(blame["endColumn"] as? Int == 15 + excerpt.unicodeScalars.count)
        let missing = try #require(diagnostics.first { $0["rule"] as? String == "missing-apology" })
        #expect(missing["line"] as? Int == 1 && missing["column"] as? Int == 1 && missing["length"] as? Int == 0)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["files"] == 1)
        #expect(summary["errors"] == diagnostics.filter { $0["severity"] as? String == "error" }.count)
    }

    /// The report validates against docs/report.schema.json, checked by Python's jsonschema.
    @Test func validatesAgainstTheSchema() throws {
        let directory = try CLI.directory(["bad.txt": Replies.blaming, "good.txt": Replies.good,
                                           "library.yml": "late:\n  body: \(Replies.blaming)\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--format", "json", directory.path, "/nonexistent.txt"])
        #expect(run.stdout.contains("\"template\" : \"late.body\""))
        let reportURL = directory.appendingPathComponent("report.json")
        try run.stdout.write(to: reportURL, atomically: true, encoding: .utf8)
        let schema = TestSupport.repositoryRoot.appendingPathComponent("docs/report.schema.json")
        let validation = try JSONSchema.validate(reportURL, against: schema)
        #expect(validation.status == 0, "\(validation.output)")
    }
}

enum JSONSchema {
    /// Validates with Python's jsonschema (installed by `make test`).
    static func validate(_ document: URL, against schema: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validators.validator_for(schema).check_schema(schema)
            errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """, schema.path, document.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
