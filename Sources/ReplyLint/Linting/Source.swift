import Foundation

/// A text to lint: a file, or standard input under a display name.
public struct Source: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        case file(String)
        case standardInput
    }

    public var path: String
    public var origin: Origin

    public static func file(_ path: String) -> Source { Source(path: path, origin: .file(path)) }
    public static let standardInput = Source(path: "<stdin>", origin: .standardInput)

    /// File extensions linted when a directory is given.
    public static let lintedExtensions: Set<String> = ["txt", "md"]

    /// The sources named by command-line paths: files as given, directories searched
    /// recursively for linted extensions (sorted, hidden entries skipped), "-" for stdin.
    /// A path that cannot be read stays a source, so its error is reported in its place.
    public static func expand(_ paths: [String]) -> [Source] {
        var sources: [Source] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                sources.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let walker = manager.enumerator(atPath: path)
            else {
                sources.append(.file(path))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                if lintedExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            sources += found.sorted().map(Source.file)
        }
        return sources
    }

    /// Reads the source as UTF-8 text.
    func read() throws -> String {
        let data: Data
        switch origin {
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else { throw SourceError("no such file or directory") }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw SourceError("cannot read the file: \((error as NSError).localizedDescription)")
            }
        case .standardInput:
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SourceError("not valid UTF-8 (first bad byte at offset \(Self.firstInvalidByte(data)))")
        }
        return text
    }

    private static func firstInvalidByte(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        let bytes = Array(data)
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return offset
            case .error:
                return min(offset, bytes.count)
            }
        }
    }
}

struct SourceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
