#pragma once

#include <QObject>

namespace tableorder {

/// Turns SIGTERM and SIGINT into a Qt signal on the event loop's thread (self-pipe).
class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);

signals:
    void terminationRequested(int signal);
};

} // namespace tableorder
