#include "icu_bridge.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
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
