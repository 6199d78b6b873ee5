#pragma once

#include <QJsonValue>
#include <QString>

#include <expected>

namespace tableorder {

/// Machine-readable error codes; each maps to one HTTP status in errorStatus().
enum class ErrorCode {
    ValidationFailed,
    Unauthenticated,
    InvalidToken,
    TokenExpired,
    /// A token whose principal changed (password, role, disabled, removed) or that logged out.
    TokenRevoked,
    InvalidCredentials,
    /// A tablet pairing code that was already exchanged for a token (single use).
    PairingCodeUsed,
    /// A tablet pairing code past its lifetime, replaced by a newer one, or of a removed table.
    PairingCodeExpired,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    ItemUnavailable,
    /// A chosen option is switched off (details.option_ids).
    OptionUnavailable,
    /// An order wants more portions than the item has left (details.menu_item_id, remaining).
    OutOfStock,
    InvalidTransition,
    LimitReached,
    NoOpenSession,
    AlreadyExists,
    IdempotencyKeyReused,
    SchemaNotSupported,
    MenuManagedCentrally,
    PayloadTooLarge,
    HeadersTooLarge,
    UnsupportedMediaType,
    RequestTimeout,
    RateLimited,
    Unavailable,
    TooManyConnections,
    TooManyStreams,
    /// Central cannot reach the store: its relay connection is down (503; details.lan_url and
    /// details.wifi_ssid say how to reach it on the store's Wi-Fi).
    StoreOffline,
    /// The store's relay connection broke or the store answered with something unusable (502).
    BadGateway,
    /// The store did not answer a relayed request in time (504).
    GatewayTimeout,
    /// A CORS preflight from a browser origin that is not on the allow-list.
    OriginNotAllowed,
    /// A payment larger than what is due, or a correction (void, discount) that would take the
    /// total below what was already paid (details.due, details.amount).
    ExceedsDue,
    /// Closing a visit that still owes money or has orders cooking (details.due,
    /// details.cooking_orders) without a manager's force and reason.
    VisitUnsettled,
    /// Closing a business day while visits of it are unpaid (details.open_visits) without a
    /// manager's force and reason.
    DayUnsettled,
    /// The data directory's file system is full: nothing was written; retry once space frees.
    StorageFull,
    /// Guests (issue 16): joining a table whose visit needs the code on the table's tablet
    /// (or staff opening the visit) with only the table's printed code.
    VisitCodeRequired,
    /// Guests: a visit code that is not the table's current one (an old photo, a typo).
    VisitCodeInvalid,
    /// Guests: the visit a phone's token belongs to has ended; the phone must join again.
    VisitEnded,
    Internal,
};

/// The one error type of the project: `{code, message, details}`, rendered as the
/// HTTP error envelope `{"error":{"code":..,"message":..,"details":..}}` in one place.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonValue details = QJsonValue::Undefined;

    static Error validation(const QString &field, const QString &message);
    static Error notFound(const QString &what);
    static Error internal();
    static Error storageFull();
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

/// "VALIDATION_FAILED" etc.
QString errorCodeName(ErrorCode code);
int errorStatus(ErrorCode code);

inline std::unexpected<Error> fail(ErrorCode code, const QString &message,
                                   const QJsonValue &details = QJsonValue::Undefined)
{
    return std::unexpected(Error{code, message, details});
}
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected(std::move(error));
}

} // namespace tableorder
