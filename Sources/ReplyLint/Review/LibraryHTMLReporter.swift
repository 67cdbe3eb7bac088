/// `replylint report --html`: the library summary as one self-contained HTML page (inline CSS,
/// an inline SVG chart, no scripts and nothing fetched) that a team can open in a browser.
/// Every text from the replies (paths, messages, excerpts) is escaped.
public struct LibraryHTMLReporter: Sendable {
    /// How many rules and replies the lists show.
    public var limit: Int

    public init(limit: Int = 10) { self.limit = limit }

    public func render(_ summary: LibrarySummary) -> String {
        var facts = ["\(summary.scored) \(summary.scored == 1 ? "reply" : "replies") scored"]
        if summary.unscored > 0 { facts.append("\(summary.unscored) not scored") }
        if let average = summary.averageScore, let median = summary.medianScore {
            facts.append("average score \(LibraryReporter.number(average))")
            facts.append("median \(LibraryReporter.number(median))")
        }
        var body = """
            <header><h1>Reply library report</h1><p class="facts">\(e(facts.joined(separator: " · ")))</p></header>

            """
        if summary.scored == 0 {
            body += section("empty", "No replies", "<p>No reply with words was found to score.</p>\n")
        } else {
            body += section("distribution", "Score distribution", chart(summary))
            body += section("elements", "Elements missing", elements(summary))
            body += section("rules", "Most frequent findings", rules(summary))
            body += section("weakest", "Weakest replies", weakest(summary))
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="replylint \(ReplyLintVersion.current)">
            <title>replylint: reply library report</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)<footer>Scores are the weights of the elements a reply passes (see <code>replylint report --help</code>).</footer>
            </body>
            </html>

            """
    }

    private func e(_ text: String) -> String { XMLText.escaped(text) }

    private func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(e(title))</h2>\n\(content)</section>\n"
    }

    /// One bar per score bin, coloured from red (low) to green (high), its count above it.
    private func chart(_ summary: LibrarySummary) -> String {
        let (barWidth, gap, plotHeight, top, left) = (44, 14, 160, 24, 8)
        let width = left * 2 + LibrarySummary.binCount * (barWidth + gap) - gap
        let baseline = top + plotHeight
        let widest = max(summary.distribution.max() ?? 0, 1)
        var svg = """
            <svg class="chart" viewBox="0 0 \(width) \(baseline + 28)" width="\(width)" height="\(baseline + 28)" role="img" aria-label="Number of replies per score range">

            """
        for (bin, count) in summary.distribution.enumerated() {
            let x = left + bin * (barWidth + gap)
            let height = count * plotHeight / widest
            let label = LibrarySummary.label(ofBin: bin)
            svg += """
                <g><title>\(label): \(count) \(count == 1 ? "reply" : "replies")</title>\
                <rect class="bar" data-bin="\(label)" data-count="\(count)" x="\(x)" y="\(baseline - height)" width="\(barWidth)" height="\(height)" fill="\(Self.color(ofBin: bin))"/>\
                <text class="count" x="\(x + barWidth / 2)" y="\(baseline - height - 6)">\(count)</text>\
                <text class="bin" x="\(x + barWidth / 2)" y="\(baseline + 18)">\(label)</text></g>

                """
        }
        return svg + "<line x1=\"\(left)\" x2=\"\(width - left)\" y1=\"\(baseline)\" y2=\"\(baseline)\"/>\n</svg>\n"
    }

    private func elements(_ summary: LibrarySummary) -> String {
        var rows = ""
        for (element, replies) in summary.failures.sorted(by: { ($1.replies, $1.element.weight) < ($0.replies, $0.element.weight) }) {
            rows += "<tr><td>\(e(element.title))</td><td class=\"number\">\(element.weight)</td><td class=\"number\">\(replies)</td><td class=\"share\">\(meter(replies, of: summary.scored))</td></tr>\n"
        }
        return table(["element", "weight", "replies failing", ""], rows)
    }

    private func rules(_ summary: LibrarySummary) -> String {
        guard !summary.rules.isEmpty else { return "<p>No findings.</p>\n" }
        var rows = ""
        for rule in summary.rules.prefix(limit) {
            rows += "<tr><td><code>\(e(rule.rule))</code></td><td class=\"number\">\(rule.replies)</td><td class=\"number\">\(rule.findings)</td><td class=\"share\">\(meter(rule.replies, of: summary.scored))</td></tr>\n"
        }
        return table(["rule", "replies", "findings", ""], rows)
    }

    /// The lowest scores, each with what it fails and its findings to open.
    private func weakest(_ summary: LibrarySummary) -> String {
        var rows = ""
        for reply in summary.weakest.prefix(limit) {
            let fails = reply.scorecard.failed.map { "<span class=\"tag\">\(e($0.title))</span>" }.joined(separator: " ")
            var findings = ""
            for diagnostic in reply.diagnostics {
                let place = diagnostic.isDocumentLevel ? "whole reply" : "\(diagnostic.line):\(diagnostic.column)"
                let excerpt = diagnostic.excerpt.isEmpty ? "" : " <q>\(e(diagnostic.excerpt))</q>"
                findings += "<li><span class=\"\(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span> <code>\(e(diagnostic.rule))</code> \(place)\(excerpt): \(e(diagnostic.message))</li>\n"
            }
            let details = findings.isEmpty ? "" : "<details><summary>\(reply.diagnostics.count) \(reply.diagnostics.count == 1 ? "finding" : "findings")</summary><ul>\n\(findings)</ul></details>"
            rows += "<tr><td class=\"number score\" style=\"color: \(Self.color(ofBin: LibrarySummary.bin(of: reply.score)))\">\(reply.score)</td><td class=\"path\">\(e(reply.path))\(details)</td><td>\(fails.isEmpty ? "—" : fails)</td></tr>\n"
        }
        return table(["score", "reply", "fails"], rows)
    }

    /// From red for the lowest scores to green for the highest.
    private static func color(ofBin bin: Int) -> String { "hsl(\(bin * 12), 65%, 42%)" }

    private func table(_ headers: [String], _ rows: String) -> String {
        "<table><thead><tr>\(headers.map { "<th>\(e($0))</th>" }.joined())</tr></thead>\n<tbody>\n\(rows)</tbody></table>\n"
    }

    /// A bar showing `count` as a share of `total`.
    private func meter(_ count: Int, of total: Int) -> String {
        "<span class=\"meter\"><span style=\"width: \(total == 0 ? 0 : count * 100 / total)%\"></span></span>"
    }

    private static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9;margin:0;padding:24px}
        header,section,footer{max-width:960px;margin:0 auto 20px}
        section{background:#fff;border:1px solid #d8dce1;border-radius:8px;padding:16px 20px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 12px}
        .facts{color:#57606a;margin:0}footer{color:#57606a;font-size:13px}
        .chart{max-width:100%;height:auto}.chart .bar{stroke:#0002}.chart line{stroke:#8c959f}
        .chart text{font-size:12px;text-anchor:middle;fill:#57606a}.chart .count{fill:#1f2328;font-weight:600}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
        th{font-size:13px;color:#57606a;font-weight:600}td.number{text-align:right;font-variant-numeric:tabular-nums;width:4em}
        td.score{font-weight:700}td.path{overflow-wrap:anywhere}td.share{width:30%}
        .meter{display:block;height:8px;background:#eaeef2;border-radius:4px;overflow:hidden;margin-top:6px}.meter span{display:block;height:100%;background:#cf222e}
        details{margin-top:4px;font-size:13px}summary{cursor:pointer;color:#0969da}ul{margin:6px 0;padding-left:18px}li{margin:2px 0;overflow-wrap:anywhere}
        q{background:#fff8c5}.tag{display:inline-block;white-space:nowrap;background:#ffebe9;color:#a40e26;border-radius:10px;padding:0 8px;margin:0 2px 4px 0;font-size:13px}.error{color:#cf222e}.warning{color:#9a6700}.suggestion{color:#0969da}code{font-size:13px}
        """
}
