import Foundation

/// Writes a file whole or not at all: the bytes go to a temporary file in the same folder,
/// which then takes the target's name, so no reader ever sees half a file.
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
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        try writeNew(data, to: temporary, reportedAs: path)
        defer { unlink(temporary) }
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

    /// Creates `path` (which must not exist) with `data`, flushed to disk before it is renamed.
    private static func writeNew(_ data: Data, to path: String, reportedAs target: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else { throw failure(target) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { return false }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else {
            let error = failure(target)
            unlink(path)
            throw error
        }
    }

    private static func failure(_ path: String) -> Failure {
        .unwritable(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
}
