#include "phonecodecontroller.h"

#include "apireply.h"
#include "edgeapi.h"

using namespace Qt::StringLiterals;
using namespace tableorder::client;

namespace tableorder::tablet {

PhoneCodeController::PhoneCodeController(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api) {}

void PhoneCodeController::refresh()
{
    // Only the newest answer counts: a slow one must not show the previous visit's code.
    const quint64 generation = ++m_generation;
    m_api.get(u"/api/v1/guest-visit-code"_s, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            m_failed = true;
            emit changed();
            return;
        }
        const QString code = reply.json.value(u"code"_s).toString();
        m_url = reply.json.value(u"url"_s).toString();
        m_code = code.size() == 8 ? code.left(4) + u'-' + code.mid(4) : code;
        m_failed = false;
        emit changed();
    });
}

void PhoneCodeController::forget()
{
    ++m_generation;
    m_url.clear();
    m_code.clear();
    emit changed();
    refresh();
}

} // namespace tableorder::tablet
