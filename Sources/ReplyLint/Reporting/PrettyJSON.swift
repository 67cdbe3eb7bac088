import Foundation

/// A pretty-printed JSON document written in parts. Each part is encoded on its own with the
/// settings of the whole and indented to where it sits, so the parts joined are the bytes one
/// encoding of the whole would give. A JSON string never holds a raw line break, so every line
/// break is the layout's.
enum PrettyJSON {
    /// `value` encoded with every line indented by `depth` levels, except the empty line the
    /// encoder leaves inside an empty array or object.
    static func encoded<T: Encodable>(_ value: T, depth: Int = 0) -> String {
        let encoder = JSONEncoder()
        // Without sorting, the encoder orders keys differently from run to run; the same
        // findings must give the same bytes (diffs of reports, the interrupted-write test).
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let json = try! encoder.encode(value)
        guard depth > 0 else { return String(decoding: json, as: UTF8.self) }
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: depth * indentWidth)
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 8)
        var lineStart = true
        for byte in json {
            if lineStart, byte != newline { out += indent }
            out.append(byte)
            lineStart = byte == newline
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The members of the object `value` encodes to, without its braces, their keys indented
    /// by `depth` levels and no line break at either end.
    static func members<T: Encodable>(of value: T, depth: Int) -> String {
        let object = encoded(value, depth: depth - 1)
        let first = object.firstIndex(of: "\n")!, last = object.lastIndex(of: "\n")!
        return String(object[object.index(after: first)..<last])
    }

    /// A document cut around the elements of one of its arrays, which the document holds
    /// empty: the elements, each encoded at the array's depth + 1 and separated by ",\n", go
    /// between `opening` and `closing`, then comes `rest`.
    struct Frame {
        /// The document up to the array's "[" and its line break.
        var opening: String
        /// The line break and "]" that end the array.
        var closing: String
        /// What follows the array, to the end of the document.
        var rest: String

        /// Cuts `document`, indented by `base` levels, around its empty array `key`, whose key
        /// is indented by `depth` levels more.
        init<T: Encodable>(_ document: T, array key: String, depth: Int, indentedBy base: Int = 0) {
            let json = encoded(document, depth: base)
            let start = "\"\(key)\" : [\n"
            closing = "\n" + String(repeating: " ", count: (base + depth) * indentWidth) + "]"
            // The key followed by a line break is the array's: a line break is never inside a string.
            let array = json.range(of: start + closing)!
            opening = json[..<array.lowerBound] + start
            rest = String(json[array.upperBound...])
        }
    }

    private static let indentWidth = 2
    private static let newline = UInt8(ascii: "\n")
}
