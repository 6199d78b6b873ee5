#pragma once

#include "error.h"
#include "http/httprequest.h"
#include "services/menuservice.h"
#include "services/orderservice.h"
#include "storage/orderrepository.h"

#include <QTimeZone>

namespace tableorder::edge {

/// JSON request bodies and query strings to service inputs; every error names its field.
[[nodiscard]] Result<OrderInput> orderInputFromJson(const QByteArray &body);
[[nodiscard]] Result<CategoryInput> categoryInputFromJson(const QByteArray &body);
[[nodiscard]] Result<ItemInput> itemInputFromJson(const QByteArray &body);
[[nodiscard]] Result<menu::OptionGroup> optionGroupInputFromJson(const QByteArray &body);
/// `{ids: [id, ...]}`: distinct positive ids, at most 1000 (a display order).
[[nodiscard]] Result<QList<qint64>> idOrderFromJson(const QByteArray &body);
/// A call for staff: `{reason: 1-32 chars, note?: string}` as (reason, note).
[[nodiscard]] Result<std::pair<QString, QString>> callInputFromJson(const QByteArray &body);
/// `{stock: int >= 0 | null}`.
[[nodiscard]] Result<std::optional<qint64>> stockInputFromJson(const QByteArray &body);
[[nodiscard]] Result<OrderFilter> orderFilterFromQuery(const http::HttpRequest &request,
                                                       const QTimeZone &zone);
/// `from`/`to` as ISO timestamps or dates (a date `to` includes that whole day).
[[nodiscard]] Result<std::pair<QDateTime, QDateTime>> timeRangeFromQuery(
        const http::HttpRequest &request, const QTimeZone &zone);
/// `stations=bar,kitchen`: valid station names, each once; empty when absent (all stations).
[[nodiscard]] Result<QStringList> stationsFromQuery(const QString &text);
[[nodiscard]] Result<std::pair<int, int>> pageFromQuery(const http::HttpRequest &request,
                                                        int defaultLimit, int maxLimit);

} // namespace tableorder::edge
