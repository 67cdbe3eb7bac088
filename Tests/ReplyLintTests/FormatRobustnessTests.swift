import PropertyBased
import Testing
@testable import ReplyLint

/// Damaged copies of the format samples (cut short, bytes changed) are read without a crash,
/// and every offset of their prose maps in order inside the file, or they fail with a message.
@Suite struct FormatRobustnessTests {
    @Test(arguments: [
        ("gmail-reply.html", Document.Format.html), ("cp1251-alternative.eml", .email), ("cp1251-html-only.eml", .email),
        ("latvian-qp.eml", .email), ("templates.json", .templates), ("templates.yaml", .templates),
    ])
    func damagedSamplesAreReadOrRefused(name: String, format: Document.Format) throws {
        let sample = try FormatSamples.bytes(name)
        // A fixed seed, so a failure can be replayed.
        var random = Xoshiro(seed: (42, 7, 1_000_003, 2_147_483_647))
        let markup: [UInt8] = Array("<>&;=\"'\\\n-:#{}[]".utf8)
        for _ in 0..<150 {
            var bytes = Array(sample.prefix(Int.random(in: 0...sample.count, using: &random)))
            for _ in 0..<Int.random(in: 0...4, using: &random) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] = Bool.random(using: &random) ? markup.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            do {
                let document = try Document(bytes: bytes, format: format)
                for unit in document.units {
                    // Character starts map in order, inside the file.
                    let starts = unit.prose.unicodeScalars.indices.map { unit.prose.utf8.distance(from: unit.prose.startIndex, to: $0) }
                    let originals = (starts + [unit.prose.utf8.count]).map(unit.map.original)
                    #expect(originals.allSatisfy { (0...bytes.count).contains($0) } && originals == originals.sorted(),
                            "\(name): \(bytes)")
                }
            } catch let error as DocumentError {
                #expect(!error.description.isEmpty)
            }
        }
    }
}
