import Foundation

/// The findings a team accepts today, so that on a large existing library only new ones are
/// reported. A finding is known by its file, rule and the words it flags, never by its line,
/// so the baseline survives text moving around; the count lets the same phrase stay known
/// as many times as it was there.
public struct Baseline: Sendable, Equatable, Codable {
    public var version = 1
    public var findings: [Entry]

    private init(findings: [Entry]) { self.findings = findings }

    public struct Entry: Sendable, Hashable, Codable, Comparable {
        /// Relative to the baseline file's folder, so the baseline works from any working folder.
        public var path: String
        public var rule: String
        /// The flagged words with white space folded; empty for a finding about the whole reply.
        public var excerpt: String
        public var count: Int

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.path, lhs.rule, lhs.excerpt) < (rhs.path, rhs.rule, rhs.excerpt)
        }
    }

    /// Every finding of `report`, with paths relative to `directory` (the baseline's folder).
    public init(_ report: LintReport, directory: URL, workingDirectory: URL) {
        var recorder = Recorder(directory: directory, workingDirectory: workingDirectory)
        for file in report.files { recorder.add(file) }
        self = recorder.baseline
    }

    /// `report` without the findings this baseline knows.
    public func filter(_ report: LintReport, directory: URL, workingDirectory: URL) -> LintReport {
        var filter = Filter(self, directory: directory, workingDirectory: workingDirectory)
        return LintReport(files: report.files.map { filter.newFindings(in: $0) })
    }

    /// Counts findings as they come, keeping their counts, not the findings.
    public struct Recorder {
        private var paths: RelativePaths
        private var counts: [Key: Int] = [:]

        /// Paths are recorded relative to `directory` (the baseline's folder).
        public init(directory: URL, workingDirectory: URL) {
            paths = RelativePaths(directory: directory, workingDirectory: workingDirectory)
        }

        public mutating func add(_ diagnostic: Diagnostic, in path: String) {
            counts[Key(path: paths.relative(path), diagnostic), default: 0] += 1
        }

        public mutating func add(_ file: FileReport) {
            for diagnostic in file.diagnostics { add(diagnostic, in: file.path) }
        }

        public var baseline: Baseline {
            Baseline(findings: counts.map { Entry(path: $0.key.path, rule: $0.key.rule, excerpt: $0.key.excerpt, count: $0.value) }.sorted())
        }
    }

    /// Removes known findings as they come: a finding is known as many times as the baseline
    /// counted it, over all the findings that follow.
    public struct Filter {
        private var paths: RelativePaths
        /// How many more times each finding is known.
        private var remaining: [Key: Int]

        public init(_ baseline: Baseline, directory: URL, workingDirectory: URL) {
            paths = RelativePaths(directory: directory, workingDirectory: workingDirectory)
            remaining = Dictionary(baseline.findings.map { (Key(path: $0.path, rule: $0.rule, excerpt: $0.excerpt), $0.count) }) { $0 + $1 }
        }

        /// Whether the baseline does not know `diagnostic` of the file at `path` (any more).
        public mutating func isNew(_ diagnostic: Diagnostic, in path: String) -> Bool {
            let key = Key(path: paths.relative(path), diagnostic)
            guard let known = remaining[key], known > 0 else { return true }
            remaining[key] = known - 1
            return false
        }

        /// `file` with only the findings the baseline does not know.
        public mutating func newFindings(in file: FileReport) -> FileReport {
            file.keeping { isNew($0, in: file.path) }
        }
    }

    /// Paths relative to the baseline's folder; a file's findings come one after another, so
    /// the last path is remembered.
    private struct RelativePaths {
        let directory: URL
        let workingDirectory: URL
        private var last: (path: String, relative: String)?

        init(directory: URL, workingDirectory: URL) {
            self.directory = directory
            self.workingDirectory = workingDirectory
        }

        mutating func relative(_ path: String) -> String {
            if let last, last.path == path { return last.relative }
            let relative = Baseline.relative(path, to: directory, workingDirectory: workingDirectory)
            last = (path, relative)
            return relative
        }
    }

    /// Reads a baseline written by `--write-baseline`.
    public static func load(_ path: String) throws -> Baseline {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BaselineError("\(path): cannot read the baseline: \((error as NSError).localizedDescription)")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else { throw BaselineError("\(path): baseline version \(baseline.version) is not supported (expected 1)") }
            return baseline
        } catch let error as BaselineError {
            throw error
        } catch {
            throw BaselineError("\(path): not a replylint baseline: \(Self.describe(error))")
        }
    }

    /// The baseline as stable, diff-friendly JSON.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings and numbers always encode.
        return try! encoder.encode(self) + Data("\n".utf8)
    }

    private struct Key: Hashable {
        var path: String
        var rule: String
        var excerpt: String

        init(path: String, rule: String, excerpt: String) {
            (self.path, self.rule, self.excerpt) = (path, rule, excerpt)
        }

        init(path: String, _ diagnostic: Diagnostic) {
            self.init(path: path, rule: diagnostic.rule, excerpt: diagnostic.excerpt.split { $0.isWhitespace }.joined(separator: " "))
        }
    }

    fileprivate static func relative(_ path: String, to directory: URL, workingDirectory: URL) -> String {
        let absolute = absoluteURL(path, in: workingDirectory).path
        let base = absoluteURL(directory.path, in: workingDirectory).path
        return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty ? context.debugDescription
                : "\(context.debugDescription) at \(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))"
        default: "\(error)"
        }
    }
}

public struct BaselineError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
