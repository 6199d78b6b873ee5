#pragma once

namespace tableorder::edge {

/// Kitchen printers' timing (printers/* settings; docs/api.md §9).
struct PrinterSettings
{
    int pollMs = 10'000;          // status read back from idle printers
    int retryMaxMs = 30'000;      // cap of the doubling retry delay
    int connectTimeoutMs = 3'000;
    int answerTimeoutMs = 5'000;  // DLE EOT answer, and a slow printer taking a job
};

} // namespace tableorder::edge
