#pragma once

#include <QObject>

#include <memory>

namespace tableorder::kitchen {

/// The chime for a new ticket: QtMultimedia's QSoundEffect when the build has it (Debian:
/// qt6-multimedia-dev, qml6-module-qtmultimedia), otherwise nothing audible and the board
/// relies on its visual flash.
class NewOrderSound : public QObject
{
    Q_OBJECT
public:
    explicit NewOrderSound(bool muted, QObject *parent = nullptr);
    ~NewOrderSound() override;

    void play();
    [[nodiscard]] static bool isAvailable();

private:
    struct Private;
    std::unique_ptr<Private> d;
    bool m_muted;
};

} // namespace tableorder::kitchen
