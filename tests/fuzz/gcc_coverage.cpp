// Coverage feedback for libFuzzer from g++'s instrumentation (cmake/Fuzzing.cmake says why
// the fuzz build uses g++).
//
// g++ -fsanitize-coverage=trace-pc calls __sanitizer_cov_trace_pc() at the start of every
// basic block. libFuzzer 14 no longer reads that hook (its own definition only reports
// that it is unsupported; the build links a copy of libFuzzer.a where that definition is
// weak, so this one wins). Here each call bumps an AFL-style edge counter, hash(previous
// block) ^ hash(this block), in a table handed to libFuzzer as inline 8-bit counters, the
// form clang's -fsanitize=fuzzer produces: libFuzzer's cov/ft figures then count edges
// seen (up to hash collisions in 64 Ki slots). Its PC table holds slot numbers, not
// addresses, so -print_pcs and -print_coverage show slots.
//
// g++ -fsanitize-coverage=trace-cmp also emits float and double comparison hooks, which
// libFuzzer lacks: no-ops here. The integer ones are libFuzzer's.

#include <cstddef>
#include <cstdint>

extern "C" void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);
extern "C" void __sanitizer_cov_pcs_init(const uintptr_t *begin, const uintptr_t *end);

#define TABLEORDER_HOOK extern "C" __attribute__((no_sanitize_coverage, no_sanitize_address, no_sanitize("undefined")))

namespace {

constexpr unsigned kBits = 16;
constexpr std::size_t kSlots = std::size_t(1) << kBits;

alignas(4096) uint8_t counters[kSlots];
// {pc, flags} pairs, one per counter, as clang's pc-table section holds them.
alignas(4096) uintptr_t pcTable[2 * kSlots];
thread_local uintptr_t previous = 0;

__attribute__((constructor, no_sanitize_coverage, no_sanitize_address)) void registerCounters()
{
    for (std::size_t i = 0; i < kSlots; ++i)
        pcTable[2 * i] = i + 1;
    __sanitizer_cov_8bit_counters_init(counters, counters + kSlots);
    __sanitizer_cov_pcs_init(pcTable, pcTable + 2 * kSlots);
}

} // namespace

TABLEORDER_HOOK void __sanitizer_cov_trace_pc()
{
    const auto pc = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    const uintptr_t block = (pc * 0x9E3779B97F4A7C15ull) >> (64 - kBits);
    ++counters[(block ^ previous) & (kSlots - 1)];
    previous = block >> 1;
}

TABLEORDER_HOOK void __sanitizer_cov_trace_cmpf(float, float) {}
TABLEORDER_HOOK void __sanitizer_cov_trace_cmpd(double, double) {}
