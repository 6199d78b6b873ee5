#pragma once

#include "error.h"

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace tableorder::central {

/// Whether an address is one a webhook must not reach from central unless allowed: the
/// unspecified address, loopback, link-local, private (RFC 1918, IPv6 unique-local), shared
/// carrier-grade NAT (100.64.0.0/10), multicast, broadcast and reserved ranges, IPv6 site-local,
/// and IPv4 addresses embedded in IPv6 (mapped, NAT64) that are any of those.
[[nodiscard]] bool isInternalAddress(const QHostAddress &address);

/// The first internal address of `addresses`, or nullopt when all are public.
[[nodiscard]] std::optional<QHostAddress> firstInternal(const QList<QHostAddress> &addresses);

/// A webhook URL HQ may save: http(s), at most 2,000 characters, and (unless
/// `allowInternal`) a host that is a public address or a name resolving only to public
/// addresses. VALIDATION_FAILED (field webhook_url) says why not. Resolves the name (blocking):
/// only for saving the setting, which admins do rarely.
[[nodiscard]] Status checkWebhookUrl(const QString &url, bool allowInternal);

} // namespace tableorder::central
