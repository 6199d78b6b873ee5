#pragma once

#include "http/httpserver.h"

#include <QTimeZone>

namespace tableorder {
class Metrics;
namespace http {
class RateLimiter;
class LoginGate;
}
} // namespace tableorder

namespace tableorder::edge {

class AuthService;
class MenuService;
class OrderService;
class TableService;
class PairingService;
class EventHub;
class BackupService;
class CallService;
class EventLog;
class VisitService;
class BusinessDayService;
class PrinterService;
class GuestService;
struct EdgeConfig;

/// What the route files need; owned by EdgeApp.
struct RouteContext
{
    const EdgeConfig &config;
    AuthService &auth;
    MenuService &menu;
    OrderService &orders;
    TableService &tables;
    http::RateLimiter &limiter;
    http::LoginGate &logins;
    Metrics &metrics;
    QTimeZone zone;
    std::function<bool()> databaseUsable;
    EventHub *hub = nullptr;
    BackupService *backups = nullptr;
    /// SHA-256 of the served TLS certificate (64 hex digits); empty when TLS is off.
    QString tlsFingerprint;
    PairingService *pairing = nullptr;
    CallService *calls = nullptr;
    EventLog *events = nullptr;
    /// How tablets on the LAN reach this edge (scheme://address:port for each non-loopback
    /// address it listens on); set once it listens.
    QStringList edgeUrls;
    /// scheme://address:port this edge listens on (loopback included): the guests' LAN address
    /// of last resort (a demo on 127.0.0.1).
    QString listenUrl;
    VisitService *visits = nullptr;
    BusinessDayService *days = nullptr;
    PrinterService *printers = nullptr;
    GuestService *guests = nullptr;
};

void registerAuthRoutes(http::HttpServer &server, RouteContext &ctx);
void registerMenuRoutes(http::HttpServer &server, RouteContext &ctx);
void registerOrderRoutes(http::HttpServer &server, RouteContext &ctx);
void registerTableRoutes(http::HttpServer &server, RouteContext &ctx);
void registerSystemRoutes(http::HttpServer &server, RouteContext &ctx);
/// POST /api/v1/tables/{id}/pairing-code (manager), POST /api/v1/auth/table-pair.
void registerPairingRoutes(http::HttpServer &server, RouteContext &ctx);
/// POST/GET /api/v1/calls, POST /api/v1/calls/{id}/ack|done.
void registerCallRoutes(http::HttpServer &server, RouteContext &ctx);
/// GET /api/v1/audit (manager): what staff and tables did, from the event log.
void registerAuditRoutes(http::HttpServer &server, RouteContext &ctx);
/// The bill and its splits, payments, voids, discounts, moving and merging visits, closing a
/// visit, and the business day's close and Z report (issue 13).
void registerBillRoutes(http::HttpServer &server, RouteContext &ctx);
/// Kitchen printers (issue 14): printers, station modes, reprint, the print queue.
void registerPrinterRoutes(http::HttpServer &server, RouteContext &ctx);
/// GET /api/v1/backups (status and files), POST /api/v1/backups (start one now).
void registerBackupRoutes(http::HttpServer &server, RouteContext &ctx);
/// GET /api/v1/events (SSE), POST /api/v1/orders/{id}/ack, and WebSocket connections at
/// /api/v1/ws.
void registerRealtimeRoutes(http::HttpServer &server, RouteContext &ctx);
/// Refuses a WebSocket upgrade before it happens (bad token, full, bad cursor): a complete
/// HTTP error response, or empty to let it through.
QByteArray webSocketUpgradeCheck(RouteContext &ctx, QByteArrayView target,
                                 const QHash<QByteArray, QByteArray> &headers);

/// GET /api/v1/menu's answer (ETag, gzip, 304), shared with the guests' menu.
http::HttpResponse menuResponse(MenuService &menu, const http::HttpRequest &req);
/// A picture file of the menu (content-addressed: cached forever), or 404.
http::HttpResponse imageResponse(const QString &imageDir, const QString &name);
/// Guests' phones (issue 16): `/` (the store's page), `/t/{code}` (the guest app),
/// `/guest/*` (its files), `/api/v1/guest/*` (their API), and the staff routes that manage
/// table codes, visits opened to phones and table cards.
void registerGuestRoutes(http::HttpServer &server, RouteContext &ctx);
/// What guest rate limits key on: the client's address (a relayed request's is the phone's).
QString guestClientKey(const http::HttpRequest &req);
/// How phones on the store's Wi-Fi reach this edge: guest/lan-url, else the first LAN address.
QString guestLanUrl(const RouteContext &ctx);
/// A table's order address: {guest/public-url}/t/{code} when set, else {lan url}/t/{code}.
QString guestOrderUrl(const RouteContext &ctx, const QString &tableCode);

/// Verifies the bearer token, checks the route's Access flags and applies rate limits.
http::HttpServer::Authorizer makeAuthorizer(RouteContext &ctx);
/// 429 RATE_LIMITED with Retry-After.
http::HttpResponse rateLimited(int retryAfterSeconds);

} // namespace tableorder::edge
