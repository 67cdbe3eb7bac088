#include "icu_bridge.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

/// What the windowed sentence breaker needs to know of a code point (UAX #29 classes).
enum {
    SENTENCE_OTHER = 0,
    SENTENCE_LETTER = 1,     // Upper, Lower, OLetter: rules look at most one letter around a terminator
    SENTENCE_TERMINATOR = 2, // ATerm, STerm: a sentence may end after one
    SENTENCE_SEPARATOR = 3,  // Sep, CR, LF: a sentence always ends after one
};

/// What the word breaker that leaves out white space needs to know of a code point (UAX #29
/// word classes) to find the breaks of plain words itself.
enum {
    WORD_COMPLEX = 0, // digits, marks, joiners, spaces past ASCII, scripts past U+07FF, ill-formed bytes: ICU decides
    WORD_LETTER = 1,  // ALetter: no break between two (WB5)
    WORD_MID = 2,     // MidLetter, MidNumLet, Single_Quote: no break around one between two letters (WB6, WB7)
    WORD_OTHER = 3,   // Other, MidNum, Double_Quote: a break on either side, with no digit, mark or Hebrew near
    WORD_SPACE = 4,   // ASCII white space: a break on either side of a run of it
};

/// Classes of every code point below U+0800 (ASCII, Latin, Cyrillic), of the breaker's kind,
/// looked up from ICU once per breaker; rarer code points ask ICU each time.
enum { CLASS_TABLE_SIZE = 0x800 };

/// ICU's breaks in a window depend on nothing but the window's bytes, and prose repeats a few
/// windows ("t. W", "d, a", "e? I") over and over: a direct-mapped memo of short windows and
/// their breaks spares most windows ICU's set-up and run.
enum { WINDOW_MEMO_SLOTS = 1024, WINDOW_MEMO_BYTES = 24, WINDOW_MEMO_BREAKS = 4 };

typedef struct {
    uint8_t length; // 0: empty slot
    uint8_t breakCount;
    uint8_t breaks[WINDOW_MEMO_BREAKS]; // offsets within the window, ascending
    char bytes[WINDOW_MEMO_BYTES];
} window_memo_slot;

struct rl_breaker {
    UBreakIterator *iterator;
    UText *text;
    int64_t current;
    int32_t kind;

    // The windowed sentence breaker (RL_BREAK_SENTENCE): the whole text, where the search for
    // the next terminator goes on, where the next window may start at the earliest, and the
    // window ICU is iterating over (its start, end and whether its end is a real boundary).
    const char *utf8;
    int64_t length;
    int64_t scan;
    int64_t earliestStart;
    int64_t windowStart;
    int64_t windowEnd;
    int32_t windowEndIsBoundary;
    int32_t inWindow;
    /// The window's bytes with line breaks made spaces, which ICU reads.
    char *window;
    int64_t windowCapacity;
    /// ICU's breaks in the current window (offsets within it), and the next one to hand out.
    int64_t *windowBreaks;
    int64_t windowBreakCount;
    int64_t windowBreakCapacity;
    int64_t nextWindowBreak;
    window_memo_slot *memo;
    /// Per byte, whether a terminator or separator may begin with it: '.', '!', '?', the lead
    /// bytes of the two-byte code points that are ones, and every lead of three or four bytes.
    /// The scan passes over the other bytes (letters, spaces, continuation bytes) one by one.
    uint8_t mayEndSentence[256];

    // The windowed word breaker (RL_BREAK_WORD_SKIPPING_SPACES) uses the text, its length and
    // the window's start and state, and keeps the end of the chunk of plain words it is handing
    // out and of the letters the chunk begins with (its first segment, if any).
    int64_t plainEnd;
    int64_t plainLettersEnd;

    uint8_t classes[CLASS_TABLE_SIZE];
};

static uint8_t sentence_class_of_scalar(UChar32 scalar) {
    switch (u_getIntPropertyValue(scalar, UCHAR_SENTENCE_BREAK)) {
    case U_SB_UPPER: case U_SB_LOWER: case U_SB_OLETTER: return SENTENCE_LETTER;
    case U_SB_ATERM: case U_SB_STERM: return SENTENCE_TERMINATOR;
    case U_SB_SEP: case U_SB_CR: case U_SB_LF: return SENTENCE_SEPARATOR;
    default: return SENTENCE_OTHER;
    }
}

/// Every code point past the table is left to ICU by the word breaker's fast path.
static uint8_t word_class_past_table(UChar32 scalar) {
    (void)scalar;
    return WORD_COMPLEX;
}

static uint8_t word_class_of_scalar(UChar32 scalar) {
    if (scalar == ' ' || (scalar >= '\t' && scalar <= '\r')) return WORD_SPACE;
    // Emoji may join with a zero-width joiner (WB3c), which is past the table; ICU's rules
    // count '@' among letters, which its Word_Break property does not.
    if (scalar == '@' || u_hasBinaryProperty(scalar, UCHAR_EXTENDED_PICTOGRAPHIC)) return WORD_COMPLEX;
    switch (u_getIntPropertyValue(scalar, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return WORD_LETTER;
    case U_WB_MIDLETTER: case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return WORD_MID;
    case U_WB_OTHER: case U_WB_MIDNUM: case U_WB_DOUBLE_QUOTE: return WORD_OTHER;
    default: return WORD_COMPLEX;
    }
}

/// The class of the code point at `*index` of `bytes`, which it moves past. Ill-formed bytes
/// read as U+FFFD, as ICU's UTF-8 text reads them. ASCII and two-byte code points (every
/// Cyrillic and Latvian letter), nearly all of a reply, cost one look in `classes` each;
/// `past_table` classes the others.
static inline __attribute__((always_inline)) uint8_t next_class(const uint8_t *bytes, int64_t length,
                                                                const uint8_t *classes, int64_t *index,
                                                                uint8_t (*past_table)(UChar32)) {
    uint8_t lead = bytes[*index];
    if (lead < 0x80) {
        (*index)++;
        return classes[lead];
    }
    if (lead >= 0xC2 && lead <= 0xDF && *index + 1 < length && (bytes[*index + 1] & 0xC0) == 0x80) {
        UChar32 scalar = (UChar32)(lead & 0x1F) << 6 | (bytes[*index + 1] & 0x3F);
        *index += 2;
        return classes[scalar];
    }
    UChar32 scalar;
    U8_NEXT(bytes, *index, length, scalar);
    if (scalar < 0) scalar = 0xFFFD;
    return scalar < CLASS_TABLE_SIZE ? classes[scalar] : past_table(scalar);
}

rl_breaker *rl_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == RL_BREAK_WORD || kind == RL_BREAK_WORD_SKIPPING_SPACES ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (error) *error = status;
        return NULL;
    }
    rl_breaker *breaker = calloc(1, sizeof(rl_breaker));
    if (!breaker) {
        ubrk_close(iterator);
        if (error) *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->kind = kind;
    if (kind == RL_BREAK_SENTENCE) {
        breaker->memo = calloc(WINDOW_MEMO_SLOTS, sizeof(window_memo_slot));
        if (!breaker->memo) {
            rl_breaker_close(breaker);
            if (error) *error = U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        for (UChar32 scalar = 0; scalar < CLASS_TABLE_SIZE; scalar++) {
            breaker->classes[scalar] = sentence_class_of_scalar(scalar);
        }
        // Replies are hard-wrapped: a line break within a paragraph is read as a space.
        breaker->classes['\r'] = breaker->classes['\n'] = breaker->classes[' '];
        for (int byte = 0; byte < 256; byte++) {
            int32_t mayEnd = 0;
            if (byte < 0x80) {
                mayEnd = breaker->classes[byte] >= SENTENCE_TERMINATOR;
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                for (UChar32 scalar = (byte & 0x1F) << 6; scalar < ((byte & 0x1F) + 1) << 6; scalar++) {
                    mayEnd |= breaker->classes[scalar] >= SENTENCE_TERMINATOR;
                }
            } else {
                mayEnd = byte >= 0xE0 && byte <= 0xF4;
            }
            breaker->mayEndSentence[byte] = (uint8_t)mayEnd;
        }
    } else if (kind == RL_BREAK_WORD_SKIPPING_SPACES) {
        for (UChar32 scalar = 0; scalar < CLASS_TABLE_SIZE; scalar++) breaker->classes[scalar] = word_class_of_scalar(scalar);
    }
    if (error) *error = 0;
    return breaker;
}

void rl_breaker_close(rl_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker->window);
    free(breaker->windowBreaks);
    free(breaker->memo);
    free(breaker);
}

/// Points ICU at `length` bytes of UTF-8 from `utf8` and moves to their start.
static int32_t iterate_over(rl_breaker *breaker, const char *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText it is given, so one allocation serves every document.
    breaker->text = utext_openUTF8(breaker->text, utf8, length, &status);
    if (U_FAILURE(status)) return status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) return status;
    ubrk_first(breaker->iterator);
    return 0;
}

int32_t rl_breaker_set_text(rl_breaker *breaker, const char *utf8, int64_t length) {
    breaker->current = 0;
    breaker->utf8 = utf8;
    if (breaker->kind == RL_BREAK_WORD || breaker->kind == RL_BREAK_SENTENCE_EVERYWHERE) {
        return iterate_over(breaker, utf8, length);
    }
    breaker->length = length;
    breaker->scan = 0;
    breaker->earliestStart = 0;
    breaker->inWindow = 0;
    breaker->plainEnd = 0;
    breaker->plainLettersEnd = 0;
    return 0;
}

/// The start of the last letter at or after `from` and before `end`, which is no continuation
/// byte; -1 if there is none. A byte that is no continuation byte begins a code point however
/// the bytes before it decode (ill-formed ones too), and no letter begins with a continuation
/// byte, so the letters are found reading back from `end`.
static int64_t last_letter_before(const uint8_t *bytes, int64_t length, const uint8_t *classes, int64_t from, int64_t end) {
    for (int64_t start = end - 1; start >= from; start--) {
        if ((bytes[start] & 0xC0) == 0x80) continue;
        int64_t index = start;
        if (next_class(bytes, length, classes, &index, sentence_class_of_scalar) == SENTENCE_LETTER) return start;
    }
    return -1;
}

/// Finds the next window for ICU: from the last letter before the next terminator (or from
/// where the previous window allows) to the first letter after it and after any terminators,
/// spaces, closing marks and digits that follow, or to just after a separator.
///
/// ICU's sentence rules (UAX #29, SB6-SB11) decide a break after a terminator from at most one
/// letter before it and what follows up to the next letter; no other break is possible. So
/// ICU run over each window finds exactly the breaks it finds over the whole text, at a small
/// part of the cost: prose is mostly letters and spaces. The test suite checks this against
/// ICU over every byte (RL_BREAK_SENTENCE_EVERYWHERE) on generated and real text.
static int find_window(rl_breaker *breaker) {
    // Held in locals, so the loop over every byte does not read them from the breaker again.
    const uint8_t *bytes = (const uint8_t *)breaker->utf8, *classes = breaker->classes, *mayEnd = breaker->mayEndSentence;
    const int64_t length = breaker->length;
    int64_t index = breaker->scan;
    while (index < length) {
        // Eight bytes at a time while none may end a sentence (most of a paragraph), then the
        // bytes of the eight that holds one, one by one.
        if (index + 8 <= length) {
            const uint8_t *eight = bytes + index;
            if (!(mayEnd[eight[0]] | mayEnd[eight[1]] | mayEnd[eight[2]] | mayEnd[eight[3]]
                  | mayEnd[eight[4]] | mayEnd[eight[5]] | mayEnd[eight[6]] | mayEnd[eight[7]])) {
                index += 8;
                continue;
            }
            while (!mayEnd[bytes[index]]) index++;
        } else if (!mayEnd[bytes[index]]) {
            index++;
            continue;
        }
        // A lead byte, so the start of a code point (see last_letter_before).
        int64_t at = index;
        uint8_t class = next_class(bytes, length, classes, &index, sentence_class_of_scalar);
        if (class == SENTENCE_LETTER || class == SENTENCE_OTHER) continue;
        int64_t lastLetter = last_letter_before(bytes, length, classes, breaker->scan, at);
        if (lastLetter < 0) lastLetter = breaker->earliestStart;
        int32_t endIsBoundary = class == SENTENCE_SEPARATOR;
        int64_t end = index, letterAtEnd = -1;
        while (!endIsBoundary && end < length) {
            int64_t here = end;
            class = next_class(bytes, length, classes, &end, sentence_class_of_scalar);
            if (class == SENTENCE_LETTER) {
                letterAtEnd = here;
                break;
            }
            if (class == SENTENCE_SEPARATOR) endIsBoundary = 1;
        }
        breaker->windowStart = lastLetter;
        breaker->windowEnd = end;
        breaker->windowEndIsBoundary = endIsBoundary || end == length;
        breaker->scan = end;
        // The letter that closed this window may be the one before the next terminator.
        breaker->earliestStart = letterAtEnd >= 0 ? letterAtEnd : end;
        return 1;
    }
    breaker->scan = length;
    return 0;
}

/// Copies the window's bytes for ICU, line breaks made spaces; 0 if memory runs out.
static int copy_window(rl_breaker *breaker) {
    int64_t length = breaker->windowEnd - breaker->windowStart;
    if (length > breaker->windowCapacity) {
        int64_t capacity = length > 2 * breaker->windowCapacity ? length : 2 * breaker->windowCapacity;
        char *window = realloc(breaker->window, (size_t)capacity);
        if (!window) return 0;
        breaker->window = window;
        breaker->windowCapacity = capacity;
    }
    const char *source = breaker->utf8 + breaker->windowStart;
    for (int64_t index = 0; index < length; index++) {
        char byte = source[index];
        breaker->window[index] = byte == '\r' || byte == '\n' ? ' ' : byte;
    }
    return 1;
}

/// Appends `offset` to the current window's breaks; 0 if memory runs out.
static int add_window_break(rl_breaker *breaker, int64_t offset) {
    if (breaker->windowBreakCount == breaker->windowBreakCapacity) {
        int64_t capacity = breaker->windowBreakCapacity ? 2 * breaker->windowBreakCapacity : 16;
        int64_t *breaks = realloc(breaker->windowBreaks, sizeof(int64_t) * (size_t)capacity);
        if (!breaks) return 0;
        breaker->windowBreaks = breaks;
        breaker->windowBreakCapacity = capacity;
    }
    breaker->windowBreaks[breaker->windowBreakCount++] = offset;
    return 1;
}

/// The memo slot for a window's bytes (FNV-1a), or NULL for a window too long to keep.
static window_memo_slot *memo_slot(rl_breaker *breaker, const char *bytes, int64_t length) {
    if (length > WINDOW_MEMO_BYTES) return NULL;
    uint32_t hash = 2166136261u;
    for (int64_t index = 0; index < length; index++) hash = (hash ^ (uint8_t)bytes[index]) * 16777619u;
    return &breaker->memo[hash % WINDOW_MEMO_SLOTS];
}

/// Fills the current window's breaks: from the memo, or from ICU over the window's bytes
/// (then kept in the memo if short). 0 on an ICU error or if memory runs out.
static int break_window(rl_breaker *breaker) {
    if (!copy_window(breaker)) return 0;
    int64_t length = breaker->windowEnd - breaker->windowStart;
    breaker->windowBreakCount = 0;
    breaker->nextWindowBreak = 0;
    window_memo_slot *slot = memo_slot(breaker, breaker->window, length);
    if (slot && slot->length == length && memcmp(slot->bytes, breaker->window, (size_t)length) == 0) {
        for (int index = 0; index < slot->breakCount; index++) {
            if (!add_window_break(breaker, slot->breaks[index])) return 0;
        }
        return 1;
    }
    if (iterate_over(breaker, breaker->window, length) != 0) return 0;
    for (int32_t next = ubrk_next(breaker->iterator); next != UBRK_DONE; next = ubrk_next(breaker->iterator)) {
        if (!add_window_break(breaker, next)) return 0;
    }
    if (slot && breaker->windowBreakCount <= WINDOW_MEMO_BREAKS) {
        slot->length = (uint8_t)length;
        slot->breakCount = (uint8_t)breaker->windowBreakCount;
        for (int64_t index = 0; index < breaker->windowBreakCount; index++) {
            slot->breaks[index] = (uint8_t)breaker->windowBreaks[index];
        }
        memcpy(slot->bytes, breaker->window, (size_t)length);
    }
    return 1;
}

/// The next sentence boundary by windows: each found by ICU within one, and the end of the text.
static int32_t next_sentence_end(rl_breaker *breaker, int64_t *end) {
    for (;;) {
        if (breaker->inWindow && breaker->nextWindowBreak < breaker->windowBreakCount) {
            int64_t boundary = breaker->windowStart + breaker->windowBreaks[breaker->nextWindowBreak++];
            if (boundary < breaker->windowEnd || breaker->windowEndIsBoundary) {
                *end = boundary;
                return 1;
            }
        }
        breaker->inWindow = 0;
        if (!find_window(breaker)) {
            *end = breaker->length;
            return breaker->current < breaker->length;
        }
        if (!break_window(breaker)) return 0;
        breaker->inWindow = 1;
    }
}

static inline int is_ascii_space_byte(uint8_t byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }

/// Whether `length` bytes from `bytes` are all ASCII white space (space, tab to carriage return).
static int is_ascii_space(const char *bytes, int64_t length) {
    for (int64_t index = 0; index < length; index++) {
        if (!is_ascii_space_byte((uint8_t)bytes[index])) return 0;
    }
    return 1;
}

/// What the code points of a chunk read so far allow (see read_chunk).
enum {
    CHUNK_PLAIN = 0,         // plain, and the last code point is no letter that a MidLetter may join to the next
    CHUNK_AFTER_LETTER = 1,  // plain, after a letter
    CHUNK_AFTER_LETTER_MID = 2, // plain, after a letter and a MidLetter
    CHUNK_NOT_PLAIN = 3,
};

/// The state after a code point of each word class but white space, per state before it.
static const uint8_t chunk_states[4][4] = {
    //                        COMPLEX          LETTER              MID                     OTHER
    [CHUNK_PLAIN] =            {CHUNK_NOT_PLAIN, CHUNK_AFTER_LETTER, CHUNK_PLAIN,            CHUNK_PLAIN},
    [CHUNK_AFTER_LETTER] =     {CHUNK_NOT_PLAIN, CHUNK_AFTER_LETTER, CHUNK_AFTER_LETTER_MID, CHUNK_PLAIN},
    [CHUNK_AFTER_LETTER_MID] = {CHUNK_NOT_PLAIN, CHUNK_NOT_PLAIN,    CHUNK_PLAIN,            CHUNK_PLAIN},
    [CHUNK_NOT_PLAIN] =        {CHUNK_NOT_PLAIN, CHUNK_NOT_PLAIN,    CHUNK_NOT_PLAIN,        CHUNK_NOT_PLAIN},
};

/// The end of the chunk from `start`: the bytes up to the next ASCII white space. `*isPlain`
/// tells whether the chunk is plain words, whose breaks UAX #29 decides from the code points on
/// either side alone: letters and punctuation (WB5, WB999), without a digit, a mark, a joiner,
/// a code point past the table, or a MidLetter between two letters ("isn't", "e.g").
/// `*lettersEnd` is where the letters the chunk begins with end: most of a chunk, read in a
/// loop of their own, so their end costs nothing and spares handing them out a second read.
static int64_t read_chunk(const rl_breaker *breaker, int64_t start, int *isPlain, int64_t *lettersEnd) {
    const uint8_t *bytes = (const uint8_t *)breaker->utf8, *classes = breaker->classes;
    const int64_t length = breaker->length;
    uint8_t state = CHUNK_PLAIN;
    int64_t index = start;
    while (index < length) {
        int64_t at = index;
        if (next_class(bytes, length, classes, &index, word_class_past_table) != WORD_LETTER) {
            index = at;
            break;
        }
        state = CHUNK_AFTER_LETTER;
    }
    *lettersEnd = index;
    while (index < length) {
        int64_t at = index;
        uint8_t class = next_class(bytes, length, classes, &index, word_class_past_table);
        if (class == WORD_SPACE) {
            index = at;
            break;
        }
        state = chunk_states[state][class];
    }
    *isPlain = state != CHUNK_NOT_PLAIN;
    return index;
}

/// Hands out the segment from the end of the last one to `next`.
static int32_t hand_out(rl_breaker *breaker, int64_t next, int32_t rule, int64_t *start, int64_t *end, int32_t *status) {
    *start = breaker->current;
    *end = next;
    *status = rule;
    breaker->current = next;
    return 1;
}

/// The next segment of the word breaker that leaves out white space. Chunks of plain words
/// (see read_chunk), nearly all of a reply, are broken here, as ICU breaks them: after each run
/// of letters and after each other code point. Other chunks go to ICU in windows, from the end
/// of the last segment to the next chunk that begins with a letter or punctuation. Both ends
/// are boundaries, and ICU's breaks between them do not depend on the text outside: no rule
/// joins ASCII white space to what follows it but marks, joiners (WB4) and other white space
/// (WB3d), to what precedes it but white space, and no rule looks across it. The test suite
/// checks this against ICU over every byte.
static int32_t next_word(rl_breaker *breaker, int64_t *start, int64_t *end, int32_t *status) {
    const uint8_t *bytes = (const uint8_t *)breaker->utf8, *classes = breaker->classes;
    const int64_t length = breaker->length;
    for (;;) {
        if (breaker->inWindow) {
            int32_t boundary = ubrk_next(breaker->iterator);
            if (boundary != UBRK_DONE) {
                int64_t next = breaker->windowStart + boundary;
                int32_t rule = ubrk_getRuleStatus(breaker->iterator);
                if (rule != 0 || !is_ascii_space(breaker->utf8 + breaker->current, next - breaker->current)) {
                    return hand_out(breaker, next, rule, start, end, status);
                }
                breaker->current = next;
                continue;
            }
            breaker->inWindow = 0;
        }
        if (breaker->current < breaker->plainEnd) {
            if (breaker->current < breaker->plainLettersEnd) {
                return hand_out(breaker, breaker->plainLettersEnd, UBRK_WORD_LETTER, start, end, status);
            }
            int64_t next = breaker->current;
            if (next_class(bytes, length, classes, &next, word_class_past_table) != WORD_LETTER) {
                return hand_out(breaker, next, UBRK_WORD_NONE, start, end, status);
            }
            for (int64_t after = next; after < breaker->plainEnd; next = after) {
                if (next_class(bytes, length, classes, &after, word_class_past_table) != WORD_LETTER) break;
            }
            return hand_out(breaker, next, UBRK_WORD_LETTER, start, end, status);
        }
        int64_t chunkStart = breaker->current;
        while (chunkStart < length && is_ascii_space_byte(bytes[chunkStart])) chunkStart++;
        if (chunkStart == length) return 0;
        int isPlain;
        int64_t lettersEnd;
        int64_t chunkEnd = read_chunk(breaker, chunkStart, &isPlain, &lettersEnd);
        if (isPlain) {
            breaker->current = chunkStart;
            breaker->plainEnd = chunkEnd;
            breaker->plainLettersEnd = lettersEnd;
            continue;
        }
        // The window takes in the white space after the chunk, and every chunk after it that
        // begins with what may join that white space.
        int64_t windowEnd = chunkEnd;
        for (;;) {
            int64_t next = windowEnd;
            while (next < length && is_ascii_space_byte(bytes[next])) next++;
            int64_t afterFirst = next;
            if (next == length || next_class(bytes, length, classes, &afterFirst, word_class_past_table) != WORD_COMPLEX) {
                windowEnd = next;
                break;
            }
            windowEnd = read_chunk(breaker, next, &isPlain, &lettersEnd);
        }
        if (iterate_over(breaker, breaker->utf8 + breaker->current, windowEnd - breaker->current) != 0) return 0;
        breaker->windowStart = breaker->current;
        breaker->inWindow = 1;
    }
}

int32_t rl_breaker_next(rl_breaker *breaker, int64_t *start, int64_t *end, int32_t *status) {
    if (breaker->kind == RL_BREAK_WORD_SKIPPING_SPACES) return next_word(breaker, start, end, status);
    int64_t next;
    if (breaker->kind == RL_BREAK_SENTENCE) {
        if (!next_sentence_end(breaker, &next)) return 0;
        *status = 0;
    } else {
        int32_t boundary = ubrk_next(breaker->iterator);
        if (boundary == UBRK_DONE) return 0;
        next = boundary;
        *status = breaker->kind == RL_BREAK_WORD ? ubrk_getRuleStatus(breaker->iterator) : 0;
    }
    return hand_out(breaker, next, *status, start, end, status);
}

/// Whether ICU breaks words of `scalar`'s script with a dictionary (ICU's word rules:
/// Complex_Context line breaking, Han, Hiragana, Katakana, Hangul syllables) rather than by the
/// rules whose reach the chunk check relies on; and the first such break in a process differs
/// from the later ones ("ー中" once, then "ー" "中").
static int is_dictionary_scalar(UChar32 scalar) {
    if (scalar < 0x0E00) return 0; // below Thai: none
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(scalar, &status);
    return u_getIntPropertyValue(scalar, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT
        || u_getIntPropertyValue(scalar, UCHAR_WORD_BREAK) == U_WB_KATAKANA
        || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA
        || (scalar >= 0xAC00 && scalar <= 0xD7A3);
}

int32_t rl_word_chunk_is_self_contained(const char *utf8, int64_t length) {
    if (length <= 0) return 1;
    // A code point is at most four bytes: the first and the last are read within four of the
    // edges, with the 32-bit indexes ICU's macros take.
    const uint8_t *bytes = (const uint8_t *)utf8;
    int32_t edge = length < 4 ? (int32_t)length : 4, index = 0;
    UChar32 first, last;
    U8_NEXT(bytes, index, edge, first);
    index = edge;
    U8_PREV(bytes + length - edge, 0, index, last);
    // Ill-formed bytes read as U+FFFD (Other), as ICU's UTF-8 text reads them.
    int32_t firstClass = u_getIntPropertyValue(first < 0 ? 0xFFFD : first, UCHAR_WORD_BREAK);
    int32_t lastClass = u_getIntPropertyValue(last < 0 ? 0xFFFD : last, UCHAR_WORD_BREAK);
    if (firstClass == U_WB_EXTEND || firstClass == U_WB_FORMAT || firstClass == U_WB_ZWJ
        || firstClass == U_WB_WSEGSPACE || lastClass == U_WB_WSEGSPACE) return 0;
    // Code points of three or four bytes (U+0800 on) are decoded: the dictionary scripts are among them.
    for (int64_t at = 0; at < length;) {
        if (bytes[at] < 0xE0) {
            at++;
            continue;
        }
        int32_t rest = length - at < 4 ? (int32_t)(length - at) : 4, offset = 0;
        UChar32 scalar;
        U8_NEXT(bytes + at, offset, rest, scalar);
        if (scalar >= 0 && is_dictionary_scalar(scalar)) return 0;
        at += offset;
    }
    return 1;
}

/// Short words, the common case, are folded through stack buffers without allocating.
enum { STACK_UNITS = 256 };

int32_t rl_fold_utf8(const char *utf8, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *fold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;

    UChar stackIn[STACK_UNITS], stackOut[STACK_UNITS * 2];
    UChar *in = stackIn, *folded = stackOut;
    int32_t inLength = 0, result = -1;

    u_strFromUTF8WithSub(NULL, 0, &inLength, utf8, length, 0xFFFD, NULL, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;
    status = U_ZERO_ERROR;
    if (inLength > STACK_UNITS && !(in = malloc(sizeof(UChar) * inLength))) return -1;
    u_strFromUTF8WithSub(in, inLength, NULL, utf8, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) goto done;

    int32_t foldedCapacity = STACK_UNITS * 2;
    int32_t foldedLength = unorm2_normalize(fold, in, inLength, folded, foldedCapacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        if (!(folded = malloc(sizeof(UChar) * foldedLength))) goto done;
        foldedCapacity = foldedLength;
        foldedLength = unorm2_normalize(fold, in, inLength, folded, foldedCapacity, &status);
    }
    if (U_FAILURE(status)) goto done;

    int32_t outLength = 0;
    u_strToUTF8(out, capacity, &outLength, folded, foldedLength, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) goto done;
    result = outLength;

done:
    if (in != stackIn) free(in);
    if (folded != stackOut) free(folded);
    return result;
}

int32_t rl_convert_to_utf8(const char *charset, const char *input, int32_t length,
                           char *out, int32_t *offsets, int32_t capacity) {
    // An empty name would open ICU's default converter, which depends on the machine.
    if (!charset || !*charset) return RL_CHARSET_UNKNOWN;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return status == U_FILE_ACCESS_ERROR ? RL_CHARSET_UNKNOWN : RL_CHARSET_FAILED;

    // One input byte gives at most two UTF-16 units in the charsets mail uses; grow if not.
    int32_t unitCapacity = length * 2 + 16, result = RL_CHARSET_FAILED;
    UChar *units = NULL;
    int32_t *unitOffsets = NULL;
    int32_t unitCount = 0;
    for (;;) {
        units = malloc(sizeof(UChar) * unitCapacity);
        unitOffsets = malloc(sizeof(int32_t) * unitCapacity);
        if (!units || !unitOffsets) goto done;
        UChar *target = units;
        const char *source = input;
        status = U_ZERO_ERROR;
        ucnv_reset(converter);
        ucnv_toUnicode(converter, &target, units + unitCapacity, &source, input + length, unitOffsets, 1, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR) {
            if (U_FAILURE(status)) goto done;
            unitCount = (int32_t)(target - units);
            break;
        }
        free(units);
        free(unitOffsets);
        units = NULL;
        unitOffsets = NULL;
        unitCapacity *= 2;
    }

    int32_t written = 0, lastOffset = 0;
    for (int32_t index = 0; index < unitCount;) {
        uint32_t scalar = units[index];
        // A flushed character may have no offset of its own (-1): it belongs with the one before.
        int32_t offset = unitOffsets[index] >= 0 ? unitOffsets[index] : lastOffset;
        index++;
        if (scalar >= 0xD800 && scalar < 0xDC00 && index < unitCount && units[index] >= 0xDC00 && units[index] < 0xE000) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (units[index] - 0xDC00);
            index++;
        } else if (scalar >= 0xD800 && scalar < 0xE000) {
            scalar = 0xFFFD;
        }
        uint8_t bytes[4];
        int32_t count;
        if (scalar < 0x80) {
            bytes[0] = (uint8_t)scalar;
            count = 1;
        } else if (scalar < 0x800) {
            bytes[0] = 0xC0 | (scalar >> 6);
            bytes[1] = 0x80 | (scalar & 0x3F);
            count = 2;
        } else if (scalar < 0x10000) {
            bytes[0] = 0xE0 | (scalar >> 12);
            bytes[1] = 0x80 | ((scalar >> 6) & 0x3F);
            bytes[2] = 0x80 | (scalar & 0x3F);
            count = 3;
        } else {
            bytes[0] = 0xF0 | (scalar >> 18);
            bytes[1] = 0x80 | ((scalar >> 12) & 0x3F);
            bytes[2] = 0x80 | ((scalar >> 6) & 0x3F);
            bytes[3] = 0x80 | (scalar & 0x3F);
            count = 4;
        }
        for (int32_t byte = 0; byte < count; byte++, written++) {
            if (written < capacity) {
                out[written] = (char)bytes[byte];
                offsets[written] = offset;
            }
        }
        lastOffset = offset;
    }
    result = written;

done:
    free(units);
    free(unitOffsets);
    ucnv_close(converter);
    return result;
}
