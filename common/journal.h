#pragma once

#include "event.h"

#include <QByteArray>

namespace tableorder::journal {

/// The store's journal: each event of the edge's log carries
/// `hash = SHA-256(previous hash ‖ canonical(event))`, so that an event changed after it was
/// written no longer chains. docs/design/journal.md defines the form; these functions are
/// the one implementation, used by the edge when it appends and verifies and by central when
/// it ingests.

inline constexpr qsizetype kHashBytes = 32;

/// The hash the first event of a store chains from: 32 zero bytes.
[[nodiscard]] QByteArray genesis();

/// An event's data and actor as compact JSON (sorted keys; actor empty when the event has
/// none): what its hash covers and what its stored row holds, serialized once for both.
struct EncodedEvent
{
    QByteArray data;
    QByteArray actor;
};
[[nodiscard]] EncodedEvent encode(const Event &event);

/// The canonical bytes of an event: seq, event_id, type, at, table_id, schema_version,
/// data, actor, each as a 4-byte big-endian length followed by its UTF-8 text (numbers in
/// decimal, `at` as timestampText() writes it, data and actor as compact JSON with sorted
/// keys, actor empty when the event has none).
[[nodiscard]] QByteArray canonical(const Event &event);
/// The same, from the event's encode() already made.
[[nodiscard]] QByteArray canonical(const Event &event, const EncodedEvent &encoded);

/// SHA-256(previous ‖ canonical(event)), 32 raw bytes. `previous` is 32 raw bytes.
[[nodiscard]] QByteArray chain(const QByteArray &previous, const Event &event);
[[nodiscard]] QByteArray chain(const QByteArray &previous, const Event &event, const EncodedEvent &encoded);

/// Whether `event.hash` is what chain(previous, event) gives.
[[nodiscard]] bool chains(const QByteArray &previous, const Event &event);
[[nodiscard]] bool chains(const QByteArray &previous, const Event &event, const EncodedEvent &encoded);

} // namespace tableorder::journal
