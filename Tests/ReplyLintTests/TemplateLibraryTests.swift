import Foundation
import Testing
@testable import ReplyLint

@Suite struct TemplateLibraryTests {
    @Test func eachJSONStringIsATemplateFoundAtItsPlaceThroughEscapes() throws {
        let (report, bytes) = try FormatSamples.lint("templates.json")
        #expect(report.failure == nil)
        let found = report.diagnostics.map { [$0.rule, $0.template ?? "", FormatSamples.located($0, in: bytes)] }
        #expect(found == [
            ["blame-shifting", "refunds.late.body", "Ва\\u043c следовало"],
            ["blame-shifting", "refunds.lost.body", "The courier lost"],
            ["missing-acknowledgement", "short[1]", ""],
        ])
        #expect(report.diagnostics.map(\.excerpt) == ["Вам следовало", "The courier lost", ""])
        // A whole-template finding sits at the template's opening quote, not at line 1.
        let missing = report.diagnostics[2]
        #expect((missing.line, missing.column) == (17, 24) && bytes[missing.offset] == UInt8(ascii: "\""))
    }

    @Test func yamlBlockFoldedQuotedAndPlainScalarsMapBack() throws {
        let (report, bytes) = try FormatSamples.lint("templates.yaml")
        #expect(report.failure == nil)
        let found = report.diagnostics.map { [$0.rule, $0.template ?? "", FormatSamples.located($0, in: bytes)] }
        #expect(found == [
            ["blame-shifting", "delivery.late.body", "Jums vajadzēja"],
            ["blame-shifting", "delivery.wrong-size.body", "Вам следовало"],
            ["dismissive-tone", "delivery.damaged.body", "calm down"],
            ["missing-apology", "delivery.unanswered.body", ""],
            ["missing-follow-up", "delivery.unanswered.body", ""],
            ["missing-resolution", "delivery.unanswered.body", ""],
            ["missing-timeline", "delivery.unanswered.body", ""],
        ])
        #expect(report.diagnostics.last.map { [$0.line, $0.column] } == [26, 11])
    }

    @Test(arguments: ["templates.json", "templates.yaml"])
    func everyCharacterOfEveryTemplateMapsToItselfOrItsEscape(name: String) throws {
        let bytes = try FormatSamples.bytes(name)
        let document = try Document(bytes: bytes, format: .templates)
        #expect(!document.units.isEmpty)
        for unit in document.units {
            var offset = 0
            for scalar in unit.prose.unicodeScalars {
                let utf8 = Array(String(scalar).utf8)
                defer { offset += utf8.count }
                guard !scalar.properties.isWhitespace else { continue }
                let original = bytes[unit.map.original(offset)...]
                #expect(original.starts(with: utf8) || original.first == UInt8(ascii: "\\"),
                        "\(unit.template ?? "") at \(offset): \(scalar)")
            }
        }
    }

    @Test func idsNumbersBooleansAndMetadataAreNeverTemplates() throws {
        let document = try Document(bytes: FormatSamples.bytes("templates.json"), format: .templates)
        #expect(document.units.map(\.template) == ["refunds.late.body", "refunds.lost.body", "short[1]"])
        let yaml = try Document(bytes: FormatSamples.bytes("templates.yaml"), format: .templates)
        #expect(yaml.units.map(\.template) == ["delivery.late.body", "delivery.wrong-size.body", "delivery.damaged.body", "delivery.unanswered.body"])
    }

    @Test func templateKeysLimitWhichValuesAreLinted() throws {
        let bytes = try FormatSamples.bytes("templates.json")
        #expect(try Document(bytes: bytes, format: .templates, templateKeys: ["body"]).units.map(\.template)
            == ["refunds.late.body", "refunds.lost.body"])
        #expect(try Document(bytes: bytes, format: .templates, templateKeys: ["short"]).units.map(\.template) == ["short[1]"])
        let (report, _) = try FormatSamples.lint("templates.json", templateKeys: ["reply"])
        #expect(report.diagnostics.isEmpty)
    }

    @Test func surrogatePairEscapesReadAsOneCharacter() throws {
        let json = #"{"a": "\ud83d\ude00 \u0412\u0430\u043c следовало позвонить.", "b": "x \\ud83d y"}"#
        let document = try Document(json, format: .templates)
        #expect(document.units.map(\.prose) == ["😀 Вам следовало позвонить.", "x \\ud83d y"])
        let report = LintRunner(linter: Linter(library: try TestSupport.library()))
            .lint(json, path: "t.json", analyzer: try TextAnalyzer())
        let blame = try #require(report.diagnostics.first { $0.rule == "blame-shifting" })
        #expect(FormatSamples.located(blame, in: Array(json.utf8)) == #"\u0412\u0430\u043c следовало"#)
    }

    @Test func aMalformedLibraryIsAnErrorWithLineAndColumnAndTheRunGoesOn() throws {
        let directory = try CLI.directory(["bad.yaml": "a: [unclosed\nb: c\n", "bad.json": "{\"a\": \"x\", \"a\": \"y\"}",
                                           "good.txt": Replies.good])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--no-color", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml: error: malformed JSON or YAML at line 2, column 2: did not find expected ',' or ']'"))
        #expect(run.stderr.contains("bad.json: error: malformed JSON or YAML at line 1, column 2: duplicate key 'a'"))
        #expect(run.stdout.contains("3 files linted"))
    }

    @Test func theTextReportPlacesAMissingElementAtItsTemplate() throws {
        let directory = try CLI.directory(["library.yml": "a:\n  body: We will look into it.\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["lint", "--no-color", directory.appendingPathComponent("library.yml").path])
        #expect(run.stdout.contains("library.yml:2:9: warning:"))
    }

    @Test func everyDocumentOfAYAMLStreamIsRead() throws {
        let document = try Document("a: one reply\n---\nb: another reply\n", format: .templates)
        #expect(document.units.map(\.template) == ["a", "b"])
        #expect(document.units.map(\.prose) == ["one reply", "another reply"])
    }
}
