import Foundation

// replylint-bench                      generate the corpus if needed, measure everything, print
//                                      the figures and write them as JSON (`make bench`)
// replylint-bench measure TASK THREADS PATH...
//                                      one measured workload (child process), JSON on stdout
// replylint-bench word-break FILE      only ICU word break over FILE: the start-up floor
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "measure":
    guard arguments.count >= 4, let task = Workload.Task(rawValue: arguments[1]), let threads = Int(arguments[2]) else {
        FileHandle.standardError.write(Data("usage: replylint-bench measure lint|lint-tenfold|word-break|word-break-windowed THREADS PATH...\n".utf8))
        exit(2)
    }
    let files = arguments.dropFirst(3).flatMap { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? Corpus.files(under: path) : [path]
    }
    let outcome = try Workload(task: task, threads: threads, files: files).run()
    FileHandle.standardOutput.write(try JSONEncoder().encode(outcome))
case "word-break":
    guard arguments.count == 2, let text = Workload.read(arguments[1]) else {
        FileHandle.standardError.write(Data("usage: replylint-bench word-break FILE\n".utf8))
        exit(2)
    }
    exit(WordBreaker().countWords(text) > 0 ? 0 : 1)
default:
    let options = BenchOptions(arguments)
    try Bench(options: options).run()
}
