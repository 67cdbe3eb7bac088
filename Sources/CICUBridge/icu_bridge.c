#include "icu_bridge.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct rl_breaker {
    UBreakIterator *iterator;
    UText *text;
    int32_t current;
};

rl_breaker *rl_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == RL_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
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
    if (error) *error = 0;
    return breaker;
}

void rl_breaker_close(rl_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

int32_t rl_breaker_set_text(rl_breaker *breaker, const char *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText it is given, so one allocation serves every document.
    breaker->text = utext_openUTF8(breaker->text, utf8, length, &status);
    if (U_FAILURE(status)) return status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) return status;
    breaker->current = ubrk_first(breaker->iterator);
    return 0;
}

int32_t rl_breaker_next(rl_breaker *breaker, int64_t *start, int64_t *end, int32_t *status) {
    int32_t next = ubrk_next(breaker->iterator);
    if (next == UBRK_DONE) return 0;
    *start = breaker->current;
    *end = next;
    *status = ubrk_getRuleStatus(breaker->iterator);
    breaker->current = next;
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
