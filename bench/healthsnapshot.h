#pragma once

#include "sync.pb.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace tableorder::bench {

/// A minute of an edge's life, shaped like edge/health/healthmonitor's: eight routes, two
/// slow statements, everything else a number. About 600 bytes of protobuf.
tableorder::sync::v1::HealthSnapshot healthSnapshot(qint64 id, const QDateTime &at,
    QRandomGenerator &random, const char *edgeVersion);

} // namespace tableorder::bench
