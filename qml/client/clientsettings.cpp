#include "clientsettings.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tableorder::client {

ClientSettings::ClientSettings(const QString &filePath, QObject *parent)
    : QObject(parent),
      m_settings(filePath.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{
}

QUrl ClientSettings::edgeUrl() const
{
    // Stored as text: the INI stays readable and can be provisioned by hand.
    return QUrl(m_settings->value(u"edge/url"_s).toString());
}

void ClientSettings::setEdgeUrl(const QUrl &url)
{
    if (url == edgeUrl())
        return;
    m_settings->setValue(u"edge/url"_s, url.toString());
    emit changed();
}

QString ClientSettings::edgeFingerprint() const
{
    return m_settings->value(u"edge/fingerprint"_s).toString();
}

void ClientSettings::setEdgeFingerprint(const QString &fingerprint)
{
    if (fingerprint == edgeFingerprint())
        return;
    m_settings->setValue(u"edge/fingerprint"_s, fingerprint);
    emit changed();
}

QString ClientSettings::token() const
{
    return m_settings->value(u"auth/token"_s).toString();
}

QString ClientSettings::role() const
{
    return m_settings->value(u"auth/role"_s).toString();
}

void ClientSettings::setToken(const QString &token, const QString &role)
{
    m_settings->setValue(u"auth/token"_s, token);
    m_settings->setValue(u"auth/role"_s, role);
    // A token is worth nothing if it is lost in a power cut right after the login.
    m_settings->sync();
    emit changed();
}

void ClientSettings::clearToken()
{
    m_settings->remove(u"auth"_s);
    m_settings->sync();
    emit changed();
}

int ClientSettings::tableNumber() const
{
    return m_settings->value(u"table/number"_s, 0).toInt();
}

void ClientSettings::setTableNumber(int number)
{
    m_settings->setValue(u"table/number"_s, number);
    emit changed();
}

QString ClientSettings::username() const
{
    return m_settings->value(u"staff/username"_s).toString();
}

void ClientSettings::setUsername(const QString &name)
{
    m_settings->setValue(u"staff/username"_s, name);
    emit changed();
}

QString ClientSettings::language() const
{
    return m_settings->value(u"ui/language"_s, u"ko"_s).toString();
}

void ClientSettings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    m_settings->setValue(u"ui/language"_s, language);
    emit changed();
}

QStringList ClientSettings::stations() const
{
    return m_settings->value(u"kitchen/stations"_s).toStringList();
}

void ClientSettings::setStations(const QStringList &stations)
{
    m_settings->setValue(u"kitchen/stations"_s, stations);
    emit changed();
}

QJsonObject ClientSettings::pendingOrder() const
{
    return QJsonDocument::fromJson(m_settings->value(u"order/pending"_s).toByteArray()).object();
}

void ClientSettings::setPendingOrder(const QJsonObject &body)
{
    m_settings->setValue(u"order/pending"_s, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Written through before the request goes out: the id must survive a crash mid-order.
    m_settings->sync();
}

void ClientSettings::clearPendingOrder()
{
    m_settings->remove(u"order/pending"_s);
    m_settings->sync();
}

void ClientSettings::sync()
{
    m_settings->sync();
}

} // namespace tableorder::client
