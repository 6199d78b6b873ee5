#include "cachednetworkfactory.h"

#include "certificatepins.h"

#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkProxy>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace tableorder::ui {

CachedNetworkFactory::CachedNetworkFactory(QString directory, qint64 maxBytes)
    : m_directory(directory.isEmpty()
                          ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/pictures"_s
                          : std::move(directory)),
      m_maxBytes(maxBytes)
{
}

QNetworkAccessManager *CachedNetworkFactory::create(QObject *parent)
{
    // Called on QML's loader threads as well: everything here is per manager.
    // Pictures come from the edge: over TLS, only its pinned certificate is accepted.
    auto *nam = new client::PinnedNetworkAccessManager(parent);
    nam->setProxy(QNetworkProxy::NoProxy);
    auto *cache = new QNetworkDiskCache(nam);
    cache->setCacheDirectory(m_directory);
    cache->setMaximumCacheSize(m_maxBytes);
    nam->setCache(cache);
    return nam;
}

} // namespace tableorder::ui
