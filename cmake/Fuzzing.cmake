# Coverage instrumentation for the libFuzzer targets (preset `fuzz`, TABLEORDER_BUILD_FUZZ=ON).
# Included before the libraries, so that everything the targets link is instrumented
# (Qt, protobuf and libsodium are not: they come from Debian).
#
# The project needs std::expected. libstdc++ 12 declares it only for compilers whose
# __cpp_concepts is 202002 (C++20 concepts with conditionally trivial special members),
# which clang has from version 16 on: Debian 12's clang-14 cannot compile the project.
# With g++ the fuzz build uses libFuzzer's runtime from libfuzzer-14-dev with g++'s own
# instrumentation: -fsanitize-coverage=trace-pc (a hook per basic block, turned into edge
# counters libFuzzer reads by tests/fuzz/gcc_coverage.cpp) and trace-cmp (comparison
# operands, which libFuzzer's own hooks turn into mutations). With clang 16 or newer the
# usual -fsanitize=fuzzer-no-link / -fsanitize=fuzzer is used instead.
if(NOT TABLEORDER_SANITIZE)
    message(FATAL_ERROR "TABLEORDER_BUILD_FUZZ needs TABLEORDER_SANITIZE=ON (use the fuzz preset)")
endif()
if(TABLEORDER_BUILD_TESTS OR TABLEORDER_BUILD_APPS OR TABLEORDER_BUILD_BENCH)
    message(FATAL_ERROR "TABLEORDER_BUILD_FUZZ instruments every library: configure it without tests, "
                        "apps and bench programs (use the fuzz preset)")
endif()

if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
        message(FATAL_ERROR "clang ${CMAKE_CXX_COMPILER_VERSION} cannot compile libstdc++'s <expected> "
                            "(needs clang 16); the fuzz preset builds with g++ and libFuzzer's runtime")
    endif()
    set(TABLEORDER_FUZZ_ENGINE "clang")
    add_compile_options(-fsanitize=fuzzer-no-link)
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    set(TABLEORDER_FUZZ_ENGINE "gcc")
    find_file(TABLEORDER_LIBFUZZER libFuzzer.a PATHS /usr/lib/llvm-14/lib NO_DEFAULT_PATH)
    if(NOT TABLEORDER_LIBFUZZER)
        message(FATAL_ERROR "libFuzzer.a not found: apt-get install libfuzzer-14-dev")
    endif()
    # float-cast-overflow is not part of g++'s -fsanitize=undefined (it is of clang's).
    add_compile_options(-fsanitize-coverage=trace-pc,trace-cmp -fsanitize=float-cast-overflow)
    add_link_options(-fsanitize=float-cast-overflow)
else()
    message(FATAL_ERROR "TABLEORDER_BUILD_FUZZ needs g++ or clang (16 or newer)")
endif()
