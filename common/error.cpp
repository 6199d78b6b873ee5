#include "error.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tableorder {

Error Error::validation(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationFailed, message, QJsonObject{{u"field"_s, field}}};
}

Error Error::notFound(const QString &what)
{
    return Error{ErrorCode::NotFound, what + u" not found"_s, QJsonValue::Undefined};
}

Error Error::internal()
{
    return Error{ErrorCode::Internal, u"internal error"_s, QJsonValue::Undefined};
}

Error Error::storageFull()
{
    return Error{ErrorCode::StorageFull,
                 u"the store's disk is full: nothing was saved, try again shortly"_s,
                 QJsonValue::Undefined};
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ValidationFailed: return u"VALIDATION_FAILED"_s;
    case ErrorCode::Unauthenticated: return u"UNAUTHENTICATED"_s;
    case ErrorCode::InvalidToken: return u"INVALID_TOKEN"_s;
    case ErrorCode::TokenExpired: return u"TOKEN_EXPIRED"_s;
    case ErrorCode::TokenRevoked: return u"TOKEN_REVOKED"_s;
    case ErrorCode::InvalidCredentials: return u"INVALID_CREDENTIALS"_s;
    case ErrorCode::PairingCodeUsed: return u"PAIRING_CODE_USED"_s;
    case ErrorCode::PairingCodeExpired: return u"PAIRING_CODE_EXPIRED"_s;
    case ErrorCode::Forbidden: return u"FORBIDDEN"_s;
    case ErrorCode::NotFound: return u"NOT_FOUND"_s;
    case ErrorCode::MethodNotAllowed: return u"METHOD_NOT_ALLOWED"_s;
    case ErrorCode::Conflict: return u"CONFLICT"_s;
    case ErrorCode::ItemUnavailable: return u"ITEM_UNAVAILABLE"_s;
    case ErrorCode::OptionUnavailable: return u"OPTION_UNAVAILABLE"_s;
    case ErrorCode::OutOfStock: return u"OUT_OF_STOCK"_s;
    case ErrorCode::InvalidTransition: return u"INVALID_TRANSITION"_s;
    case ErrorCode::LimitReached: return u"LIMIT_REACHED"_s;
    case ErrorCode::NoOpenSession: return u"NO_OPEN_SESSION"_s;
    case ErrorCode::AlreadyExists: return u"ALREADY_EXISTS"_s;
    case ErrorCode::IdempotencyKeyReused: return u"IDEMPOTENCY_KEY_REUSED"_s;
    case ErrorCode::SchemaNotSupported: return u"SCHEMA_NOT_SUPPORTED"_s;
    case ErrorCode::MenuManagedCentrally: return u"MENU_MANAGED_CENTRALLY"_s;
    case ErrorCode::PayloadTooLarge: return u"PAYLOAD_TOO_LARGE"_s;
    case ErrorCode::HeadersTooLarge: return u"HEADERS_TOO_LARGE"_s;
    case ErrorCode::UnsupportedMediaType: return u"UNSUPPORTED_MEDIA_TYPE"_s;
    case ErrorCode::RequestTimeout: return u"REQUEST_TIMEOUT"_s;
    case ErrorCode::RateLimited: return u"RATE_LIMITED"_s;
    case ErrorCode::Unavailable: return u"UNAVAILABLE"_s;
    case ErrorCode::TooManyConnections: return u"TOO_MANY_CONNECTIONS"_s;
    case ErrorCode::TooManyStreams: return u"TOO_MANY_STREAMS"_s;
    case ErrorCode::StoreOffline: return u"STORE_OFFLINE"_s;
    case ErrorCode::BadGateway: return u"BAD_GATEWAY"_s;
    case ErrorCode::GatewayTimeout: return u"GATEWAY_TIMEOUT"_s;
    case ErrorCode::OriginNotAllowed: return u"ORIGIN_NOT_ALLOWED"_s;
    case ErrorCode::ExceedsDue: return u"EXCEEDS_DUE"_s;
    case ErrorCode::VisitUnsettled: return u"VISIT_UNSETTLED"_s;
    case ErrorCode::DayUnsettled: return u"DAY_UNSETTLED"_s;
    case ErrorCode::StorageFull: return u"STORAGE_FULL"_s;
    case ErrorCode::VisitCodeRequired: return u"VISIT_CODE_REQUIRED"_s;
    case ErrorCode::VisitCodeInvalid: return u"VISIT_CODE_INVALID"_s;
    case ErrorCode::VisitEnded: return u"VISIT_ENDED"_s;
    case ErrorCode::Internal: return u"INTERNAL"_s;
    }
    return u"INTERNAL"_s;
}

int errorStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ValidationFailed: return 400;
    case ErrorCode::Unauthenticated:
    case ErrorCode::InvalidToken:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenRevoked:
    case ErrorCode::InvalidCredentials: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::RequestTimeout: return 408;
    case ErrorCode::Conflict:
    case ErrorCode::ItemUnavailable:
    case ErrorCode::OptionUnavailable:
    case ErrorCode::OutOfStock:
    case ErrorCode::InvalidTransition:
    case ErrorCode::LimitReached:
    case ErrorCode::NoOpenSession:
    case ErrorCode::ExceedsDue:
    case ErrorCode::VisitUnsettled:
    case ErrorCode::DayUnsettled:
    case ErrorCode::AlreadyExists:
    case ErrorCode::MenuManagedCentrally: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::PairingCodeUsed:
    case ErrorCode::PairingCodeExpired: return 410;
    case ErrorCode::IdempotencyKeyReused:
    case ErrorCode::SchemaNotSupported: return 422;
    case ErrorCode::RateLimited:
    case ErrorCode::TooManyStreams: return 429;
    case ErrorCode::OriginNotAllowed: return 403;
    case ErrorCode::VisitCodeRequired:
    case ErrorCode::VisitCodeInvalid: return 403;
    case ErrorCode::VisitEnded: return 410;
    case ErrorCode::HeadersTooLarge: return 431;
    case ErrorCode::StoreOffline: return 503;
    case ErrorCode::BadGateway: return 502;
    case ErrorCode::GatewayTimeout: return 504;
    case ErrorCode::Internal: return 500;
    case ErrorCode::Unavailable:
    case ErrorCode::TooManyConnections:
    case ErrorCode::StorageFull: return 503;
    }
    return 500;
}

} // namespace tableorder
