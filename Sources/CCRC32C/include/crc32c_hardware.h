#ifndef SSCARD_CRC32C_HARDWARE_H
#define SSCARD_CRC32C_HARDWARE_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the CRC32 instruction (x86-64 SSE4.2), else 0.
int sscard_crc32c_hardware_available(void);

/// The CRC-32C state after `bytes`, from `state` (already inverted, as the Swift code
/// keeps it). Call only when `sscard_crc32c_hardware_available()` says so.
uint32_t sscard_crc32c_hardware(uint32_t state, const void *bytes, size_t count);

#endif
