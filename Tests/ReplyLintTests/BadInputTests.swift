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

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let directory = try CLI.directory((1...200).reduce(into: [:]) { $0["r\($1).txt"] = Replies.blaming })
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.shell("'\(CLI.binary.path)' lint --no-color '\(directory.path)' | head -1")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 1)
    }
}
