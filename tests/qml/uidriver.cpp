#include "uidriver.h"

#include <tuple>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTest>

#include <algorithm>

namespace tableorder::test {

namespace {

QQuickItem *search(QQuickItem *item, const QString &name, bool visibleOnly)
{
    if (!item || (visibleOnly && !item->isVisible()))
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = search(child, name, visibleOnly))
            return found;
    }
    return nullptr;
}

} // namespace

QQuickItem *UiDriver::find(const QString &objectName) const
{
    return m_window ? search(m_window->contentItem(), objectName, true) : nullptr;
}

QQuickItem *UiDriver::findAny(const QString &objectName) const
{
    return m_window ? search(m_window->contentItem(), objectName, false) : nullptr;
}

bool UiDriver::tap(const QString &objectName)
{
    return tap(find(objectName));
}

namespace {

/// As a user swipes a row or list until the control is in view: each Flickable around the item
/// whose visible part does not hold the item's centre moves just enough to show it whole.
void bringIntoView(QQuickItem *item)
{
    for (QQuickItem *parent = item->parentItem(); parent; parent = parent->parentItem()) {
        if (!parent->inherits("QQuickFlickable"))
            continue;
        // A control whose centre is already in view is tapped where it is.
        const QPointF centre = item->mapToItem(parent, QPointF(item->width() / 2, item->height() / 2));
        if (QRectF(0, 0, parent->width(), parent->height()).contains(centre))
            continue;
        auto *content = parent->property("contentItem").value<QQuickItem *>();
        const QRectF rect = item->mapRectToItem(content, QRectF(0, 0, item->width(), item->height()));
        for (const auto &[pos, size, viewSize, contentSize, name] :
             {std::tuple{rect.x(), rect.width(), parent->width(), parent->property("contentWidth").toReal(), "contentX"},
              std::tuple{rect.y(), rect.height(), parent->height(), parent->property("contentHeight").toReal(), "contentY"}}) {
            const qreal now = parent->property(name).toReal();
            qreal wanted = now;
            if (pos < now)
                wanted = pos;
            else if (pos + size > now + viewSize)
                wanted = pos + size - viewSize;
            wanted = std::clamp(wanted, 0.0, std::max(0.0, contentSize - viewSize));
            if (wanted != now)
                parent->setProperty(name, wanted);
        }
    }
}

} // namespace

bool UiDriver::tap(QQuickItem *item)
{
    if (!item || !m_window || !item->isEnabled())
        return false;
    bringIntoView(item);
    const QPoint centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre);
    return true;
}

bool UiDriver::scrollAndTap(const QString &objectName)
{
    QQuickItem *item = find(objectName);
    if (!item)
        return false;
    for (QQuickItem *parent = item->parentItem(); parent; parent = parent->parentItem()) {
        if (!parent->inherits("QQuickFlickable"))
            continue;
        auto *content = parent->property("contentItem").value<QQuickItem *>();
        const qreal y = item->mapToItem(content, QPointF(0, 0)).y();
        const qreal most = std::max(0.0, parent->property("contentHeight").toReal() - parent->height());
        parent->setProperty("contentY", std::clamp(y - parent->height() / 3, 0.0, most));
        break;
    }
    return tap(objectName); // positions follow contentY at once; no frame needed

}

bool UiDriver::type(const QString &objectName, const QString &text)
{
    QQuickItem *item = find(objectName);
    if (!item)
        return false;
    // A TextInputField holds its TextField as `input`.
    QObject *target = item;
    if (const QVariant input = item->property("input"); input.isValid() && input.value<QObject *>())
        target = input.value<QObject *>();
    return target->setProperty("text", text);
}

QString UiDriver::text(const QString &objectName) const
{
    QQuickItem *item = find(objectName);
    return item ? item->property("text").toString() : QString();
}

bool UiDriver::save(const QString &path) const
{
    if (!m_window)
        return false;
    const QImage image = m_window->grabWindow();
    QDir().mkpath(QFileInfo(path).absolutePath());
    return !image.isNull() && image.save(path);
}

} // namespace tableorder::test
