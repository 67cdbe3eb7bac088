import Foundation

/// Writes a file whole or not at all, and a run interrupted (Ctrl-C, a CI job cancelled)
/// leaves no partial or stray file behind.
///
/// On Linux the bytes go to an unnamed file (`O_TMPFILE`) in the target's folder, which the
/// kernel removes by itself if the process dies; it gets its name only once complete. This
/// needs no signal handler, no list of files to clean up and no cleanup code that a second
/// signal could cut short. Elsewhere, or where the file system has no unnamed files, the bytes
/// go to a named temporary file, which then takes the target's name.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible {
        case exists(path: String)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path): already exists; pass --force to replace it"
            case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
            }
        }
    }

    /// Writes `data` to `path`; an existing file is replaced only when `replace` is true.
    public static func write(_ data: Data, to path: String, replace: Bool) throws {
        #if os(Linux)
        if try writeUnnamed(data, to: path, replace: replace) { return }
        #endif
        let temporary = temporaryName(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else { throw failure(path) }
        defer { unlink(temporary) }
        do {
            defer { close(descriptor) }
            try fill(descriptor, with: data, reportedAs: path)
        }
        try give(temporary, to: path, replace: replace)
    }

    #if os(Linux)
    /// Glibc's `O_TMPFILE` macro does not reach Swift; this is its value on the architectures
    /// Swift runs on (`__O_TMPFILE` is 020000000 on all of them).
    private static let unnamedFile = O_DIRECTORY | 0o20000000

    /// Writes through an unnamed file; false when this system cannot (an old kernel, a file
    /// system without `O_TMPFILE`, no /proc to name the file by), and nothing was written.
    private static func writeUnnamed(_ data: Data, to path: String, replace: Bool) throws -> Bool {
        guard access("/proc/self/fd", X_OK) == 0 else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, Int32(unnamedFile) | O_WRONLY, 0o666)
        guard descriptor >= 0 else {
            if [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) { return false }
            throw failure(path)
        }
        defer { close(descriptor) }
        try fill(descriptor, with: data, reportedAs: path)
        let unnamed = "/proc/self/fd/\(descriptor)"
        if replace {
            // A link cannot replace a file, a rename can: the complete file takes a temporary
            // name for the two system calls it takes to replace the target.
            let temporary = temporaryName(for: path)
            guard linkat(AT_FDCWD, unnamed, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else { throw failure(path) }
            defer { unlink(temporary) }
            try give(temporary, to: path, replace: true)
            return true
        }
        // The link fails when the name exists, so no check-then-write race can clobber a file.
        guard linkat(AT_FDCWD, unnamed, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
            throw errno == EEXIST ? Failure.exists(path: path) : failure(path)
        }
        return true
    }
    #endif

    /// Gives the complete file at `temporary` the name `path`.
    private static func give(_ temporary: String, to path: String, replace: Bool) throws {
        if replace {
            guard rename(temporary, path) == 0 else { throw failure(path) }
            return
        }
        // A hard link fails when the name exists, so no check-then-write race can clobber a file.
        if link(temporary, path) == 0 { return }
        guard errno != EEXIST else { throw Failure.exists(path: path) }
        // Some file systems have no hard links: check, then rename.
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path: path) }
        guard rename(temporary, path) == 0 else { throw failure(path) }
    }

    /// A hidden name beside `path` that no other writer picks.
    private static func temporaryName(for path: String) -> String {
        let target = URL(fileURLWithPath: path)
        return target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
    }

    /// Writes all of `data` to `descriptor` and flushes it to disk, so the name never points
    /// at bytes still in flight.
    private static func fill(_ descriptor: Int32, with data: Data, reportedAs target: String) throws {
        let written = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { return false }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else { throw failure(target) }
    }

    private static func failure(_ path: String) -> Failure {
        .unwritable(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
}
