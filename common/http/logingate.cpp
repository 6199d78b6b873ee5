#include "logingate.h"

#include "../passwordverifier.h"

using namespace Qt::StringLiterals;

namespace tableorder::http {

HttpResponse tooManyLogins(int retryAfterSeconds)
{
    return HttpResponse::error({ErrorCode::RateLimited,
                                u"too many failed logins; retry after %1 s"_s.arg(retryAfterSeconds),
                                QJsonObject{{u"retry_after"_s, retryAfterSeconds}}})
            .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

void LoginGate::check(const QString &account, const QHostAddress &client, QString hash,
                      QString password, Reply reply, std::function<Result<HttpResponse>()> complete)
{
    const QString clientKey = client.toString();
    if (auto retry = m_throttle.begin(account, clientKey)) {
        reply.send(tooManyLogins(*retry));
        return;
    }
    auto finish = [this, account, clientKey, reply, complete = std::move(complete)](bool matches) {
        if (!matches) {
            // Counted whether or not the client still listens.
            m_throttle.failed(account, clientKey);
            reply.send(HttpResponse::error({ErrorCode::InvalidCredentials, u"wrong credentials"_s, {}}));
            return;
        }
        if (!reply.isWanted()) {
            // Nobody to give a token to: neither a success nor a failure.
            m_throttle.abandoned(account, clientKey);
            return;
        }
        const Result<HttpResponse> response = complete();
        if (response)
            m_throttle.succeeded(account, clientKey);
        else if (response.error().code == ErrorCode::InvalidCredentials)
            m_throttle.failed(account, clientKey);
        else
            m_throttle.abandoned(account, clientKey);
        reply.send(response ? *response : HttpResponse::error(response.error()));
    };
    if (!m_verifier.verify(std::move(hash), std::move(password), std::move(finish))) {
        m_throttle.abandoned(account, clientKey);
        reply.send(HttpResponse::error({ErrorCode::Unavailable,
                                        u"too many logins in progress; retry after 1 s"_s,
                                        QJsonObject{{u"retry_after"_s, 1}}})
                           .withHeader("Retry-After", "1"));
    }
}

} // namespace tableorder::http
