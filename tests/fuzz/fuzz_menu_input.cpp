// A manager's menu edit on the edge (POST/PATCH /api/v1/menu/categories and /items): the
// body as read into a CategoryInput or ItemInput and the checks MenuService makes before
// it writes. The first byte picks category (even) or item (odd).

#include "fuzzcheck.h"
#include "http/edgejson.h"
#include "services/menuservice.h"

using namespace tableorder;
using namespace tableorder::edge;

namespace {

void checkError(const Error &error)
{
    // LIMIT_REACHED: more than 10 option groups on an item or 14 hours windows.
    FUZZ_CHECK(error.code == ErrorCode::ValidationFailed || error.code == ErrorCode::LimitReached);
    FUZZ_CHECK(!error.message.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    if (data[0] & 1) {
        auto input = itemInputFromJson(body);
        if (!input) {
            checkError(input.error());
            return 0;
        }
        FUZZ_CHECK(!input->categoryId || *input->categoryId >= 1);
        FUZZ_CHECK(!input->price || (*input->price >= 0 && *input->price <= 100'000'000));
        FUZZ_CHECK(!input->displayOrder || std::abs(*input->displayOrder) <= 1'000'000);
        FUZZ_CHECK(!input->optionGroupIds || input->optionGroupIds->size() <= menu::maxGroupsPerItem);
        FUZZ_CHECK(!input->hours || input->hours->size() <= menu::maxHoursWindows);
        FUZZ_CHECK(!input->stock || !*input->stock || **input->stock >= 0);
        if (auto ok = MenuService::checkItem(*input); ok) {
            FUZZ_CHECK(!input->name || (!input->name->isEmpty() && input->name->size() <= 100));
            FUZZ_CHECK(!input->description || input->description->size() <= 500);
        } else {
            checkError(ok.error());
        }
        return 0;
    }
    auto input = categoryInputFromJson(body);
    if (!input) {
        checkError(input.error());
        return 0;
    }
    FUZZ_CHECK(!input->displayOrder || std::abs(*input->displayOrder) <= 1'000'000);
    if (auto ok = MenuService::checkCategory(*input); ok) {
        FUZZ_CHECK(!input->name || (!input->name->isEmpty() && input->name->size() <= 100));
        FUZZ_CHECK(!input->station || MenuService::isValidStation(*input->station));
    } else {
        checkError(ok.error());
    }
    return 0;
}
