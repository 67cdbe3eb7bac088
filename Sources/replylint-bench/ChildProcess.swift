import Dispatch
import Foundation

/// Runs a program to its end and reports wall time, CPU time and peak memory (wait4's
/// rusage), with its standard output kept in a file and its standard error discarded.
struct ChildProcess {
    struct Outcome {
        var seconds: Double
        var cpuSeconds: Double
        var peakKB: Int
        var status: Int32
        var output: String
    }

    var arguments: [String]
    /// Whether to follow peak memory; off for start-up timings, which polling would disturb.
    var measuresMemory = true

    /// Runs `arguments` (the first is looked up on PATH); nil when it cannot be started.
    func run() -> Outcome? {
        let outputPath = NSTemporaryDirectory() + "replylint-bench-\(getpid()).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
        // wait4's ru_maxrss is no use here: posix_spawn execs from the parent's address space,
        // and Linux carries that high-water mark over the exec. The child's own VmHWM is read
        // every few milliseconds instead; it only ever grows, so the last reading is the peak.
        var status: Int32 = 0
        var usage = rusage()
        var peakKB = 0
        while true {
            let result = wait4(pid, &status, measuresMemory ? WNOHANG : 0, &usage)
            if result == pid || (result == -1 && errno != EINTR) { break }
            peakKB = max(peakKB, Self.peakKB(of: pid))
            usleep(2_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally: the exit code; killed: 128 + signal, as shells report it.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
        return Outcome(seconds: seconds, cpuSeconds: cpu, peakKB: peakKB, status: code, output: output)
    }

    /// VmHWM of a running process in KB, or 0 once it has gone.
    static func peakKB(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// This executable, so the benchmark can run its own workloads as child processes.
    static let executablePath: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return length > 0 ? String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }()

    /// The absolute path of `program` on PATH, if it is installed.
    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { access($0, X_OK) == 0 }
    }
}
