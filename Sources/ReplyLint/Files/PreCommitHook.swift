/// The git pre-commit hook that `replylint install-hook` writes: it lints the reply files
/// staged for the commit and blocks the commit when replylint fails.
public enum PreCommitHook {
    /// `replylint`: the binary to run (an absolute path, with PATH as the fallback if it moves).
    public static func script(replylint: String, extensions: [String]) -> String {
        let pathspecs = extensions.sorted().map { "'*.\($0)'" }.joined(separator: " ")
        return """
        #!/bin/sh
        # replylint pre-commit hook, written by `replylint install-hook`.
        # Lints the reply files staged for this commit; `git commit --no-verify` skips it once.
        replylint=\(shellQuoted(replylint))
        [ -x "$replylint" ] || replylint=replylint
        git diff --cached --name-only --diff-filter=ACMR -z -- \(pathspecs) \\
          | xargs -0 -r "$replylint" lint --no-color
        status=$?
        # xargs says 123 when the command failed; tell the writer what to do next.
        [ $status -eq 0 ] || echo "replylint: fix the replies above, or commit with --no-verify to skip the check." >&2
        exit $status

        """
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
