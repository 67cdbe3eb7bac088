/// One report written as its files come: the header at once, each file's part in turn and the
/// footer at the end. Only the summary of the files so far is kept between them.
public struct ReportStream {
    private let reporter: any Reporter
    private let write: (String) -> Void
    public private(set) var summary = ReportSummary()

    /// Writes the header through `write`, which then gets every further part.
    public init(_ reporter: any Reporter, write: @escaping (String) -> Void) {
        self.reporter = reporter
        self.write = write
        write(reporter.header())
    }

    public mutating func add(_ file: FileReport) {
        write(reporter.file(file, after: summary))
        summary.add(file)
    }

    public func finish() {
        write(reporter.footer(summary))
    }
}
