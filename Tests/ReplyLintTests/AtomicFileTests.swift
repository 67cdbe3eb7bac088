import Foundation
import Testing
@testable import ReplyLint

/// Files replylint writes appear whole or not at all, never replace a file unasked, and leave
/// nothing behind when the run is stopped.
@Suite struct AtomicFileTests {
    @Test func aNewFileIsWrittenWithNothingBesideIt() throws {
        let directory = try CLI.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        try AtomicFile.write(Data("{}".utf8), to: path, replace: false)
        #expect(FileManager.default.contents(atPath: path) == Data("{}".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
        let directory = try CLI.directory(["report.json": "keep me"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("new".utf8), to: path, replace: false) }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
        try AtomicFile.write(Data("new".utf8), to: path, replace: true)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func aFileWrittenInPartsIsNamedOnlyOnCommit() throws {
        let directory = try CLI.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        let writer = try AtomicFile.Writer(path: path, replace: false)
        writer.append(Data("{".utf8))
        writer.append(Data("}".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        try writer.commit()
        #expect(FileManager.default.contents(atPath: path) == Data("{}".utf8))
        // Dropped without a commit, as when the run fails: nothing is left.
        do {
            let abandoned = try AtomicFile.Writer(path: directory.appendingPathComponent("other.json").path, replace: false)
            abandoned.append(Data("{".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func aMissingFolderIsAnErrorNamingTheFile() throws {
        let error = #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.write(Data(), to: "/nonexistent/folder/report.json", replace: false)
        }
        #expect(error?.description == "/nonexistent/folder/report.json: cannot write: no such file or directory")
    }

    /// A run stopped by SIGINT or SIGTERM leaves its report whole or absent, and no temporary
    /// file. The signal goes as soon as anything appears in the report's folder (a named
    /// temporary file appears while the report is being written) or part way through the time
    /// an uninterrupted run takes.
    @Test(arguments: ["--output", "--write-baseline"])
    func anInterruptedRunLeavesNoPartialFile(option: String) throws {
        // Thousands of findings, so the report takes a while to write.
        var files = (1...1_500).reduce(into: [:]) { $0["replies/r\($1).txt"] = Replies.blaming }
        files["out/.keep"] = ""
        let directory = try CLI.directory(files)
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("out")
        let report = folder.appendingPathComponent("report.json")
        let arguments = ["lint", "--format", "json", option, report.path, directory.appendingPathComponent("replies").path]
        let started = Date()
        _ = try CLI.spawn(arguments).wait()
        let duration = Date().timeIntervalSince(started)
        let complete = try Data(contentsOf: report)
        #expect(complete.count > 1_000_000)

        for (trial, fraction) in [nil, 0.5, 0.9, nil, 0.97].enumerated() {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != ".keep" {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            let run = try CLI.spawn(arguments)
            if let fraction {
                usleep(UInt32(duration * fraction * 1_000_000))
            } else {
                while run.isRunning, try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".keep"] {}
            }
            let signal = trial.isMultiple(of: 2) ? SIGINT : SIGTERM
            // Never signal a process already waited for: its id may be another's by now.
            if run.isRunning { kill(run.id, signal) }
            let status = run.wait()
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".keep" }
            #expect(left.isEmpty || left == ["report.json"], "trial \(trial): \(left)")
            // Stopped by the signal, or it had already finished.
            #expect([128 + signal, 0, 1].contains(status), "trial \(trial)")
            if left == ["report.json"] { #expect(try Data(contentsOf: report) == complete, "trial \(trial)") }
        }
    }
}
