import Foundation
import Synchronization
import Testing
@testable import ReplyLint

/// The runner hands each file over in input order as soon as it and every file before it are
/// linted, never running far ahead of the consumer.
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
        runner.run(sources, workers: workers, window: 3) { file in
            #expect(pthread_equal(pthread_self(), caller) != 0, "handed over on another thread: two calls could overlap")
            handedOver.append(file)
        }
        #expect(handedOver.map(\.path) == sources.map(\.path))
        #expect(handedOver.filter { $0.failure != nil }.count == 14 && handedOver.filter { $0.skipped != nil }.count == 14)
        #expect(handedOver.filter { $0.path.hasSuffix("bad.txt") }.allSatisfy { $0.diagnostics.contains { $0.rule == "blame-shifting" } })
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
        runner.run(paths.map(Source.file), workers: 3, window: window) { file in
            let next = index[file.path]!
            // Time for the workers to fill the window.
            usleep(10_000)
            ahead.append(highestStarted.value - next)
        }
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
