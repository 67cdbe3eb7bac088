import Foundation
import ReplyLint

// libFuzzer's entry point, built only by scripts/fuzz.sh. Each input goes through the whole
// pipeline as a user's file would (read, decode, Document, analysis, matching, rules, every
// reporter), once in every format replylint reads. A broken invariant traps, so libFuzzer
// keeps the input as a crash.

/// One scratch file per format; the input is written to it and linted from disk.
private let scratchFiles: [URL] = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-fuzz-\(getpid())")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return ["txt", "md", "html", "eml", "json", "yaml"].map { directory.appendingPathComponent("input.\($0)") }
}()

private let runner = LintRunner()

/// Every output format replylint has; a new reporter belongs here too.
private let reporters: [any Reporter] = [
    TextReporter(color: false), TextReporter(color: true), JSONReporter(), GitHubReporter(), JUnitReporter(),
    CheckstyleReporter(), SARIFReporter(baseDirectory: FileManager.default.temporaryDirectory),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func lintOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    for file in scratchFiles {
        try! Data(bytes).write(to: file)
        let report = runner.run([.file(file.path)])
        // Plain text and Markdown lint the file's own bytes; decoded formats report the
        // decoded words as the excerpt, at a span that must still lie in the file.
        let isBlankedInPlace = ["txt", "md"].contains(file.pathExtension)
        for diagnostic in report.diagnostics { check(diagnostic, in: bytes, exactly: isBlankedInPlace) }
        for reporter in reporters { _ = reporter.render(report) }
        let json = Data(JSONReporter().render(report).utf8)
        precondition((try? JSONSerialization.jsonObject(with: json)) != nil, "the JSON report does not parse")
    }
    return 0
}

/// A diagnostic points at whole characters of the file, and its position agrees with its offset.
private func check(_ diagnostic: Diagnostic, in bytes: [UInt8], exactly: Bool) {
    let end = diagnostic.offset + diagnostic.length
    precondition(diagnostic.offset >= 0 && diagnostic.length >= 0 && end <= bytes.count, "span outside the file")
    guard exactly else { return }
    precondition(Array(diagnostic.excerpt.utf8) == Array(bytes[diagnostic.offset..<end]), "excerpt differs from the file's bytes")
    guard !diagnostic.isDocumentLevel else { return }
    let before = bytes[..<diagnostic.offset]
    let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
    let line = before.filter { $0 == 0x0A }.count + 1
    let column = String(decoding: bytes[lineStart..<diagnostic.offset], as: UTF8.self).unicodeScalars.count + 1
    precondition(diagnostic.line == line && diagnostic.column == column, "line and column disagree with the offset")
}
