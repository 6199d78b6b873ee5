// A tablet's order (POST /api/v1/orders): the body as the edge reads it into an
// OrderInput, and the idempotency hash made of it. What a guest's phone on the store's
// Wi-Fi, holding a table token, can send.

#include "fuzzcheck.h"
#include "http/edgejson.h"
#include "services/orderservice.h"

using namespace tableorder;
using namespace tableorder::edge;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    auto input = orderInputFromJson(body);
    if (!input) {
        FUZZ_CHECK(input.error().code == ErrorCode::ValidationFailed);
        FUZZ_CHECK(!input.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(input->clientOrderId.size() == 36);
    FUZZ_CHECK(!input->items.isEmpty() && input->items.size() <= 50);
    for (const OrderLineInput &line : std::as_const(input->items)) {
        FUZZ_CHECK(line.menuItemId >= 1 && line.menuItemId <= std::numeric_limits<qint32>::max());
        FUZZ_CHECK(line.quantity >= 1 && line.quantity <= 100);
        FUZZ_CHECK(line.note.size() <= 140);
        for (qint64 option : line.options)
            FUZZ_CHECK(option >= 1);
    }
    FUZZ_CHECK(input->note.size() <= 200);
    FUZZ_CHECK(OrderService::requestHash(*input).size() == 64);
    return 0;
}
