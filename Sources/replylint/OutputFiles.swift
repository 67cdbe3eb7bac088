import ArgumentParser
import Foundation
import ReplyLint

/// Exits with 2 when one of `paths` exists and `force` is off. Checked before linting, so a
/// long run is not wasted; the write itself checks again.
func refuseToReplace(_ paths: [String?], force: Bool) throws {
    for path in paths.compactMap({ $0 }) where !force && FileManager.default.fileExists(atPath: path) {
        printError(AtomicFile.Failure.exists(path: path).description)
        throw ExitCode(2)
    }
}

/// Writes `data` to `path` atomically; says why not on standard error and returns false.
func writeAtomically(_ data: Data, to path: String, force: Bool) -> Bool {
    do {
        try AtomicFile.write(data, to: path, replace: force)
        return true
    } catch {
        printError("\(error)")
        return false
    }
}

/// Names on standard error each file that could not be linted, or was passed over.
func printUnreadable(_ report: LintReport) {
    for file in report.files {
        if let failure = file.failure { printError("\(file.path): error: \(failure)") }
        if let skipped = file.skipped { printError("\(file.path): note: \(skipped)") }
    }
}
