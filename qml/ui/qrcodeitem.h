#pragma once

#include <QImage>
#include <QQuickPaintedItem>

namespace tableorder::ui {

/// A QR code drawn with libqrencode (QML type "QrCode", registered by the kitchen and tablet apps): black modules
/// on white with the standard four-module quiet zone, scaled to whole pixels per module so
/// a camera reads it from across a table. Empty text draws nothing.
class QrCodeItem : public QQuickPaintedItem
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    /// Modules per side including the quiet zone; 0 when there is no code.
    Q_PROPERTY(int modules READ modules NOTIFY textChanged)
public:
    explicit QrCodeItem(QQuickItem *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] int modules() const { return m_matrix.isNull() ? 0 : m_matrix.width(); }

    /// One pixel per module (quiet zone included), black on white; null for empty text or
    /// text too long for a QR code.
    [[nodiscard]] static QImage matrix(const QString &text);

    void paint(QPainter *painter) override;

signals:
    void textChanged();

private:
    QString m_text;
    QImage m_matrix;
};

} // namespace tableorder::ui
