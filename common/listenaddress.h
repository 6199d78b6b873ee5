#pragma once

#include "error.h"

#include <QHostAddress>

namespace tableorder {

/// `ADDRESS:PORT` (`127.0.0.1:8080`, `[::1]:8080`, `*:8080`, `localhost:8080`).
[[nodiscard]] Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);

} // namespace tableorder
