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
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            throw Failure.unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
        defer { unlink(temporary.path) }
        if replace {
            guard rename(temporary.path, target.path) == 0 else { throw failure(path) }
            return
        }
        // A hard link fails when the name exists, so no check-then-write race can clobber a file.
        if link(temporary.path, target.path) == 0 { return }
        guard errno != EEXIST else { throw Failure.exists(path: path) }
        // Some file systems have no hard links: check, then rename.
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path: path) }
        guard rename(temporary.path, target.path) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> Failure {
        .unwritable(path: path, reason: String(cString: strerror(errno)))
    }
}
