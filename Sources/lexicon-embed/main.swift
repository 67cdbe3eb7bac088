// Regenerates Sources/ReplyLint/Lexicons/Generated from lexicons/ (run by `make lexicons`).
// Usage: lexicon-embed [REPO_ROOT]
import Foundation
import ReplyLint

let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath)
do {
    let files = try LexiconLoader.loadDirectory(root.appendingPathComponent("lexicons"))
    for language in Language.allCases {
        let generated = root.appendingPathComponent("Sources/ReplyLint/Lexicons/Generated")
        for (name, source) in [("BuiltinLexicons", LexiconSourceRenderer.render(files, language: language)),
                               ("BuiltinMatcher", try LexiconSourceRenderer.renderCompiled(files, language: language))] {
            let target = generated.appendingPathComponent("\(name)+\(language.rawValue).swift")
            if (try? String(contentsOf: target, encoding: .utf8)) != source {
                try source.write(to: target, atomically: true, encoding: .utf8)
                print("wrote \(target.path)")
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
