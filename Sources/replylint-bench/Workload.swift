import CICUBridge
import Dispatch
import Foundation
import ReplyLint
import Synchronization

/// One measured run over a list of files, done in a child process so its peak memory is its own.
struct Workload {
    enum Task: String {
        /// The full lint of each file, as `replylint lint` does it, each finding dropped once placed.
        case lint
        /// The same with the lexicons multiplied tenfold.
        case lintTenfold = "lint-tenfold"
        /// Only ICU word break over each file's bytes: the floor.
        case wordBreak = "word-break"
        /// Only the analyzer's word break, which breaks plain words itself and runs ICU in
        /// windows around the rest: how much of the lint's speed is its tokenizer's.
        case windowedWordBreak = "word-break-windowed"
    }

    var task: Task
    var threads: Int
    var files: [String]

    /// What a child reports back on standard output, as JSON.
    struct Outcome: Codable {
        var files: Int
        var bytes: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakKB: Int
        var findings: Int
    }

    func run() throws -> Outcome {
        let library: LexiconLibrary? = switch task {
        case .lint: .builtin
        case .lintTenfold: try TenfoldLexicons.library()
        case .wordBreak, .windowedWordBreak: nil
        }
        let runner = library.map { LintRunner(linter: Linter(library: $0)) }
        if let runner {
            // Compile each language's matcher before the clock starts: a one-time cost per
            // process, measured on its own by the draft start-up figure.
            let analyzer = try TextAnalyzer()
            for sample in ["Sorry, we will fix it tomorrow.", "Извините, исправим завтра.", "Atvainojiet, rīt izlabosim."] {
                _ = runner.lint(sample, path: "warm-up.txt", analyzer: analyzer)
            }
        }
        let totals = Mutex((bytes: 0, findings: 0))
        let next = Atomic(0)
        let cpuBefore = Self.cpuSeconds()
        let start = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let analyzer = runner == nil ? nil : try! TextAnalyzer()
            let breaker = runner == nil ? WordBreaker(windowed: task == .windowedWordBreak) : nil
            var bytes = 0, findings = 0
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < files.count, let text = Self.read(files[index]) else { break }
                bytes += text.count
                if let runner, let analyzer {
                    // Counted and dropped as placed, as the CLI's reports stream them.
                    _ = runner.lint(bytes: text, path: files[index], analyzer: analyzer) { _ in findings += 1 }
                } else {
                    findings += breaker!.countWords(text)
                }
            }
            totals.withLock { $0.bytes += bytes; $0.findings += findings }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let (bytes, findings) = totals.withLock { ($0.bytes, $0.findings) }
        return Outcome(files: files.count, bytes: bytes, seconds: seconds, cpuSeconds: Self.cpuSeconds() - cpuBefore,
                       peakKB: Self.peakKB(), findings: findings)
    }

    /// Reads a file the way every task does, so reading costs the same in each.
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// User plus system CPU time of this process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The process's peak resident memory (VmHWM) in KB.
    static func peakKB() -> Int { ChildProcess.peakKB(of: getpid()) }
}

/// Bare ICU word break through the C bridge: the floor for the lint. Or, `windowed`, the
/// analyzer's word break, which leaves ICU the windows that plain words do not fill.
final class WordBreaker {
    private let breaker: OpaquePointer

    init(windowed: Bool = false) {
        var error: Int32 = 0
        let kind = Int32(windowed ? RL_BREAK_WORD_SKIPPING_SPACES : RL_BREAK_WORD)
        guard let breaker = rl_breaker_open(kind, "", &error) else { fatalError("ubrk_open failed with error \(error)") }
        self.breaker = breaker
    }

    deinit { rl_breaker_close(breaker) }

    /// The number of segments found in `text`.
    func countWords(_ text: [UInt8]) -> Int {
        text.withUnsafeBufferPointer { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return 0 }
            let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard rl_breaker_set_text(breaker, pointer, Int64(utf8.count)) == 0 else { return 0 }
            var start: Int64 = 0, end: Int64 = 0, status: Int32 = 0, count = 0
            while rl_breaker_next(breaker, &start, &end, &status) == 1 { count += 1 }
            return count
        }
    }
}
