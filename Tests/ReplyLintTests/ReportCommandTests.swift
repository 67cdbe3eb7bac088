import Foundation
import Testing
@testable import ReplyLint

/// `replylint report`: the terminal summary, and the HTML page as a browser renders it.
@Suite struct ReportCommandTests {
    /// A reply whose file name and shouted sentence are markup: the page must show them as text.
    static let hostileName = "<img src=x onerror=alert(1)>.txt"
    static let hostile = "CALM DOWN <IMG SRC=X ONERROR=ALERT(1)> NOW PLEASE. You should have read the contract. \"So?\" & 'so'."

    static func library() throws -> URL {
        try CLI.directory(["good.txt": Replies.good, "bad.txt": Replies.blaming, hostileName: hostile])
    }

    @Test func summarisesALibraryInTheTerminal() throws {
        let directory = try Self.library()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["report", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("3 replies scored · average score "))
        #expect(run.stdout.contains("  90–100  │"))
        #expect(run.stdout.contains("Most frequent findings\n  rule "))
        let weakest = try #require(run.stdout.components(separatedBy: "Weakest replies\n").last)
        #expect(weakest.split(separator: "\n")[1].contains(Self.hostileName))
    }

    @Test func writesHTMLAtomicallyAndNeverReplacesAFileWithoutForce() throws {
        let directory = try Self.library()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("out/report.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "keep".write(to: page, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["report", "--html", page.path, directory.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("report.html: already exists; pass --force to replace it"))
        #expect(try String(contentsOf: page, encoding: .utf8) == "keep")
        let forced = try CLI.run(["report", "--html", page.path, "--force", directory.path])
        #expect(forced.status == 0, "\(forced.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Self-contained: nothing fetched, no scripts; the replies' own markup is escaped.
        for external in ["src=\"", "href=", "<link", "<script", "@import", "url("] { #expect(!html.contains(external), "\(external)") }
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path) == ["report.html"])
    }

    @Test func anUnwritableHTMLFileFailsTheRunButTheSummaryIsPrinted() throws {
        let directory = try Self.library()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["report", "--html", "/nonexistent/dir/report.html", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/dir/report.html: cannot write: no such file or directory"))
        #expect(run.stdout.contains("3 replies scored"))
    }

    @Test func aLibraryWithoutRepliesSaysSo() {
        let empty = LintReport(files: [FileReport(path: "a.txt", language: nil, diagnostics: [])])
        #expect(LibraryHTMLReporter().render(LibrarySummary(empty)).contains("<section id=\"empty\">"))
        #expect(!LibraryHTMLReporter().render(LibrarySummary(empty)).contains("<svg"))
        #expect(LibraryReporter().render(LibrarySummary(empty)) == "0 replies scored, 1 not scored\n")
    }

    /// Renders the page in headless Chromium with a probe script appended that reads the laid-out
    /// page: the chart's bars (one per score bin, heights in proportion to their counts), the
    /// weakest reply, that no markup from a reply became an element, and no script errors.
    @Test func theHTMLPageRendersInChromium() throws {
        let chromium = try #require(["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                    "Chromium is missing: run scripts/ensure-deps.sh --test")
        let directory = try Self.library()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let run = try CLI.run(["report", "--html", page.path, directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        let probe = directory.appendingPathComponent("probe.html")
        try (String(contentsOf: page, encoding: .utf8) + Self.probeScript).write(to: probe, atomically: true, encoding: .utf8)

        let browser = try Browser.dumpDOM(chromium, probe, profile: directory.appendingPathComponent("profile"))
        let start = try #require(browser.dom.range(of: "<pre id=\"probe\">")), end = try #require(browser.dom.range(of: "</pre>", range: start.upperBound..<browser.dom.endIndex))
        let json = String(browser.dom[start.upperBound..<end.lowerBound])
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")

        #expect(result["errors"] as? [String] == [])
        #expect(!browser.log.contains("Uncaught"), "\(browser.log)")
        let bars = try #require(result["bars"] as? [[String: Double]])
        #expect(bars.count == LibrarySummary.binCount)
        #expect(bars.map { $0["count"]! }.reduce(0, +) == 3)
        let tallest = try #require(bars.max { $0["count"]! < $1["count"]! })
        for bar in bars {
            #expect((bar["height"]! == 0) == (bar["count"]! == 0))
            #expect(abs(bar["height"]! / tallest["height"]! - bar["count"]! / tallest["count"]!) < 0.02)
        }
        #expect((result["weakest"] as? [String])?.first == directory.appendingPathComponent(Self.hostileName).path)
        #expect(result["images"] as? Int == 0)
        #expect(result["scripts"] as? Int == 1)
        #expect(result["overflows"] as? Bool == false)
        #expect(result["title"] as? String == "replylint: reply library report")
    }

    private static let probeScript = """
        <script>
        const errors = [];
        window.addEventListener("error", e => errors.push(String(e.message)));
        const result = {
          bars: [...document.querySelectorAll("svg.chart rect.bar")].map(bar => ({count: Number(bar.dataset.count), height: bar.getBoundingClientRect().height})),
          weakest: [...document.querySelectorAll("#weakest tbody td.path")].map(cell => cell.firstChild.textContent),
          images: document.images.length,
          scripts: document.scripts.length,
          overflows: document.documentElement.scrollWidth > window.innerWidth,
          title: document.title,
          errors
        };
        const out = document.createElement("pre");
        out.id = "probe";
        out.textContent = JSON.stringify(result);
        document.body.append(out);
        </script>
        """
}

enum Browser {
    /// The DOM Chromium has after loading `page`, and what it logged.
    static func dumpDOM(_ chromium: String, _ page: URL, profile: URL) throws -> (dom: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1000,800",
                             "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                             "--dump-dom", page.absoluteString]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        // Read both pipes at once, so a chatty log cannot block the browser.
        nonisolated(unsafe) var log = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { log = errors.fileHandleForReading.readDataToEndOfFile() }
        let dom = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (String(decoding: dom, as: UTF8.self), String(decoding: log, as: UTF8.self))
    }
}
