import Foundation

/// Writes a file whole or not at all, and a run interrupted (Ctrl-C, a CI job cancelled)
/// leaves no partial or stray file behind.
///
/// On Linux the bytes go to an unnamed file (`O_TMPFILE`) in the target's folder, which the
/// kernel removes by itself if the process dies; it gets its name only once complete. This
/// needs no signal handler, no list of files to clean up and no cleanup code that a second
/// signal could cut short. Elsewhere, or where the file system has no unnamed files, the bytes
/// go to a hidden temporary file, which then takes the target's name; a process killed while
/// writing (a report streams for the whole run) leaves that hidden file behind.
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
        let writer = try Writer(path: path, replace: replace)
        writer.append(data)
        try writer.commit()
    }

    /// A file written in parts that gets its name only once `commit` is called: until then it
    /// has none (or a hidden temporary one), so a run that stops part way leaves no file.
    public final class Writer {
        private let path: String
        private let replace: Bool
        private let descriptor: Int32
        /// The named temporary file written where the system has no unnamed files; nil for an
        /// unnamed one.
        private let temporary: String?
        /// The first append that failed: later ones are dropped, and `commit` throws it.
        private var failure: Failure?

        /// Opens the file that will be `path`; an existing file is replaced only when `replace` is true.
        public init(path: String, replace: Bool) throws {
            self.path = path
            self.replace = replace
            #if os(Linux)
            if let unnamed = try AtomicFile.openUnnamed(for: path) {
                descriptor = unnamed
                temporary = nil
                return
            }
            #endif
            let temporary = AtomicFile.temporaryName(for: path)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            guard descriptor >= 0 else { throw AtomicFile.failure(path) }
            self.temporary = temporary
        }

        /// Writes `data` after what was written so far; a failure is kept for `commit`.
        public func append(_ data: Data) {
            guard failure == nil else { return }
            do throws(Failure) {
                try AtomicFile.fill(descriptor, with: data, reportedAs: path)
            } catch {
                failure = error
            }
        }

        /// Flushes the file to disk, so the name never points at bytes still in flight, and
        /// gives it its name; throws the first failed append instead, and then names nothing.
        public func commit() throws {
            if let failure { throw failure }
            guard fsync(descriptor) == 0 else { throw AtomicFile.failure(path) }
            if let temporary {
                try AtomicFile.give(temporary, to: path, replace: replace)
                return
            }
            #if os(Linux)
            try AtomicFile.giveUnnamed(descriptor, to: path, replace: replace)
            #endif
        }

        deinit {
            close(descriptor)
            // Left over unless `commit` renamed it.
            if let temporary { unlink(temporary) }
        }
    }

    #if os(Linux)
    /// Glibc's `O_TMPFILE` macro does not reach Swift; this is its value on the architectures
    /// Swift runs on (`__O_TMPFILE` is 020000000 on all of them).
    private static let unnamedFile = O_DIRECTORY | 0o20000000

    /// An unnamed file in `path`'s folder; nil when this system cannot make one (an old kernel,
    /// a file system without `O_TMPFILE`, no /proc to name the file by).
    private static func openUnnamed(for path: String) throws -> Int32? {
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, Int32(unnamedFile) | O_WRONLY, 0o666)
        guard descriptor >= 0 else {
            if [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) { return nil }
            throw failure(path)
        }
        return descriptor
    }

    /// Gives the complete unnamed file open at `descriptor` the name `path`.
    private static func giveUnnamed(_ descriptor: Int32, to path: String, replace: Bool) throws {
        let unnamed = "/proc/self/fd/\(descriptor)"
        if replace {
            // A link cannot replace a file, a rename can: the complete file takes a temporary
            // name for the two system calls it takes to replace the target.
            let temporary = temporaryName(for: path)
            guard linkat(AT_FDCWD, unnamed, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else { throw failure(path) }
            defer { unlink(temporary) }
            try give(temporary, to: path, replace: true)
            return
        }
        // The link fails when the name exists, so no check-then-write race can clobber a file.
        guard linkat(AT_FDCWD, unnamed, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
            throw errno == EEXIST ? Failure.exists(path: path) : failure(path)
        }
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

    /// Writes all of `data` to `descriptor`.
    private static func fill(_ descriptor: Int32, with data: Data, reportedAs target: String) throws(Failure) {
        let written = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { return false }
                offset += count
            }
            return true
        }
        guard written else { throw failure(target) }
    }

    private static func failure(_ path: String) -> Failure {
        .unwritable(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
}
