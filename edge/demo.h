#pragma once

#include "error.h"

namespace tableorder::edge {

class EdgeApp;

/// On an empty store: tables 1-12 (password 0000), staff manager/manager and
/// kitchen/kitchen, and a Korean menu of 5 categories and 30 items with pictures.
/// A store that already has tables, staff or a menu is left as it is.
[[nodiscard]] Status seedDemo(EdgeApp &app);

/// The lines printed at start so that whoever started the demo can log in.
QString demoBanner(quint16 port);

} // namespace tableorder::edge
