// The CPU's prefetch hint, which Swift cannot spell: `_mm_prefetch` is a macro over
// `__builtin_prefetch` and does not import. No library behind it: the compiler emits one
// `prefetcht0` instruction where this inline function is called.
// Imported by exactly one Swift file: Sources/Datasets/FeatureValues.swift (gathering a batch's
// random rows, where the next row's cache misses would otherwise stall the copy).
#include <stddef.h>

// Asks the CPU to start loading every 64-byte cache line that holds a byte of
// [address, address + bytes). A hint only: nothing is read, so any address is safe.
static inline void initscope_prefetch(const void *address, size_t bytes) {
    const char *end = (const char *)address + bytes;
    const char *line = (const char *)((size_t)address & ~(size_t)63);
    for (; line < end; line += 64) {
        __builtin_prefetch(line, 0, 3);
    }
}
