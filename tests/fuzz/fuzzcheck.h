#pragma once

#include <cstdio>
#include <cstdlib>

/// An invariant a fuzz target checks on what the code under test returned: a failure
/// aborts, which libFuzzer reports as a crash and the corpus replay as a failed test.
#define FUZZ_CHECK(condition)                                                                   \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            std::fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                       \
        }                                                                                       \
    } while (false)
