#include "compression.h"

#include <zlib.h>

namespace tableorder::http {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

/// The q-value of one `coding;q=0.5` element: 1 without one, -1 when unreadable.
double qValue(QByteArrayView params)
{
    double q = 1;
    while (!params.isEmpty()) {
        const qsizetype semi = params.indexOf(';');
        const QByteArrayView param = trimmed(semi < 0 ? params : params.first(semi));
        params = semi < 0 ? QByteArrayView() : params.sliced(semi + 1);
        if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
            bool ok = false;
            q = param.sliced(2).toDouble(&ok);
            if (!ok || q < 0 || q > 1)
                return -1;
        }
    }
    return q;
}

} // namespace

bool acceptsGzip(QByteArrayView acceptEncoding)
{
    double gzipQ = -1;
    double anyQ = -1;
    while (!acceptEncoding.isEmpty()) {
        const qsizetype comma = acceptEncoding.indexOf(',');
        const QByteArrayView element = comma < 0 ? acceptEncoding : acceptEncoding.first(comma);
        acceptEncoding = comma < 0 ? QByteArrayView() : acceptEncoding.sliced(comma + 1);
        const qsizetype semi = element.indexOf(';');
        const QByteArray coding = trimmed(semi < 0 ? element : element.first(semi)).toByteArray().toLower();
        const double q = qValue(semi < 0 ? QByteArrayView() : element.sliced(semi + 1));
        if (q < 0)
            return false;
        if (coding == "gzip" || coding == "x-gzip")
            gzipQ = q;
        else if (coding == "*")
            anyQ = q;
    }
    return gzipQ >= 0 ? gzipQ > 0 : anyQ > 0;
}

QByteArray gzip(QByteArrayView data, int level)
{
    z_stream stream{};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const auto written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

} // namespace tableorder::http
