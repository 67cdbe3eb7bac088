/// Renders a report in one output format.
public protocol Reporter: Sendable {
    func render(_ report: LintReport) -> String
}

public enum ReplyLintVersion {
    public static let current = "0.1.0"
}
