#include "qrscanner.h"

#include "qrdecoder.h"

#ifdef TABLEORDER_HAVE_MULTIMEDIA
#include <QCameraDevice>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>
#endif

using namespace Qt::StringLiterals;

namespace tableorder::tablet {

QrScanner::QrScanner(QObject *parent) : QObject(parent) {}

bool QrScanner::available() const
{
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    return QrDecoder::available() && !QMediaDevices::videoInputs().isEmpty();
#else
    return false;
#endif
}

QObject *QrScanner::videoSink() const
{
    return m_sink;
}

void QrScanner::setVideoSink(QObject *sink)
{
    if (sink == m_sink)
        return;
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    if (auto *old = qobject_cast<QVideoSink *>(m_sink.data()))
        disconnect(old, nullptr, this, nullptr);
    if (auto *video = qobject_cast<QVideoSink *>(sink))
        connect(video, &QVideoSink::videoFrameChanged, this, &QrScanner::onFrame);
#endif
    m_sink = sink;
    emit videoSinkChanged();
}

void QrScanner::onFrame(const QVideoFrame &frame)
{
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    // A decode takes tens of milliseconds on a tablet: three a second is enough to aim.
    if (m_lastScan.isValid() && m_lastScan.elapsed() < 300)
        return;
    m_lastScan.start();
    for (const QString &text : QrDecoder::decode(frame.toImage())) {
        if (!text.startsWith(u"tableorder://pair"_s, Qt::CaseInsensitive) || text == m_lastLink)
            continue;
        m_lastLink = text;
        emit linkFound(text);
        return;
    }
#else
    Q_UNUSED(frame);
#endif
}

} // namespace tableorder::tablet
