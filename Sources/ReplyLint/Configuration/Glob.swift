/// A path pattern as in .gitignore: `*` and `?` within a path segment, `**` across segments.
/// A pattern without "/" matches a file or folder name at any depth; a pattern that names a
/// folder also matches everything inside it.
public struct Glob: Sendable, Hashable {
    private let segments: [Substring]
    private let anchored: Bool

    public init(_ pattern: String) {
        var pattern = Substring(pattern)
        if pattern.hasPrefix("./") { pattern = pattern.dropFirst(2) }
        anchored = pattern.dropLast().contains("/")
        segments = pattern.split(separator: "/")
    }

    /// Whether `path` (relative, "/"-separated) or one of the folders it lies in matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        let patterns = anchored ? segments : ["**"] + segments
        return (1...max(1, parts.count)).contains { Self.match(patterns[...], parts.prefix($0)) }
    }

    private static func match(_ patterns: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = patterns.first else { return parts.isEmpty }
        if first == "**" {
            return (parts.startIndex...parts.endIndex).contains { match(patterns.dropFirst(), parts[$0...]) }
        }
        guard let part = parts.first, matchSegment(Array(first.unicodeScalars)[...], Array(part.unicodeScalars)[...]) else { return false }
        return match(patterns.dropFirst(), parts.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*": return (name.startIndex...name.endIndex).contains { matchSegment(pattern.dropFirst(), name[$0...]) }
        case "?": return !name.isEmpty && matchSegment(pattern.dropFirst(), name.dropFirst())
        default: return name.first == first && matchSegment(pattern.dropFirst(), name.dropFirst())
        }
    }
}
