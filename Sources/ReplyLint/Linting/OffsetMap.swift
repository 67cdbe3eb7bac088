/// Maps UTF-8 byte offsets of a decoded text back to byte offsets of the original file.
///
/// It is a sorted list of anchor pairs: an offset maps to the original offset of the last
/// anchor at or before it, plus the distance from that anchor. Text copied as it is needs no
/// anchor of its own, so the map stays small; each decoded piece (an entity, an escape, a
/// quoted-printable byte, a character of another charset) starts a new anchor. Offsets inside
/// a decoded piece are never asked for: findings start and end at character boundaries.
public struct OffsetMap: Sendable, Equatable {
    struct Anchor: Sendable, Equatable {
        var text: Int
        var original: Int
    }

    private(set) var anchors: [Anchor]

    /// Every offset is its own original: text that was only blanked in place.
    public static let identity = OffsetMap(anchors: [Anchor(text: 0, original: 0)])

    public func original(_ offset: Int) -> Int {
        var low = 0, high = anchors.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if anchors[middle].text <= offset { low = middle } else { high = middle }
        }
        return anchors[low].original + (offset - anchors[low].text)
    }

    /// The anchors strictly inside `range` of the text.
    fileprivate func anchors(inside range: Range<Int>) -> ArraySlice<Anchor> {
        var low = 0, high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].text <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < anchors.count, anchors[end].text < range.upperBound { end += 1 }
        return anchors[low..<end]
    }
}

/// Bytes of a text with the map from each of their offsets to the original file.
struct MappedText: Sendable {
    var bytes: [UInt8]
    var map: OffsetMap

    /// A file's own bytes.
    init(original bytes: [UInt8]) {
        self.bytes = bytes
        map = .identity
    }

    init(bytes: [UInt8], map: OffsetMap) {
        self.bytes = bytes
        self.map = map
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Builds a text decoded from `source`, mapping each offset straight to the original file,
/// so decoding stages (transfer encoding, charset, HTML) stack without a chain of maps.
struct MappedTextBuilder {
    let source: MappedText
    private(set) var bytes: [UInt8] = []
    private var anchors: [OffsetMap.Anchor] = []

    init(source: MappedText) { self.source = source }

    /// Copies `range` of the source as it is.
    mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        anchor(at: range.lowerBound)
        for inner in source.map.anchors(inside: range) {
            add(OffsetMap.Anchor(text: bytes.count + inner.text - range.lowerBound, original: inner.original))
        }
        bytes += source.bytes[range]
    }

    /// Appends `decoded`, the reading of `range` of the source (an entity, an escape, a line
    /// break made from a tag).
    mutating func append(_ decoded: some Sequence<UInt8>, for range: Range<Int>) {
        anchor(at: range.lowerBound)
        bytes += decoded
    }

    mutating func append(_ decoded: String, for range: Range<Int>) { append(decoded.utf8, for: range) }

    /// The text built, whose end maps to `end` in the source.
    func finish(end: Int) -> MappedText {
        var builder = self
        builder.anchor(at: end)
        return MappedText(bytes: builder.bytes, map: OffsetMap(anchors: builder.anchors))
    }

    private mutating func anchor(at sourceOffset: Int) {
        add(OffsetMap.Anchor(text: bytes.count, original: source.map.original(sourceOffset)))
    }

    /// Adds an anchor unless the last one already predicts it.
    private mutating func add(_ anchor: OffsetMap.Anchor) {
        if let last = anchors.last {
            if last.original + (anchor.text - last.text) == anchor.original { return }
            if last.text == anchor.text {
                anchors[anchors.count - 1] = anchor
                return
            }
        }
        anchors.append(anchor)
    }
}
