// SSE4.2's crc32 instruction computes CRC-32C (the Castagnoli polynomial) eight bytes at
// a time. Swift cannot reach the instruction, so this small C file does; other CPUs keep
// the Swift slice-by-8 tables.
#include "crc32c_hardware.h"
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int sscard_crc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2");
}

__attribute__((target("sse4.2")))
uint32_t sscard_crc32c_hardware(uint32_t state, const void *bytes, size_t count) {
    const unsigned char *p = bytes;
    uint64_t crc = state;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = _mm_crc32_u64(crc, word);
        p += 8;
        count -= 8;
    }
    uint32_t crc32 = (uint32_t)crc;
    while (count > 0) {
        crc32 = _mm_crc32_u8(crc32, *p);
        p++;
        count--;
    }
    return crc32;
}
#else
int sscard_crc32c_hardware_available(void) { return 0; }
uint32_t sscard_crc32c_hardware(uint32_t state, const void *bytes, size_t count) {
    (void)bytes; (void)count;
    return state;
}
#endif
