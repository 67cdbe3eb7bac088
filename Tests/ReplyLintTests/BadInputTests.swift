import Foundation
import Testing
@testable import ReplyLint

/// Files users point replylint at without meaning to: each is reported, and the run goes on.
@Suite struct BadInputTests {
    @Test func anEmptyFileHasNoFindings() throws {
        let directory = try CLI.directory(["empty.txt": "", "blank.txt": "\n\n  \n", "emoji.txt": "🙂\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--format", "json", directory.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("\"warnings\" : 0"))
    }

    @Test func aBinaryFileIsSkippedWithANote() throws {
        let directory = try CLI.directory(["good.txt": Replies.good])
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: directory.appendingPathComponent("image.txt"))
        let run = try CLI.run(["lint", "--format", "json", directory.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("image.txt: note: binary file, not linted"))
        #expect(run.stdout.contains("\"skipped\" : \"binary file, not linted\""))
    }

    @Test func aFIFOIsNeverOpened() throws {
        let directory = try CLI.directory(["good.txt": Replies.good])
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Were the FIFO opened, the run would block forever; the watchdog turns that into a failure.
        let run = try CLI.run(["lint", fifo, directory.appendingPathComponent("good.txt").path], timeout: 20)
        #expect(run.status == 2)
        #expect(run.stderr.contains("pipe.txt: error: not a regular file"))
    }

    @Test func aFileOverOneGibibyteIsNamedAndNotRead() throws {
        let directory = try CLI.directory(["good.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        // A sparse file: its size is what is checked, so no disk space is spent on it.
        let huge = directory.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, off_t(Source.maximumBytes + 1)) == 0)
        let run = try CLI.run(["lint", "--format", "json", directory.path], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("huge.txt: error: 1073741825 bytes, larger than the 1024 MiB replylint reads"))
        #expect(run.stdout.contains("blame-shifting"))
    }

    /// Devices are never read: /dev/zero would never end.
    @Test func devicesAreNeverRead() throws {
        let run = try CLI.run(["lint", "/dev/zero", "/dev/null", "-"], stdin: Replies.blaming, timeout: 20)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/zero: error: not a regular file"))
        #expect(run.stderr.contains("/dev/null: error: not a regular file"))
        #expect(run.stdout.contains("3 files linted: 1 error"), "\(run.stdout)")
    }

    /// A file with several bad bytes is one error, at the first of them.
    @Test func invalidUTF8IsReportedOncePerFileAtItsFirstByte() throws {
        let directory = try CLI.directory(["good.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0x41, 0xFF, 0x42, 0xFE, 0x43, 0xC3]).write(to: directory.appendingPathComponent("bad.txt"))
        let run = try CLI.run(["lint", "--no-color", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.components(separatedBy: "bad.txt: error:").count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("bad.txt: error: not valid UTF-8 (first bad byte at offset 1)"))
        #expect(run.stdout.contains("good.txt:1:15: error:"))
    }

    @Test func aDirectoryGivenAsAFileIsAnError() throws {
        let run = try CLI.run(["lint", "/nonexistent-dir/", "-"], stdin: Replies.good)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent-dir/: error: no such file or directory"))
    }

    @Test func aLongLineIsShownAsAWindowAroundTheFinding() throws {
        let filler = String(repeating: "Спасибо за письмо. ", count: 20_000)
        let directory = try CLI.directory(["long.txt": filler + "Вам следовало прочитать договор. " + filler])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("long.txt").path])
        #expect(run.status == 1)
        let shown = try #require(run.stdout.split(separator: "\n").first { $0.contains("Вам следовало") })
        #expect(shown.count < 300)
        #expect(shown.contains("…"))
    }

    /// Each finding of a long line is placed from a checkpoint near it, not counted from the
    /// start of the line: this run took minutes when every finding counted the line again.
    @Test func aLongLineWithAFindingInEverySentence() throws {
        let sentence = "Вам следовало прочитать договор. ", count = 5_000
        let directory = try CLI.directory(["long.txt": String(repeating: sentence, count: count)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("long.txt").path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("[blame-shifting]") }.count == count)
        let last = (count - 1) * sentence.unicodeScalars.count + 1
        let header = try #require(lines.firstIndex { $0.contains("long.txt:1:\(last): error:") })
        // The last finding, its line shown from 80 characters before it to the end.
        #expect(lines[header + 2] == "  1 | …" + String(String(repeating: sentence, count: 4).unicodeScalars.suffix(80 + sentence.unicodeScalars.count)))
    }

    /// `replylint lint … | head -1`: replylint ends on SIGPIPE (or had finished) and says nothing.
    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let directory = try CLI.directory((1...200).reduce(into: [:]) { $0["replies/r\($1).txt"] = Replies.blaming })
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = directory.path
        let command = "('\(CLI.binary.path)' lint --no-color '\(files)/replies' 2>'\(files)/errors'; echo $? >'\(files)/status') | head -1 >'\(files)/shown'"
        #expect(try CLI.spawn(["-c", command], executable: URL(fileURLWithPath: "/bin/sh")).wait() == 0)
        let status = try String(contentsOfFile: files + "/status", encoding: .utf8)
        #expect(["141\n", "1\n"].contains(status), "\(status)")
        #expect(try String(contentsOfFile: files + "/errors", encoding: .utf8).isEmpty)
        #expect(try String(contentsOfFile: files + "/shown", encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func aNonexistentPathAmongGoodOnesKeepsTheirFindings() throws {
        let directory = try CLI.directory(["a.txt": Replies.blaming, "b.txt": Replies.good])
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.txt").path
        let run = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("a.txt").path, missing,
                               directory.appendingPathComponent("b.txt").path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("a.txt:1:15: error:"), "\(run.stdout)")
        #expect(run.stdout.contains("3 files linted: 1 error"))
        #expect(run.stderr.contains("\(missing): error: no such file or directory"))
    }

    /// A link back up the tree is not followed; a link to itself is an error in its place.
    @Test func symlinkLoopsEndTheWalk() throws {
        let directory = try CLI.directory(["a/reply.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("a/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop.txt").path, withDestinationPath: "loop.txt")
        let run = try CLI.run(["lint", "--no-color", directory.path], timeout: 20)
        #expect(run.status == 2)
        #expect(run.stdout.components(separatedBy: "reply.txt:1:15: error:").count == 2, "\(run.stdout)")
        #expect(run.stderr.contains("loop.txt: error: too many levels of symbolic links"))
    }

    @Test func aVeryDeepTreeIsWalkedToTheBottom() throws {
        let depth = 1_000
        let path = Array(repeating: "d", count: depth).joined(separator: "/") + "/reply.txt"
        let directory = try CLI.directory([path: Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        let sources = Source.expand([directory.path])
        #expect(sources.map(\.path) == [directory.appendingPathComponent(path).path])
        let report = LintRunner().run(sources)
        #expect(report.files.first?.diagnostics.contains { $0.rule == "blame-shifting" } == true)
    }

    /// Lexicon errors name the file as the user wrote the directory, with the line, and exit 2.
    @Test func aMalformedLexiconDirectoryIsAnErrorNamingFileAndLine() throws {
        let directory = try CLI.directory([
            "lex/en/jargon.yml": "message: m\nentries:\n  - match: [unclosed\n",
            "lex/ru/blame-shifting.yml": "message: m\nentries:\n  - match: вам следовало\n    colour: red\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let lexicons = directory.appendingPathComponent("lex").path
        let run = try CLI.run(["lint", "--lexicon-dir", lexicons + "/", "-"], stdin: Replies.blaming)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("replylint: \(lexicons)/en/jargon.yml:4: error: malformed YAML"), "\(run.stderr)")
        #expect(run.stderr.contains("replylint: \(lexicons)/ru/blame-shifting.yml:4: error: unknown entry key 'colour'"))
    }

    /// Linting with no lexicons at all would pass every reply: a wrong directory is an error.
    @Test(arguments: ["missing", "empty"])
    func aLexiconDirectoryWithoutLexiconsIsAnError(name: String) throws {
        let directory = try CLI.directory(["empty/notes.txt": ""])
        defer { try? FileManager.default.removeItem(at: directory) }
        let lexicons = directory.appendingPathComponent(name).path
        let run = try CLI.run(["lint", "--lexicon-dir", lexicons, "-"], stdin: Replies.blaming)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("replylint: \(lexicons): error: "), "\(run.stderr)")
    }

    /// Root reads everything, so the run drops to `nobody` for it (when the tests run as root).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func filesAndFoldersWithoutPermissionAreErrorsInTheirPlace() throws {
        let directory = try CLI.directory(["locked.txt": Replies.blaming, "closed/inside.txt": Replies.blaming,
                                           "open/reply.txt": Replies.blaming])
        defer {
            chmod(directory.appendingPathComponent("closed").path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        #expect(chmod(directory.appendingPathComponent("locked.txt").path, 0) == 0)
        #expect(chmod(directory.appendingPathComponent("closed").path, 0) == 0)
        let run = try CLI.shell("cd '\(directory.path)' && /usr/sbin/runuser -u nobody -- '\(CLI.binary.path)' lint --no-color locked.txt closed open")
        #expect(run.status == 2)
        #expect(run.stderr.contains("replylint: locked.txt: error: permission denied"), "\(run.stderr)")
        #expect(run.stderr.contains("closed: error: cannot read the directory: permission denied"))
        #expect(run.stdout.contains("open/reply.txt:1:15: error:"), "\(run.stdout)")
    }
}
