import Foundation
import Synchronization
import Testing
@testable import ReplyLint

/// Reports stream: the runner hands each file over in input order as soon as it and every file
/// before it are linted, never running far ahead of the consumer, and every reporter written
/// file by file gives the bytes of the whole report rendered at once.
@Suite struct StreamingRunnerTests {
    /// Replies with and without findings, a file that does not exist and a binary file.
    private static func sources(_ count: Int, in directory: URL) throws -> [Source] {
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: directory.appendingPathComponent("binary.txt"))
        return (0..<count).map { index in
            switch index % 7 {
            case 3: .file(directory.appendingPathComponent("missing-\(index).txt").path)
            case 5: .file(directory.appendingPathComponent("binary.txt").path)
            default: .file(directory.appendingPathComponent(index.isMultiple(of: 2) ? "bad.txt" : "good.txt").path)
            }
        }
    }

    @Test(arguments: [1, 4])
    func handsEveryFileOverOnceInInputOrderOnTheCallingThread(workers: Int) throws {
        let directory = try CLI.directory(["bad.txt": Replies.blaming, "good.txt": Replies.good])
        defer { try? FileManager.default.removeItem(at: directory) }
        let sources = try Self.sources(100, in: directory)
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let caller = pthread_self()
        var handedOver: [FileReport] = []
        var diagnostics: [Diagnostic] = []
        runner.run(sources, workers: workers, window: 3, diagnostic: { diagnostic, path in
            #expect(pthread_equal(pthread_self(), caller) != 0, "handed over on another thread: two calls could overlap")
            // A file's diagnostics come before its report, after the report of the file before.
            #expect(path == sources[handedOver.count].path)
            diagnostics.append(diagnostic)
        }, file: { file in
            #expect(pthread_equal(pthread_self(), caller) != 0, "handed over on another thread: two calls could overlap")
            #expect(file.diagnostics.isEmpty)
            var file = file
            file.diagnostics = diagnostics
            diagnostics = []
            handedOver.append(file)
        })
        #expect(handedOver.map(\.path) == sources.map(\.path))
        #expect(handedOver.filter { $0.failure != nil }.count == 14 && handedOver.filter { $0.skipped != nil }.count == 14)
        #expect(handedOver.filter { $0.path.hasSuffix("bad.txt") }.allSatisfy { $0.diagnostics.contains { $0.rule == "blame-shifting" } })
        #expect(handedOver.filter { $0.path.hasSuffix("good.txt") }.allSatisfy { $0.diagnostics.isEmpty })
    }

    /// A slow consumer lets the workers run ahead by the window and no further.
    @Test func workersStayWithinTheWindowOfTheNextFileToHandOver() throws {
        let directory = try CLI.directory(["bad.txt": Replies.blaming])
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = (0..<120).map { directory.appendingPathComponent("r\($0).txt").path }
        for path in paths { try Replies.blaming.write(toFile: path, atomically: false, encoding: .utf8) }
        let index = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        // A file's settings are asked for when its linting starts.
        let highestStarted = HighestIndex()
        let settings = LintSettings(linter: Linter(library: try TestSupport.library()))
        let runner = LintRunner { path in
            highestStarted.record(index[path]!)
            return settings
        }
        let window = 8
        var ahead: [Int] = []
        runner.run(paths.map(Source.file), workers: 3, window: window, diagnostic: { _, _ in }, file: { file in
            let next = index[file.path]!
            // Time for the workers to fill the window.
            usleep(10_000)
            ahead.append(highestStarted.value - next)
        })
        #expect(ahead.count == paths.count)
        #expect(ahead.allSatisfy { $0 < window }, "\(ahead)")
        #expect(ahead.contains(window - 1), "the workers never ran ahead: \(ahead)")
    }

    private final class HighestIndex: Sendable {
        private let highest = Mutex(-1)
        func record(_ index: Int) { highest.withLock { $0 = max($0, index) } }
        var value: Int { highest.withLock { $0 } }
    }

    @Test func anEmptyRunHandsNothingOver() {
        var count = 0
        LintRunner().run([]) { _ in count += 1 }
        #expect(count == 0)
    }
}

@Suite struct StreamedReportTests {
    static let reporters: [any Reporter] = [
        TextReporter(color: false), TextReporter(color: true, scorecard: true), JSONReporter(), GitHubReporter(),
        JUnitReporter(), CheckstyleReporter(), SARIFReporter(baseDirectory: FileManager.default.temporaryDirectory),
    ]

    /// Written part by part as the runner hands diagnostics and files over, as `replylint lint` does, each
    /// report is the one rendered from the whole run.
    @Test func eachFormatStreamedIsTheWholeReportRendered() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: sample.directory.appendingPathComponent("binary.txt"))
        let sources = ["good.txt", SampleReport.awkwardName, "missing.txt", "binary.txt", SampleReport.awkwardName]
            .map { Source.file(sample.directory.appendingPathComponent($0).path) }
        let runner = LintRunner(linter: Linter(library: try TestSupport.library()))
        let whole = runner.run(sources)
        #expect(whole.files.contains { $0.failure != nil } && whole.files.contains { $0.skipped != nil })
        var outputs = [String](repeating: "", count: Self.reporters.count)
        var streams = Self.reporters.indices.map { index in ReportStream(Self.reporters[index]) { outputs[index] += $0 } }
        runner.run(sources, diagnostic: { diagnostic, path in
            for index in streams.indices { streams[index].add(diagnostic, in: path) }
        }, file: { file in
            for index in streams.indices { streams[index].add(file) }
        })
        for index in streams.indices { streams[index].finish() }
        for (reporter, output) in zip(Self.reporters, outputs) {
            #expect(output == reporter.render(whole), "\(type(of: reporter))")
        }
    }

    /// The JSON report is one document, files first, as the encoder lays out an empty array too.
    @Test func jsonIsOneDocumentWithTheFilesFirst() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        for report in [sample.report, LintReport(files: [])] {
            let json = JSONReporter().render(report)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(document.keys.sorted() == ["files", "summary", "tool", "version"])
            #expect((document["files"] as? [Any])?.count == report.files.count)
            let summary = try #require(document["summary"] as? [String: Int])
            #expect(summary == ["files": report.files.count, "errors": report.diagnostics.filter { $0.severity == .error }.count,
                                "warnings": report.diagnostics.filter { $0.severity == .warning }.count,
                                "suggestions": report.diagnostics.filter { $0.severity == .suggestion }.count])
        }
        #expect(JSONReporter().render(LintReport(files: [])).contains("\"files\" : [\n\n  ],\n"))
    }

    /// Whether the run succeeded is known only at its end: SARIF's invocations follow the results.
    @Test func sarifInvocationsFollowTheResults() throws {
        let sample = try SampleReport()
        defer { sample.remove() }
        let sarif = SARIFReporter(baseDirectory: sample.directory).render(sample.report)
        let results = try #require(sarif.range(of: "\n      \"results\" : ["))
        let invocations = try #require(sarif.range(of: "\n      \"invocations\" : ["))
        let tool = try #require(sarif.range(of: "\n      \"tool\" : {"))
        #expect(results.upperBound < invocations.lowerBound && invocations.upperBound < tool.lowerBound)
        let empty = SARIFReporter(baseDirectory: sample.directory).render(LintReport(files: []))
        #expect(empty.contains("\"results\" : [\n\n      ],\n      \"invocations\" : ["))
        #expect((try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any]) != nil)
    }
}
