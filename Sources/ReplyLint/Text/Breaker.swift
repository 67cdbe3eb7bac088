import CICUBridge

/// An ICU break iterator, reused across documents by the worker that owns it.
final class Breaker {
    enum Kind: Int32 {
        case word = 0 // RL_BREAK_WORD
        /// ICU's sentence breaks, reading line breaks as spaces, with ICU run only around
        /// sentence terminators.
        case sentence = 1 // RL_BREAK_SENTENCE
        /// ICU's sentence breaks with ICU run over every byte: what `sentence` is tested against.
        case sentenceEverywhere = 2 // RL_BREAK_SENTENCE_EVERYWHERE
        /// ICU's word breaks, without the segments that are only ASCII white space, with ICU run
        /// only in windows around what plain words lack: digits, marks, apostrophes and the like.
        case wordSkippingSpaces = 3 // RL_BREAK_WORD_SKIPPING_SPACES
    }

    /// One segment between two boundaries: byte offsets and ICU's rule status at its end.
    struct Segment {
        var start: Int
        var end: Int
        var status: Int32
    }

    private let breaker: OpaquePointer

    init(_ kind: Kind, locale: String = "") throws {
        var error: Int32 = 0
        guard let breaker = rl_breaker_open(kind.rawValue, locale, &error) else {
            throw ICUError(function: "ubrk_open", code: error)
        }
        self.breaker = breaker
    }

    deinit { rl_breaker_close(breaker) }

    /// Calls `body` with each segment of `utf8`; offsets are relative to its start.
    func forEachSegment(in utf8: UnsafeBufferPointer<UInt8>, _ body: (Segment) -> Void) {
        var segments = segments(of: utf8)
        while let segment = segments.next() { body(segment) }
    }

    /// The segments of `utf8`, read one at a time with `next()`; offsets are relative to its
    /// start. The bytes must outlive the iteration, and the breaker serves one at a time.
    func segments(of utf8: UnsafeBufferPointer<UInt8>) -> Segments {
        guard let base = utf8.baseAddress, !utf8.isEmpty,
              rl_breaker_set_text(breaker, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int64(utf8.count)) == 0
        else { return Segments(breaker: nil) }
        return Segments(breaker: breaker)
    }

    /// Whether the word segments of `chunk`, bytes without ASCII white space that have ASCII
    /// white space (or the text's edge) on either side, are those it has alone: its first and
    /// last code points join no white space, and none is of a script ICU breaks with a dictionary.
    static func isSelfContained(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = chunk.baseAddress else { return true }
        return rl_word_chunk_is_self_contained(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int64(chunk.count)) == 1
    }

    struct Segments: IteratorProtocol {
        /// nil when there is nothing to read.
        fileprivate let breaker: OpaquePointer?

        mutating func next() -> Segment? {
            var start: Int64 = 0, end: Int64 = 0, status: Int32 = 0
            guard let breaker, rl_breaker_next(breaker, &start, &end, &status) == 1 else { return nil }
            return Segment(start: Int(start), end: Int(end), status: status)
        }
    }
}

struct ICUError: Error, CustomStringConvertible {
    var function: String
    var code: Int32
    var description: String { "ICU \(function) failed with error \(code)" }
}
