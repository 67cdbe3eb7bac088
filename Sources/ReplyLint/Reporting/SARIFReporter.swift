import Foundation

/// SARIF 2.1.0, the format code-scanning services read: one run that describes every rule,
/// one result per diagnostic, and files that could not be linted as notifications.
public struct SARIFReporter: Reporter {
    /// Paths under it are written relative to it (as `%SRCROOT%`), as code scanning expects.
    public var baseDirectory: URL

    public init(baseDirectory: URL) { self.baseDirectory = baseDirectory }

    /// Results are written as each file is linted. Whether the run succeeded, and the files it
    /// could not lint, are known only at the end: `invocations` follows `results` instead of
    /// preceding it as the other keys' order would have it.
    public func header() -> String { frame.opening }

    public func fileStart(_ path: String, after earlier: ReportSummary) -> String { "" }

    public func diagnostic(_ diagnostic: Diagnostic, index: Int, in path: String, after earlier: ReportSummary) -> String {
        (earlier.findings == 0 ? "" : ",\n")
            + PrettyJSON.encoded(result(diagnostic, path: path, ruleIndex: Self.ruleIndex[diagnostic.rule]), depth: 4)
    }

    public func fileEnd(_ file: FileReport, count: Int, after earlier: ReportSummary) -> String { "" }

    public func footer(_ summary: ReportSummary) -> String {
        let notifications = summary.notLinted.compactMap(notification)
        let invocations = Invocations(invocations: [Invocation(executionSuccessful: !summary.hasFailures,
                                                               toolExecutionNotifications: notifications.isEmpty ? nil : notifications)])
        let log = frame
        return log.closing + ",\n" + PrettyJSON.members(of: invocations, depth: 3) + log.rest + "\n"
    }

    private static let rules = RuleRegistry.all.map { $0.description }
    private static let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })

    /// The log without results or invocations, cut where the results go.
    private var frame: PrettyJSON.Frame {
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(name: "replylint", version: ReplyLintVersion.current,
                                      semanticVersion: ReplyLintVersion.current, rules: Self.rules.map(ReportingDescriptor.init))),
            originalUriBaseIds: [Self.sourceRoot: ArtifactLocation(uri: Self.fileURI(directoryPath + "/"))],
            results: []
        )])
        return PrettyJSON.Frame(log, array: "results", depth: 3)
    }

    private func result(_ diagnostic: Diagnostic, path: String, ruleIndex: Int?) -> ResultObject {
        ResultObject(ruleId: diagnostic.rule, ruleIndex: ruleIndex, level: Self.level(diagnostic.severity),
                     message: Message(text: diagnostic.message),
                     locations: [location(path, region: diagnostic.isDocumentLevel ? nil : Region(diagnostic))],
                     // SARIF's `fixes` are byte edits; a rewrite to consider is extra information.
                     properties: diagnostic.suggestion.map { Properties(suggestion: $0) })
    }

    /// Why a file was not linted: an error (the run failed) or a note (skipped on purpose).
    private func notification(_ file: FileReport) -> NotificationObject? {
        if let failure = file.failure {
            return NotificationObject(level: "error", message: Message(text: failure), locations: [location(file.path)])
        }
        if let skipped = file.skipped {
            return NotificationObject(level: "note", message: Message(text: skipped), locations: [location(file.path)])
        }
        return nil
    }

    private static let sourceRoot = "%SRCROOT%"

    private var directoryPath: String {
        let path = baseDirectory.standardizedFileURL.path
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// A file as a URI: relative to the base directory when under it, absolute otherwise.
    private func location(_ path: String, region: Region? = nil) -> Location {
        let base = URL(fileURLWithPath: directoryPath, isDirectory: true)
        let absolute = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
        let artifact = absolute.hasPrefix(directoryPath + "/")
            ? ArtifactLocation(uri: Self.percentEncoded(String(absolute.dropFirst(directoryPath.count + 1))), uriBaseId: Self.sourceRoot)
            : ArtifactLocation(uri: Self.fileURI(absolute))
        return Location(physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region))
    }

    private static func fileURI(_ absolutePath: String) -> String { "file://" + percentEncoded(absolutePath) }

    /// Everything but unreserved ASCII, "/" and a few sub-delimiters is escaped, so non-ASCII
    /// names are valid URIs and a ":" in a file name is never read as a scheme.
    private static func percentEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: uriPathCharacters) ?? path
    }

    private static let uriPathCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@")

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .suggestion: "note"
        }
    }

    private struct Log: Encodable {
        var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        private enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [ResultObject]
        /// Diagnostic columns count Unicode scalars, not UTF-16 units (SARIF's default).
        var columnKind = "unicodeCodePoints"
    }

    private struct Tool: Encodable {
        var driver: Driver
    }

    private struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [ReportingDescriptor]
    }

    private struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration

        init(_ description: RuleDescription) {
            id = description.id
            // SARIF wants an identifier here (Pascal case); the readable name is the short description.
            name = description.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            shortDescription = Text(text: description.name)
            fullDescription = Text(text: description.rationale)
            help = Text(text: "\(description.rationale)\n\n`replylint explain \(description.id)` shows examples in each language.")
            defaultConfiguration = Configuration(level: SARIFReporter.level(description.defaultSeverity))
        }
    }

    private struct Text: Encodable {
        var text: String
    }

    private struct Configuration: Encodable {
        var level: String
    }

    /// A run's `invocations` member.
    private struct Invocations: Encodable {
        var invocations: [Invocation]
    }

    private struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [NotificationObject]?
    }

    private struct NotificationObject: Encodable {
        var level: String
        var message: Message
        var locations: [Location]
    }

    private struct ResultObject: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var properties: Properties?
    }

    private struct Message: Encodable {
        var text: String
    }

    private struct Properties: Encodable {
        var suggestion: String
    }

    private struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var byteOffset: Int
        var byteLength: Int
        var snippet: Text

        init(_ diagnostic: Diagnostic) {
            startLine = diagnostic.line
            startColumn = diagnostic.column
            endLine = diagnostic.endLine
            endColumn = diagnostic.endColumn
            byteOffset = diagnostic.offset
            byteLength = diagnostic.length
            snippet = Text(text: diagnostic.excerpt)
        }
    }
}
