import Foundation

/// A text to lint: a file, or standard input under a display name.
public struct Source: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        case file(String)
        case standardInput
        /// A path found while expanding the arguments that cannot be linted, and why.
        case unreadable(String)
    }

    public var path: String
    public var origin: Origin

    public static func file(_ path: String) -> Source { Source(path: path, origin: .file(path)) }
    public static let standardInput = Source(path: "<stdin>", origin: .standardInput)

    /// Standard input linted as if it were the file `name`: its extension picks the format.
    public static func standardInput(named name: String) -> Source { Source(path: name, origin: .standardInput) }

    /// File extensions linted when a directory is given.
    public static let lintedExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "eml", "json", "yaml", "yml"]

    /// Whether a path names a library of reply templates (JSON or YAML), linted in template mode by default.
    public static func isTemplateLibrary(_ path: String) -> Bool {
        Document.Format(path: path) == .templates
    }

    /// The sources named by command-line paths: files as given, directories searched
    /// recursively for linted extensions (sorted, hidden entries skipped), "-" for stdin
    /// (reported as `standardInputName`, whose extension picks the format).
    /// A path or folder that cannot be read stays a source, so its error is reported in its place.
    public static func expand(_ paths: [String], standardInputName: String? = nil) -> [Source] {
        var sources: [Source] = []
        for path in paths {
            if path == "-" {
                sources.append(standardInputName.map(standardInput(named:)) ?? .standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                sources.append(.file(path))
                continue
            }
            sources += walk(path)
        }
        return sources
    }

    private static func walk(_ directory: String) -> [Source] {
        var found: [Source] = []
        let root = URL(fileURLWithPath: directory)
        let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles],
            errorHandler: { url, error in
                found.append(Source(path: url.path, origin: .unreadable(Self.describe(error))))
                return true
            })
        while let url = walker?.nextObject() as? URL {
            guard lintedExtensions.contains(url.pathExtension.lowercased()) else { continue }
            // Keep the path as the user would write it: the directory given, then the relative part.
            let relative = String(url.path.dropFirst(root.path.count)).drop { $0 == "/" }
            found.append(.file((directory as NSString).appendingPathComponent(String(relative))))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Reads the source's bytes. Only regular files are opened, so a FIFO or a device named by
    /// mistake never blocks the run.
    func read() throws -> [UInt8] {
        let data: Data
        switch origin {
        case .unreadable(let reason):
            throw SourceError(reason)
        case .standardInput:
            data = FileHandle.standardInput.readDataToEndOfFile()
        case .file(let path):
            // Opened without waiting and checked on the open file, so nothing swapped in
            // after a check (a FIFO in a file's place) can block the run.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw SourceError(String(cString: strerror(errno)).lowercased()) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw SourceError(String(cString: strerror(errno)).lowercased()) }
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw SourceError("is a directory")
            default: throw SourceError("not a regular file (a FIFO, socket or device), not read")
            }
            guard info.st_size <= Self.maximumBytes else { throw Self.tooLarge(Int(info.st_size)) }
            data = handle.readDataToEndOfFile()
        }
        guard data.count <= Self.maximumBytes else { throw Self.tooLarge(data.count) }
        // A NUL byte does not occur in text; a file with one is binary, skipped rather than failed.
        if data.prefix(8192).contains(0) { throw SourceSkipped("binary file, not linted") }
        return Array(data)
    }

    /// The largest input read: token offsets are 32-bit, which keeps a large file's tokens small.
    static let maximumBytes = 1 << 30

    private static func tooLarge(_ bytes: Int) -> SourceError {
        SourceError("\(bytes) bytes, larger than the \(maximumBytes >> 20) MiB replylint reads; not linted")
    }

    private static func describe(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying.map({ Int32($0.code) }), underlying?.domain == NSPOSIXErrorDomain {
            return "cannot read the directory: \(String(cString: strerror(code)).lowercased())"
        }
        return "cannot read the directory: \((error as NSError).localizedDescription)"
    }
}

/// Why a source could not be linted: the run fails (exit 2) after linting the rest.
struct SourceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Why a source was deliberately passed over: reported, but not a failure.
struct SourceSkipped: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
