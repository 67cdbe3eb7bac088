/// The lines with which mail clients introduce an earlier message quoted below a reply.
enum QuoteMarkers {
    /// "On Mon, 3 Mar 2025, Anna <anna@example.com> wrote:", «Анна пишет:», «Anna rakstīja:».
    static func isAttribution(_ line: Substring) -> Bool {
        let folded = line.lowercased()
        return attributionEndings.contains { folded.hasSuffix($0) }
    }

    /// "-----Original Message-----" and its translations; Outlook's line of underscores.
    static func isSeparator(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        if trimmed.count >= 10, trimmed.allSatisfy({ $0 == "_" }) { return true }
        guard trimmed.hasPrefix("--") else { return false }
        let folded = trimmed.lowercased()
        return separatorTitles.contains { folded.contains($0) }
    }

    private static let attributionEndings = [
        "wrote:", "пишет:", "написал:", "написала:", "написал(а):", "писал(а):", "rakstīja:",
    ]

    private static let separatorTitles = [
        "original message", "forwarded message", "исходное сообщение", "пересылаемое сообщение",
        "sākotnējais ziņojums", "pārsūtītā ziņa",
    ]
}
