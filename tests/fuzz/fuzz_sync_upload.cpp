// Central's reading of a store's upload (POST /sync/v1/events, protobuf): the bytes as the
// route parses them, the conversion to the domain batch (sync::fromProto) and its checks (checkBatch), the order projection of each order
// event (orderFromJson) and the health snapshots' flattening and hourly roll-up: all that
// central does with an upload before it touches the database. What a leaked store key
// could make central read.

#include "domain.h"
#include "fuzzcheck.h"
#include "services/fleetservice.h"
#include "services/syncservice.h"
#include "sync.pb.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::central;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sync::v1::UploadRequest request;
    if (!request.ParseFromArray(data, int(size)))
        return 0;

    const sync::UploadBatch batch = sync::fromProto(request);
    FUZZ_CHECK(batch.events.size() == request.events_size());
    // The JSON central hashes and stores stands for exactly the objects it read: received
    // bytes are kept only where Qt writes them back alike.
    const QList<journal::EncodedEvent> encoded = sync::receivedJson(request, batch.events);
    FUZZ_CHECK(encoded.size() == batch.events.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const Event &event = batch.events.at(i);
        FUZZ_CHECK(encoded.at(i).data == QJsonDocument(event.data).toJson(QJsonDocument::Compact));
        FUZZ_CHECK(encoded.at(i).actor
                   == (event.actor.isEmpty() ? QByteArray() : QJsonDocument(event.actor).toJson(QJsonDocument::Compact)));
    }
    if (auto checked = checkBatch(batch)) {
        FUZZ_CHECK(batch.events.size() <= kMaxBatchEvents);
        for (qsizetype i = 0; i < batch.events.size(); ++i) {
            const Event &event = batch.events.at(i);
            FUZZ_CHECK(event.seq > 0 && !event.id.isEmpty() && !event.type.isEmpty());
            FUZZ_CHECK(i == 0 || event.seq == batch.events.at(i - 1).seq + 1);
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
        FUZZ_CHECK(checked.error().code == ErrorCode::ValidationFailed
                   || checked.error().code == ErrorCode::SchemaNotSupported);
    }

    QJsonObject hour;
    int samples = 0;
    for (const sync::HealthSnapshot &snapshot : batch.health) {
        if (!snapshot.at.isValid())
            continue;
        hour = FleetService::rollUp(hour, samples++, FleetService::flatten(snapshot));
    }
    return 0;
}
