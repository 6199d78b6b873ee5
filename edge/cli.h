#pragma once

#include <QStringList>

namespace tableorder::edge {

/// `tableorder-edge [serve options]`, `tableorder-edge user add|passwd ...`,
/// `tableorder-edge table add ...`. Returns the process exit code.
int runCommandLine(const QStringList &arguments);

} // namespace tableorder::edge
