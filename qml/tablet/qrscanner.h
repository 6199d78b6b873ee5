#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QVideoSink;
class QVideoFrame;

namespace tableorder::tablet {

/// The setup screen's "scan pairing QR": watches the frames of a camera preview (the
/// VideoOutput's videoSink, set from QML) a few times a second and reports the first
/// pairing link it reads. Without Qt Multimedia or zbar at build time `available` is false.
class QrScanner : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QObject *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
public:
    explicit QrScanner(QObject *parent = nullptr);

    /// Built with a decoder and a camera, and this device has a camera.
    [[nodiscard]] bool available() const;
    [[nodiscard]] QObject *videoSink() const;
    void setVideoSink(QObject *sink);

signals:
    void videoSinkChanged();
    /// A frame held a tableorder://pair link (reported once per distinct link).
    void linkFound(const QString &link);

private:
    void onFrame(const QVideoFrame &frame);

    QPointer<QObject> m_sink;
    QElapsedTimer m_lastScan;
    QString m_lastLink;
};

} // namespace tableorder::tablet
