#pragma once

#include <QList>

#include <functional>

namespace tableorder::bench {

/// Runs the event loop for `ms` milliseconds.
void waitMs(int ms);
/// Runs the event loop until `condition` holds (true) or `timeoutMs` passed (false).
bool waitFor(const std::function<bool()> &condition, int timeoutMs);
/// CPU time this thread has used, in ms: what a frame costs even when other processes
/// compete for the cores (wall time then includes waiting for a core).
double threadCpuMs();
/// The p-th percentile (0-100) of `values`, nearest rank from below; 0 when empty.
double percentile(QList<double> values, double p);

} // namespace tableorder::bench
