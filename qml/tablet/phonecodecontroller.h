#pragma once

#include <QObject>
#include <QString>

namespace tableorder::client {
class EdgeApi;
}

namespace tableorder::tablet {

/// The QR the tablet shows so that guests can order from their phones too (issue 16): the
/// table's order address with the current visit's code (GET /api/v1/guest-visit-code). The
/// code changes with every visit, so it is read again when the dialog opens, every few
/// seconds while it is open, and when the visit changes.
class PhoneCodeController : public QObject
{
    Q_OBJECT
    /// What the QR carries: {order url}#v={code}; empty until the edge answered.
    Q_PROPERTY(QString url READ url NOTIFY changed)
    /// The visit code as guests can type it (XXXX-XXXX).
    Q_PROPERTY(QString code READ code NOTIFY changed)
    /// The edge did not answer or refused (an edge without guest ordering).
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
public:
    explicit PhoneCodeController(client::EdgeApi &api, QObject *parent = nullptr);

    Q_INVOKABLE void refresh();
    /// The visit ended or began: the code shown is no longer the current one.
    void forget();

    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] bool failed() const { return m_failed; }

signals:
    void changed();

private:
    client::EdgeApi &m_api;
    QString m_url;
    QString m_code;
    bool m_failed = false;
    quint64 m_generation = 0;
};

} // namespace tableorder::tablet
