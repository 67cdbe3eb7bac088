/// The lines with which mail clients introduce an earlier message quoted below a reply.
enum QuoteMarkers {
    /// "On Mon, 3 Mar 2025, Anna <anna@example.com> wrote:", «03.03.2025 10:15, Анна пишет:»,
    /// Gmail's «пн, 3 мар. 2025 г. в 10:15, Анна <anna@example.com>:». A client always names a
    /// date or an address, which tells these from a reply's own "as you wrote:".
    static func isAttribution(_ line: String) -> Bool {
        let folded = line.lowercased()
        guard folded.contains(where: { $0.isNumber || $0 == "@" }) else { return false }
        return attributionEndings.contains { folded.hasSuffix($0) } || folded.hasSuffix(">:") && folded.contains("@")
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
