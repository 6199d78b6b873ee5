#pragma once

#include <QStringList>

namespace tableorder::central {

/// `tableorder-central [serve options]`, `tableorder-central org add ...` and
/// `tableorder-central user add ...` (passwords on standard input). Returns the exit code.
int runCommandLine(const QStringList &arguments);

} // namespace tableorder::central
