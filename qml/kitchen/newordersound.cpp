#include "newordersound.h"

#ifdef TABLEORDER_HAVE_MULTIMEDIA
#include <QSoundEffect>
#endif
#include <QUrl>

namespace tableorder::kitchen {

struct NewOrderSound::Private
{
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    // Made only when the screen may make sound: it opens the audio system.
    std::unique_ptr<QSoundEffect> effect;
#endif
};

NewOrderSound::NewOrderSound(bool muted, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>()), m_muted(muted)
{
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    if (!m_muted) {
        d->effect = std::make_unique<QSoundEffect>();
        d->effect->setSource(QUrl(QStringLiteral("qrc:/kitchen/sounds/new-order.wav")));
        d->effect->setVolume(1.0);
    }
#endif
}

NewOrderSound::~NewOrderSound() = default;

bool NewOrderSound::isAvailable()
{
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    return true;
#else
    return false;
#endif
}

void NewOrderSound::play()
{
    if (m_muted)
        return;
#ifdef TABLEORDER_HAVE_MULTIMEDIA
    d->effect->play();
#endif
}

} // namespace tableorder::kitchen
