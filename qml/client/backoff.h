#pragma once

#include <QtGlobal>

#include <random>

namespace tableorder::client {

/// Exponential backoff with jitter for reconnects and retries: initial, initial*2, ... up to
/// a ceiling, each delay spread by +-jitter so a room of tablets that lost the wifi together
/// does not come back in lock step.
class Backoff
{
public:
    struct Settings
    {
        int initialMs = 500;
        int maxMs = 15'000;
        double factor = 2.0;
        double jitter = 0.2; // 0.2 = +-20 %
    };

    Backoff() : Backoff(Settings{}) {}
    explicit Backoff(Settings settings, quint32 seed = std::random_device{}());

    /// The delay before the next attempt; every call makes the following one longer.
    [[nodiscard]] int next();
    /// After a success: the next delay is the initial one again.
    void reset() { m_attempt = 0; }
    [[nodiscard]] int attempt() const { return m_attempt; }
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    void setSettings(const Settings &settings) { m_settings = settings; }

private:
    Settings m_settings;
    int m_attempt = 0;
    std::mt19937 m_random;
};

} // namespace tableorder::client
