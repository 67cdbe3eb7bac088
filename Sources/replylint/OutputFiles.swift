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

/// The file that will be `path` once committed, written part by part; says why not on
/// standard error and returns nil.
func openAtomically(_ path: String, force: Bool) -> AtomicFile.Writer? {
    do {
        return try AtomicFile.Writer(path: path, replace: force)
    } catch {
        printError("\(error)")
        return nil
    }
}

/// Names a file opened by `openAtomically`; says why not on standard error and returns false.
func commit(_ file: AtomicFile.Writer) -> Bool {
    do {
        try file.commit()
        return true
    } catch {
        printError("\(error)")
        return false
    }
}

/// Writes a part of a report to standard output as it comes. A closed pipe (`| head`) ends
/// the process through SIGPIPE, quietly.
func writeToStandardOutput(_ text: String) {
    guard !text.isEmpty else { return }
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Names on standard error each of `files` that could not be linted, or was passed over.
func printUnreadable(_ files: [FileReport]) {
    for file in files {
        if let failure = file.failure { printError("\(file.path): error: \(failure)") }
        if let skipped = file.skipped { printError("\(file.path): note: \(skipped)") }
    }
}
