import Foundation

/// The benchmark's corpus: replies in ru, lv and en built from the fixture replies by a seeded
/// generator, so every run on every machine reads the same bytes.
///
/// Layout under `root`:
/// - `many/part-N/<lang>-NNNNN.txt`: many small replies (0.5–4 KB), ten parts of equal mix,
///   so one part is a tenth of the files for the memory-versus-file-count check;
/// - `sized/<bytes>/NNNN.txt`: replies of one size per folder, for throughput against size;
/// - `large/large.txt`: one large file of replies in all three languages;
/// - `draft.txt`: one 2 KB English draft, for process start-up.
struct Corpus {
    static let generatorVersion = 1
    static let seed: UInt64 = 0x5EED_2026
    static let manyPerLanguage = 6_000
    static let parts = 10
    static let sizedClasses = [512, 2_048, 8_192, 32_768, 131_072, 524_288, 2_097_152]
    static let bytesPerSizedClass = 2_097_152
    static let largeBytes = 16 * 1_048_576
    static let draftBytes = 2_048

    let root: String
    var many: String { root + "/many" }
    var large: String { root + "/large/large.txt" }
    var draft: String { root + "/draft.txt" }
    func sized(_ bytes: Int) -> String { root + "/sized/\(bytes)" }
    var manifest: String { root + "/manifest.json" }

    /// Paragraphs of the fixture replies of each language: openings, bodies and closings.
    private struct Paragraphs {
        var openings: [String] = []
        var bodies: [String] = []
        var closings: [String] = []
    }

    private struct Manifest: Codable, Equatable {
        var generatorVersion: Int
        var seed: UInt64
        var fixtureDigest: UInt64
    }

    /// Writes the corpus unless a complete one from the same generator and fixtures is there.
    func generate(fixtures: String) throws {
        let paragraphs = try Dictionary(uniqueKeysWithValues: ["ru", "lv", "en"].map { ($0, try Self.paragraphs(in: "\(fixtures)/\($0)")) })
        let expected = Manifest(generatorVersion: Self.generatorVersion, seed: Self.seed,
                                fixtureDigest: Self.digest(paragraphs.sorted { $0.key < $1.key }.flatMap { $0.value.openings + $0.value.bodies + $0.value.closings }))
        if let data = FileManager.default.contents(atPath: manifest),
           (try? JSONDecoder().decode(Manifest.self, from: data)) == expected { return }

        try? FileManager.default.removeItem(atPath: root)
        var random = SplitMix64(seed: Self.seed)
        let languages = ["ru", "lv", "en"]
        for part in 0..<Self.parts {
            try FileManager.default.createDirectory(atPath: "\(many)/part-\(part)", withIntermediateDirectories: true)
        }
        for index in 0..<Self.manyPerLanguage {
            for language in languages {
                let size = Int(512 * pow(8, random.unit())) // log-uniform over 0.5–4 KB
                let text = Self.reply(of: size, from: paragraphs[language]!, random: &random)
                try write(text, to: "\(many)/part-\(index % Self.parts)/\(language)-\(String(format: "%05d", index)).txt")
            }
        }
        for size in Self.sizedClasses {
            try FileManager.default.createDirectory(atPath: sized(size), withIntermediateDirectories: true)
            for index in 0..<max(1, Self.bytesPerSizedClass / size) {
                let text = Self.reply(of: size, from: paragraphs[languages[index % 3]]!, random: &random)
                try write(text, to: "\(sized(size))/\(String(format: "%04d", index)).txt")
            }
        }
        try FileManager.default.createDirectory(atPath: root + "/large", withIntermediateDirectories: true)
        var large = ""
        large.reserveCapacity(Self.largeBytes + 8_192)
        var index = 0
        while large.utf8.count < Self.largeBytes {
            large += Self.reply(of: 1_024 + random.below(3_072), from: paragraphs[languages[index % 3]]!, random: &random) + "\n"
            index += 1
        }
        try write(large, to: self.large)
        try write(Self.reply(of: Self.draftBytes, from: paragraphs["en"]!, random: &random), to: draft)
        try JSONEncoder().encode(expected).write(to: URL(fileURLWithPath: manifest))
    }

    /// One reply of about `size` bytes: an opening, bodies drawn at random, a closing.
    private static func reply(of size: Int, from paragraphs: Paragraphs, random: inout SplitMix64) -> String {
        let opening = paragraphs.openings[random.below(paragraphs.openings.count)]
        let closing = paragraphs.closings[random.below(paragraphs.closings.count)]
        var parts = [opening]
        var length = opening.utf8.count + closing.utf8.count
        repeat {
            let body = paragraphs.bodies[random.below(paragraphs.bodies.count)]
            parts.append(body)
            length += body.utf8.count + 2
        } while length < size
        parts.append(closing)
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func paragraphs(in directory: String) throws -> Paragraphs {
        var result = Paragraphs()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let text = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
            let paragraphs = text.components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            guard paragraphs.count >= 3 else { continue }
            result.openings.append(paragraphs.first!)
            result.closings.append(paragraphs.last!)
            result.bodies += paragraphs.dropFirst().dropLast()
        }
        return result
    }

    /// FNV-1a over the paragraphs, so changed fixtures regenerate the corpus.
    private static func digest(_ texts: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Every .txt file under `directory`, sorted, so runs read files in the same order.
    static func files(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".txt") { files.append("\(directory)/\(path)") }
        }
        return files.sorted()
    }
}

/// Sebastiano Vigna's SplitMix64: a tiny seeded generator whose output is fixed by its seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
