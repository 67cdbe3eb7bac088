#ifndef REPLYLINT_ICU_BRIDGE_H
#define REPLYLINT_ICU_BRIDGE_H

// The only ICU surface Swift sees. Plain C types only: Swift cannot import Debian's ICU
// headers (every function is renamed by macro) next to Foundation's private ICU copy.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A reusable ICU break iterator over UTF-8 text; offsets are UTF-8 byte offsets.
typedef struct rl_breaker rl_breaker;

enum {
    RL_BREAK_WORD = 0,
    /// Sentences, reading line breaks (CR, LF) as spaces, with ICU run only in windows around
    /// sentence terminators (see icu_bridge.c).
    RL_BREAK_SENTENCE = 1,
    /// Sentences, with ICU run over every byte: what RL_BREAK_SENTENCE is tested against, on
    /// text whose line breaks are spaces already.
    RL_BREAK_SENTENCE_EVERYWHERE = 2,
    /// Words as RL_BREAK_WORD, without the segments that are only ASCII white space, which
    /// the analyzer skips: most of a text's segments, each a call less. Plain words are broken
    /// without ICU, which runs only in windows around digits, marks, apostrophes and the like
    /// (see icu_bridge.c).
    RL_BREAK_WORD_SKIPPING_SPACES = 3,
};

/// Opens a word or sentence breaker for a locale ("ru", "lv", "en", or "" for root).
/// Returns NULL on failure and stores the ICU error code in *error.
rl_breaker *rl_breaker_open(int32_t kind, const char *locale, int32_t *error);
void rl_breaker_close(rl_breaker *breaker);

/// Points the breaker at `length` bytes of UTF-8. The bytes must outlive the iteration.
/// Returns 0 on success, or an ICU error code.
int32_t rl_breaker_set_text(rl_breaker *breaker, const char *utf8, int64_t length);

/// Advances to the next segment. Returns 1 and fills start, end (byte offsets) and the rule
/// status of the boundary at `end` (word: 0 none, 100-199 number, 200-499 letters/kana/ideo;
/// sentence: always 0), or returns 0 when the text is exhausted.
int32_t rl_breaker_next(rl_breaker *breaker, int64_t *start, int64_t *end, int32_t *status);

/// Whether ICU breaks `length` bytes of UTF-8 that hold no ASCII white space, with ASCII white
/// space on either side, exactly as it breaks them alone: 1 unless the first code point may join
/// the white space before it (Extend, Format, ZWJ: WB4; WSegSpace: WB3d), the last one the
/// white space after it (WSegSpace), or one is of a script ICU breaks with a dictionary (Thai,
/// Han, Kana, Hangul…) rather than by its rules. No other word-break rule reads across ASCII
/// white space.
int32_t rl_word_chunk_is_self_contained(const char *utf8, int64_t length);

/// NFKC_Casefold of UTF-8 input, written as UTF-8 into `out` (not NUL-terminated).
/// Returns the length of the result in bytes, which may exceed `capacity` (then call again
/// with a larger buffer), or -1 on an ICU error.
int32_t rl_fold_utf8(const char *utf8, int32_t length, char *out, int32_t capacity);

/// Converts `length` bytes in `charset` to UTF-8. `charset` is a name as MIME labels give it
/// ("windows-1251", "KOI8-R", "iso-8859-13"): any case, aliases resolved by ICU. Writes up to
/// `capacity` bytes into `out` and, for each byte written, into `offsets` the input offset of
/// the character it belongs to. Bytes that are invalid in the charset become U+FFFD.
/// Returns the length of the UTF-8 result, which may exceed `capacity` (then call again with
/// larger buffers); RL_CHARSET_UNKNOWN when ICU has no converter by that name; or
/// RL_CHARSET_FAILED on another ICU error.
int32_t rl_convert_to_utf8(const char *charset, const char *input, int32_t length,
                           char *out, int32_t *offsets, int32_t capacity);

enum {
    RL_CHARSET_UNKNOWN = -1,
    RL_CHARSET_FAILED = -2,
};

#ifdef __cplusplus
}
#endif

#endif
