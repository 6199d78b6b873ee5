#pragma once

#include "http/httpserver.h"
#include "services/menupublisher.h"
#include "storage/tenantrepository.h"

namespace tableorder {
class Metrics;
namespace http {
class RateLimiter;
class LoginGate;
}
} // namespace tableorder

namespace tableorder::central {

class HqAuthService;
class StoreService;
class SyncService;
class MenuPublisher;
class ImageLibrary;
class ReportService;
class LiveFeed;
class IngestRepository;
class FleetService;
class AlertService;
class StreamTicketService;
class HqAccountService;
class StoreSettingsService;
class SloService;
class RelayHub;
class RelayRepository;
struct CentralConfig;

/// Route access: public, any HQ account, or HQ admins only. HqStreamTicket (with HqAny): an
/// event stream that also opens with `?ticket=` from POST /api/v1/feed/stream-ticket.
enum HqAccess : int { HqPublic = 0, HqAny = 1, HqAdmin = 2, StoreKey = 4, HqStreamTicket = 8 };

struct CentralContext
{
    const CentralConfig &config;
    HqAuthService &auth;
    StoreService &stores;
    SyncService &sync;
    MenuPublisher &menus;
    ImageLibrary &images;
    ReportService &reports;
    LiveFeed &feed;
    IngestRepository &ingest;
    http::RateLimiter &limiter;
    http::LoginGate &logins;
    Metrics &metrics;
    std::function<bool()> databaseUsable;
    FleetService &fleet;
    AlertService &alerts;
    StreamTicketService &tickets;
    HqAccountService &accounts;
    StoreSettingsService &storeSettings;
    SloService &slo;
    RelayHub &relay;
    RelayRepository &relayInfo;
    QByteArray relayClientKey; // keys the hash of a phone's address handed to its store
};

/// `?publish=later` stages a menu edit, `?publish=now` (or none) publishes it; else 400.
[[nodiscard]] Result<PublishMode> publishModeOf(const http::HttpRequest &req);

void registerHqRoutes(http::HttpServer &server, CentralContext &ctx);
void registerCentralMenuRoutes(http::HttpServer &server, CentralContext &ctx);
/// Picture uploads (HQ) and the public, immutable /images/{hash}.jpg.
void registerImageRoutes(http::HttpServer &server, CentralContext &ctx);
void registerReportRoutes(http::HttpServer &server, CentralContext &ctx);
void registerSyncRoutes(http::HttpServer &server, CentralContext &ctx);
/// Fleet health, per-store time series, alerts and alert settings.
void registerFleetRoutes(http::HttpServer &server, CentralContext &ctx);
/// HQ accounts (issue 17): /api/v1/users, invitations, the HQ audit log.
void registerUserRoutes(http::HttpServer &server, CentralContext &ctx);
/// PUT /api/v1/stores/{id}: name, time zone, business-day cutoff (issue 17).
void registerStoreSettingsRoutes(http::HttpServer &server, CentralContext &ctx);
/// GET /api/v1/stores/{id}/slo: the week's SLO (issue 17).
void registerSloRoutes(http::HttpServer &server, CentralContext &ctx);
/// The guest app at /s/{store}/t/{code} and /s/{store}/guest/*, the guest API relayed to the
/// store at /s/{store}/api/v1/guest/*, and the edges' relay WebSocket at /relay/v1/connect.
void registerGuestRoutes(http::HttpServer &server, CentralContext &ctx);
/// Refuses a relay WebSocket upgrade without a valid store key (a complete HTTP response).
QByteArray relayUpgradeCheck(CentralContext &ctx, QByteArrayView target, const QHash<QByteArray, QByteArray> &headers);
void registerCentralSystemRoutes(http::HttpServer &server, CentralContext &ctx);
/// The HQ dashboard (static files compiled in) at / and /dashboard/*.
void registerDashboardRoutes(http::HttpServer &server);
/// The store a sync request is for, from its key (Authorization: Bearer), never from the body.
[[nodiscard]] Result<StoreRecord> storeFromKey(CentralContext &ctx, const http::HttpRequest &req);
http::HttpServer::Authorizer makeCentralAuthorizer(CentralContext &ctx);

} // namespace tableorder::central
