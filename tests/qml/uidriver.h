#pragma once

#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>

namespace tableorder::test {

/// Drives a Qt Quick window as a person would: finds items by objectName in the visual tree
/// (popups and list delegates included), taps them at their centre, reads their text, and
/// saves what the window shows.
class UiDriver
{
public:
    explicit UiDriver(QQuickWindow *window) : m_window(window) {}

    /// The first visible item with this objectName, or null.
    [[nodiscard]] QQuickItem *find(const QString &objectName) const;
    /// Like find(), but visible or not.
    [[nodiscard]] QQuickItem *findAny(const QString &objectName) const;
    /// A press and release at the item's centre; false when there is no such visible item.
    bool tap(const QString &objectName);
    bool tap(QQuickItem *item);
    /// Scrolls the Flickable that holds the item (a sheet's body, a list) until the item is
    /// in view, then taps it.
    bool scrollAndTap(const QString &objectName);
    /// Types into a TextField found by the objectName of it or of its TextInputField.
    bool type(const QString &objectName, const QString &text);
    /// `text` of the item (Text, Pill, Button...), or empty.
    [[nodiscard]] QString text(const QString &objectName) const;
    /// Renders the window and writes a PNG; false on failure.
    bool save(const QString &path) const;
    [[nodiscard]] QQuickWindow *window() const { return m_window; }

private:
    QPointer<QQuickWindow> m_window;
};

} // namespace tableorder::test
