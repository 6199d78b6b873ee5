#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tableorder::http {

/// Whether an `Accept-Encoding` header value accepts gzip: a `gzip` (or `x-gzip`) coding, or
/// `*`, whose q-value is not 0 (RFC 9110 §12.5.3). Anything unreadable counts as "no": the
/// identity body is always a correct answer.
[[nodiscard]] bool acceptsGzip(QByteArrayView acceptEncoding);

/// `data` as a gzip member (RFC 1952), for `Content-Encoding: gzip`. Empty on failure.
[[nodiscard]] QByteArray gzip(QByteArrayView data, int level = 6);

} // namespace tableorder::http
