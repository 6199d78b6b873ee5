#pragma once

#include <QByteArray>
#include <QString>

/// Codes people read off a screen or a card and type (pairing codes, table codes, visit
/// codes): Crockford's base32, where nothing reads as another character.
namespace tableorder::edge::humancode {

/// The first `length` characters of `bytes` in base32 (5 bits each, most significant first);
/// `bytes` must carry at least 5 * length bits.
[[nodiscard]] QString encode(const QByteArray &bytes, int length);

/// What a person typed, as the code it means: upper case, dashes and spaces dropped, I and L
/// read as 1, O as 0. Empty when a character is not in the alphabet or the length is not
/// `length`.
[[nodiscard]] QString normalize(const QString &text, int length);

} // namespace tableorder::edge::humancode
