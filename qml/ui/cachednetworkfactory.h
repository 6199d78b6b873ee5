#pragma once

#include <QQmlNetworkAccessManagerFactory>
#include <QString>

namespace tableorder::ui {

/// Network access for QML (menu pictures) with a disk cache: the edge names pictures by
/// their content and serves them as immutable, so a tablet that restarts shows its menu
/// from disk instead of fetching every picture again over the store's wifi.
class CachedNetworkFactory : public QQmlNetworkAccessManagerFactory
{
public:
    /// `directory` empty: the platform's cache location.
    explicit CachedNetworkFactory(QString directory = {}, qint64 maxBytes = 200 * 1024 * 1024);
    QNetworkAccessManager *create(QObject *parent) override;

private:
    QString m_directory;
    qint64 m_maxBytes;
};

} // namespace tableorder::ui
