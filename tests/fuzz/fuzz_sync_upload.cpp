// Central's reading of a store's upload (POST /sync/v1/events, protobuf): the bytes as the
// route parses them, the event checks (decodeEvents), the order projection of each order
// event (orderFromJson) and the health snapshots' flattening and hourly roll-up: all that
// central does with an upload before it touches the database. What a leaked store key
// could make central read.

#include "domain.h"
#include "fuzzcheck.h"
#include "services/fleetservice.h"
#include "services/syncservice.h"
#include "sync.pb.h"

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::central;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sync::v1::UploadRequest request;
    if (!request.ParseFromArray(data, int(size)))
        return 0;

    if (auto decoded = decodeEvents(request)) {
        FUZZ_CHECK(decoded->events.size() == request.events_size());
        FUZZ_CHECK(decoded->data.size() == decoded->events.size());
        FUZZ_CHECK(decoded->events.size() <= kMaxBatchEvents);
        for (qsizetype i = 0; i < decoded->events.size(); ++i) {
            const Event &event = decoded->events.at(i);
            FUZZ_CHECK(event.seq > 0 && !event.id.isEmpty() && !event.type.isEmpty());
            FUZZ_CHECK(i == 0 || event.seq == decoded->events.at(i - 1).seq + 1);
            if (event.type == QLatin1StringView(events::OrderCreated)
                || event.type == QLatin1StringView(events::OrderUpdated)) {
                if (auto order = orderFromJson(event.data)) {
                    Money sum = 0;
                    for (const OrderLine &line : std::as_const(order->items)) {
                        FUZZ_CHECK(line.quantity > 0);
                        sum += line.lineTotal;
                    }
                    FUZZ_CHECK(!order->items.isEmpty() && sum == order->total);
                }
            }
        }
    } else {
        FUZZ_CHECK(decoded.error().code == ErrorCode::ValidationFailed
                   || decoded.error().code == ErrorCode::SchemaNotSupported);
    }

    QJsonObject hour;
    int samples = 0;
    for (const auto &snapshot : request.health()) {
        if (!parseTimestamp(QString::fromStdString(snapshot.at())).isValid())
            continue;
        hour = FleetService::rollUp(hour, samples++, FleetService::flatten(snapshot));
    }
    return 0;
}
