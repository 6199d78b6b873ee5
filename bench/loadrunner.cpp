#include "loadrunner.h"

#include "clock.h"
#include "closedloopworker.h"
#include "httpconnection.h"
#include "orderbodies.h"
#include "processprobe.h"
#include "ticker.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <unordered_set>

using namespace Qt::StringLiterals;

namespace tableorder::bench {

namespace {

/// Status recorded for a measured request that had no response when the run stopped.
constexpr int unansweredStatus = -1;

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

void warn(const QString &text)
{
    std::fprintf(stderr, "edge-load: %s\n", qPrintable(text));
}

QString mib(qint64 kib)
{
    return kib < 0 ? u"n/a"_s : QString::number(double(kib) / 1024.0, 'f', 1) + u" MiB"_s;
}

QString statusList(const QMap<int, qint64> &statuses)
{
    QStringList parts;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        if (it.key() == unansweredStatus)
            parts.append(u"unanswered:%1"_s.arg(it.value()));
        else
            parts.append(u"%1:%2"_s.arg(it.key()).arg(it.value()));
    }
    return parts.isEmpty() ? u"none"_s : parts.join(u',');
}

QByteArray credentialsJson(const QString &userColonPassword)
{
    const qsizetype colon = userColonPassword.indexOf(u':');
    return QJsonDocument(
        QJsonObject { { u"username"_s, userColonPassword.first(std::max<qsizetype>(colon, 0)) },
            { u"password"_s, userColonPassword.sliced(colon + 1) } })
        .toJson(QJsonDocument::Compact);
}

/// Runs the event loop for a while (bounded), e.g. to rest between search steps.
void pause(double seconds)
{
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

qint64 RunStats::ok() const
{
    qint64 n = 0;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        if (it.key() >= 200 && it.key() < 300)
            n += it.value();
    return n;
}

qint64 RunStats::failed() const
{
    qint64 n = 0;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        if (it.key() < 200 || it.key() >= 300)
            n += it.value();
    return n;
}

LoadRunner::LoadRunner(LoadOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_probe(std::make_unique<ProcessProbe>(m_options.pid))
    , m_ticker(std::make_unique<Ticker>())
{
}

LoadRunner::~LoadRunner() = default;

HttpResult LoadRunner::call(HttpConnection &connection, const QByteArray &method,
    const QByteArray &path, const QByteArray &body)
{
    // Shared with the callback: a response after the timeout must not touch this frame.
    struct Wait
    {
        HttpResult result;
        bool done = false;
        QEventLoop *loop = nullptr;
    };
    auto wait = std::make_shared<Wait>();
    QEventLoop loop;
    wait->loop = &loop;
    connection.request(method, path, body, 0, true, [wait](const HttpResult &result) {
        wait->result = result;
        wait->done = true;
        if (wait->loop)
            wait->loop->quit();
    });
    if (!wait->done) {
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    wait->loop = nullptr;
    return wait->result;
}

QByteArray LoadRunner::login(const QByteArray &path, const QByteArray &body, QString *error)
{
    m_control->setBearerToken({});
    const HttpResult result = call(*m_control, "POST", path, body);
    const QJsonObject json = QJsonDocument::fromJson(result.body).object();
    if (result.status != 200) {
        *error = u"%1 -> %2 %3"_s.arg(QString::fromLatin1(path))
                     .arg(result.status)
                     .arg(QString::fromUtf8(result.body.left(300)));
        return {};
    }
    return json.value(u"token"_s).toString().toLatin1();
}

bool LoadRunner::setup(int tables, bool staffTokens)
{
    m_control = new HttpConnection(m_options.host, m_options.port, this);
    const qint64 setupStart = nowNs();

    const HttpResult menu = call(*m_control, "GET", "/api/v1/menu");
    if (menu.status != 200) {
        warn(u"GET /api/v1/menu -> %1; is the daemon at %2:%3?"_s.arg(menu.status)
                 .arg(m_options.host)
                 .arg(m_options.port));
        return false;
    }
    const QJsonArray categories
        = QJsonDocument::fromJson(menu.body).object().value(u"categories"_s).toArray();
    const int wanted = m_options.optionsPerLine;
    for (const QJsonValue &category : categories) {
        for (const QJsonValue &value : category.toObject().value(u"items"_s).toArray()) {
            const QJsonObject item = value.toObject();
            // Unlimited items only: one with a stock count sells out during a run (409s).
            if (!item.value(u"available"_s).toBool() || !item.value(u"available_now"_s).toBool(true)
                || item.value(u"stock"_s).isDouble())
                continue;
            OrderableItem orderable{item.value(u"id"_s).toInteger(), {}};
            bool required = false;
            for (const QJsonValue &group : item.value(u"option_groups"_s).toArray()) {
                required = required || group.toObject().value(u"min_select"_s).toInt() > 0;
                QList<qint64> options;
                for (const QJsonValue &option : group.toObject().value(u"options"_s).toArray()) {
                    if (option.toObject().value(u"available"_s).toBool())
                        options.append(option.toObject().value(u"id"_s).toInteger());
                }
                if (!options.isEmpty())
                    orderable.optionGroups.append(options);
            }
            if (!required && (wanted < 0 || orderable.optionGroups.size() >= std::max(wanted, 3)))
                m_items.append(orderable);
        }
    }
    if (m_items.isEmpty()) {
        warn(wanted < 0 ? u"the menu has no available item that needs no choice"_s
                        : u"the menu has no item with three optional option groups (bench/seed-large-menu.py)"_s);
        return false;
    }
    m_bodies = std::make_unique<OrderBodies>(m_items, m_options.maxLines, std::max(0, wanted),
        QRandomGenerator::system()->generate64());

    QString error;
    QByteArray managerToken;
    if (tables > 0 || staffTokens) {
        managerToken
            = login("/api/v1/auth/staff-login", credentialsJson(m_options.manager), &error);
        if (managerToken.isEmpty()) {
            warn(u"manager login failed: "_s + error);
            return false;
        }
        m_staffTokens.append(managerToken);
    }
    if (staffTokens) {
        const QByteArray kitchenToken
            = login("/api/v1/auth/staff-login", credentialsJson(m_options.kitchen), &error);
        if (kitchenToken.isEmpty()) {
            warn(u"kitchen login failed: "_s + error);
            return false;
        }
        m_staffTokens.append(kitchenToken);
    }

    if (tables > 0) {
        m_control->setBearerToken(managerToken);
        const HttpResult list = call(*m_control, "GET", "/api/v1/tables");
        if (list.status != 200) {
            warn(u"GET /api/v1/tables -> %1"_s.arg(list.status));
            return false;
        }
        QSet<int> existing;
        for (const QJsonValue &table :
            QJsonDocument::fromJson(list.body).object().value(u"tables"_s).toArray())
            existing.insert(table.toObject().value(u"number"_s).toInt());
        int created = 0;
        for (int number = m_options.firstTable; number < m_options.firstTable + tables; ++number) {
            if (existing.contains(number))
                continue;
            m_control->setBearerToken(managerToken);
            const QByteArray body = QJsonDocument(
                QJsonObject { { u"number"_s, number }, { u"password"_s, m_options.tablePassword } })
                                        .toJson(QJsonDocument::Compact);
            const HttpResult made = call(*m_control, "POST", "/api/v1/tables", body);
            if (made.status != 201) {
                warn(
                    u"POST /api/v1/tables (table %1) -> %2 %3 (raise TABLEORDER_LIMITS_MAX_TABLES?)"_s
                        .arg(number)
                        .arg(made.status)
                        .arg(QString::fromUtf8(made.body.left(300))));
                return false;
            }
            ++created;
        }
        for (int number = m_options.firstTable; number < m_options.firstTable + tables; ++number) {
            const QByteArray body = QJsonDocument(QJsonObject { { u"table_number"_s, number },
                                                      { u"password"_s, m_options.tablePassword } })
                                        .toJson(QJsonDocument::Compact);
            const QByteArray token = login("/api/v1/auth/table-login", body, &error);
            if (token.isEmpty()) {
                warn(u"table %1 login failed: %2"_s.arg(number).arg(error));
                return false;
            }
            m_tableTokens.append(token);
            auto *tablet = new HttpConnection(m_options.host, m_options.port, this);
            tablet->setBearerToken(token);
            m_tablets.append(tablet);
        }
        say(u"setup: %1 tables (%2 created), %3 menu items, in %4 s"_s.arg(tables)
                .arg(created)
                .arg(m_items.size())
                .arg(double(nowNs() - setupStart) / 1e9, 0, 'f', 1));
    }
    for (int i = 0; i < m_options.staff && !m_staffTokens.isEmpty(); ++i) {
        auto *screen = new HttpConnection(m_options.host, m_options.port, this);
        screen->setBearerToken(m_staffTokens.at(i % m_staffTokens.size()));
        m_staff.append(screen);
    }
    if (m_options.loginRate > 0) {
        for (int i = 0; i < m_options.loginConnections; ++i)
            m_loginConnections.append(new HttpConnection(m_options.host, m_options.port, this));
    }
    m_rssSetupKiB = m_probe->rssKiB();
    return true;
}

RunStats LoadRunner::runOpenLoop(
    double rate, int tablets, int staff, double durationS, double warmupS)
{
    struct State
    {
        RunStats stats;
        qint64 measureStart = 0;
        qint64 measureEnd = 0;
        qint64 outstanding = 0;
        std::unordered_set<qint64> measuredInFlight; // intended send times, unique per order
        qint64 okInWindow = 0;
        bool sendingDone = false;
        bool finished = false;
        QEventLoop *loop = nullptr;
    };
    auto state = std::make_shared<State>();
    tablets = std::min<int>(tablets, int(m_tablets.size()));
    staff = std::min<int>(staff, int(m_staff.size()));
    Q_ASSERT(tablets > 0 && rate > 0);

    const qint64 start = nowNs() + 100 * nsPerMs;
    state->measureStart = start + qint64(warmupS * double(nsPerSecond));
    state->measureEnd = state->measureStart + qint64(durationS * double(nsPerSecond));
    const qint64 end = state->measureEnd;
    const auto totalOrders = qint64(std::floor((warmupS + durationS) * rate));
    const double gapNs = 1e9 / rate;
    auto orderTime = [start, gapNs](qint64 k) { return start + qint64(double(k) * gapNs); };
    const qint64 pollGap = qint64(m_options.pollIntervalMs) * nsPerMs;
    QList<qint64> nextPoll;
    for (int s = 0; s < staff; ++s)
        nextPoll.append(start + pollGap * s / staff);
    qint64 nextOrder = 0;
    // Staff logins at --login-rate over their own connections, half with the right kitchen
    // password and half with a wrong one: each is one argon2id check on the daemon.
    const double loginRate = m_loginConnections.isEmpty() ? 0 : m_options.loginRate;
    const qint64 loginGap = loginRate > 0 ? qint64(1e9 / loginRate) : 0;
    qint64 nextLogin = loginRate > 0 ? start : std::numeric_limits<qint64>::max();
    qint64 loginsSent = 0;
    const QByteArray rightLogin = credentialsJson(m_options.kitchen);
    const QByteArray wrongLogin = credentialsJson(m_options.kitchen.section(u':', 0, 0) + u":not-the-password"_s);

    state->stats.scenario = u"orders-open"_s;
    state->stats.targetRate = rate;

    auto maybeQuit = [](State &st) {
        if (st.sendingDone && st.outstanding == 0 && st.loop)
            st.loop->quit();
    };
    auto onOrder = [state, maybeQuit](const HttpResult &r) {
        if (state->finished)
            return;
        --state->outstanding;
        RunStats &st = state->stats;
        ++st.responses;
        if (r.intendedNs >= state->measureStart && r.intendedNs < state->measureEnd) {
            state->measuredInFlight.erase(r.intendedNs);
            st.latency.add(r.doneNs - r.intendedNs);
            st.service.add(r.doneNs - r.sentNs);
            ++st.statuses[r.status];
        }
        if (r.status >= 200 && r.status < 300 && r.doneNs >= state->measureStart
            && r.doneNs < state->measureEnd)
            ++state->okInWindow;
        maybeQuit(*state);
    };
    auto onPoll = [state, maybeQuit](const HttpResult &r) {
        if (state->finished)
            return;
        --state->outstanding;
        ++state->stats.responses;
        if (r.intendedNs >= state->measureStart) {
            state->stats.polls.add(r.doneNs - r.intendedNs);
            ++state->stats.pollStatuses[r.status];
        }
        maybeQuit(*state);
    };

    auto onLogin = [state, maybeQuit](const HttpResult &r) {
        if (state->finished)
            return;
        --state->outstanding;
        ++state->stats.responses;
        if (r.intendedNs >= state->measureStart) {
            state->stats.logins.add(r.doneNs - r.intendedNs);
            ++state->stats.loginStatuses[r.status];
        }
        maybeQuit(*state);
    };

    QEventLoop loop;
    state->loop = &loop;
    QTimer drain;
    drain.setSingleShot(true);
    connect(&drain, &QTimer::timeout, &loop, &QEventLoop::quit);

    auto tick = [&] {
        const qint64 now = nowNs();
        while (nextOrder < totalOrders && orderTime(nextOrder) <= now) {
            const qint64 intended = orderTime(nextOrder);
            if (intended >= state->measureStart) {
                ++state->stats.measured;
                state->stats.scheduleLag.add(now - intended);
                state->measuredInFlight.insert(intended);
            }
            ++state->outstanding;
            m_tablets.at(nextOrder % tablets)
                ->request("POST", "/api/v1/orders", m_bodies->next(), intended, false, onOrder);
            ++nextOrder;
        }
        for (int s = 0; s < staff; ++s) {
            while (nextPoll[s] < end && nextPoll[s] <= now) {
                ++state->outstanding;
                m_staff.at(s)->request(
                    "GET", "/api/v1/orders?status=pending", {}, nextPoll[s], false, onPoll);
                nextPoll[s] += pollGap;
            }
        }
        while (nextLogin < end && nextLogin <= now) {
            ++state->outstanding;
            m_loginConnections.at(loginsSent % m_loginConnections.size())
                ->request("POST", "/api/v1/auth/staff-login", loginsSent % 2 ? wrongLogin : rightLogin,
                          nextLogin, false, onLogin);
            ++loginsSent;
            nextLogin += loginGap;
        }
        qint64 next
            = nextOrder < totalOrders ? orderTime(nextOrder) : std::numeric_limits<qint64>::max();
        if (nextLogin < end)
            next = std::min(next, nextLogin);
        for (int s = 0; s < staff; ++s) {
            if (nextPoll[s] < end)
                next = std::min(next, nextPoll[s]);
        }
        if (next == std::numeric_limits<qint64>::max()) {
            state->sendingDone = true;
            drain.start(int(m_options.drainTimeoutS * 1000));
            maybeQuit(*state);
            return;
        }
        m_ticker->armAt(next);
    };
    const QMetaObject::Connection ticks = connect(m_ticker.get(), &Ticker::fired, this, tick);

    m_probe->start();
    const double clientCpuStart = ownCpuSeconds();
    m_ticker->armAt(start);
    loop.exec();
    const qint64 wallEnd = nowNs();
    m_probe->stop();
    disconnect(ticks);
    m_ticker->disarm();
    state->finished = true;
    state->loop = nullptr;
    for (HttpConnection *connection : std::as_const(m_tablets))
        connection->clearQueue();
    for (HttpConnection *connection : std::as_const(m_staff))
        connection->clearQueue();
    for (HttpConnection *connection : std::as_const(m_loginConnections))
        connection->clearQueue();

    RunStats stats = state->stats;
    stats.unfinished = state->outstanding;
    // An order with no answer by the end counts at the age it had then (a lower bound on its
    // latency) and as a failure, so an overloaded run cannot look fast by dropping its tail.
    for (const qint64 intended : state->measuredInFlight) {
        stats.latency.add(wallEnd - intended);
        ++stats.statuses[unansweredStatus];
    }
    stats.achievedRate = double(state->okInWindow) / durationS;
    stats.wallS = double(wallEnd - start) / 1e9;
    stats.rssPeakKiB = m_probe->peakRssKiB();
    stats.daemonCpuS = m_probe->cpuUsed();
    stats.daemonCpu = m_probe->cpuUsed() / stats.wallS;
    stats.clientCpu = (ownCpuSeconds() - clientCpuStart) / stats.wallS;
    return stats;
}

RunStats LoadRunner::runClosedLoop(const QString &scenario, const QByteArray &method,
    const QByteArray &path, int connections, bool orders, double durationS, double warmupS)
{
    RunStats stats;
    stats.scenario = scenario;
    const int threads = std::clamp(m_options.threads, 1, connections);
    const qint64 start = nowNs() + 100 * nsPerMs;
    const qint64 measureStart = start + qint64(warmupS * double(nsPerSecond));
    const qint64 end = measureStart + qint64(durationS * double(nsPerSecond));

    struct Slot
    {
        QThread *thread;
        ClosedLoopWorker *worker;
    };
    QList<Slot> workers;
    int running = threads;
    QEventLoop loop;
    int assigned = 0;
    for (int t = 0; t < threads; ++t) {
        ClosedLoopSpec spec;
        spec.host = m_options.host;
        spec.port = m_options.port;
        spec.method = method;
        spec.path = path;
        spec.connections = connections / threads + (t < connections % threads ? 1 : 0);
        if (orders) {
            spec.tokens = m_tableTokens.mid(assigned, spec.connections);
            spec.orderBodies = true;
            spec.items = m_items;
            spec.maxLines = m_options.maxLines;
            spec.optionsPerLine = std::max(0, m_options.optionsPerLine);
            spec.seed = QRandomGenerator::system()->generate64();
        }
        spec.acceptEncoding = m_options.acceptEncoding;
        assigned += spec.connections;
        spec.measureStartNs = measureStart;
        spec.endNs = end;
        auto *thread = new QThread;
        auto *worker = new ClosedLoopWorker(std::move(spec));
        worker->moveToThread(thread);
        connect(worker, &ClosedLoopWorker::finished, this, [&running, &loop] {
            if (--running == 0)
                loop.quit();
        });
        workers.append({ thread, worker });
    }
    // Bounded: stop waiting at the end plus the drain time even if a response never comes.
    QTimer::singleShot(int(double(end - nowNs()) / 1e6 + m_options.drainTimeoutS * 1000), &loop,
        &QEventLoop::quit);
    m_probe->start();
    const double clientCpuStart = ownCpuSeconds();
    for (const Slot &slot : std::as_const(workers)) {
        slot.thread->start();
        QMetaObject::invokeMethod(slot.worker, &ClosedLoopWorker::start, Qt::QueuedConnection);
    }
    loop.exec();
    const qint64 wallEnd = nowNs();
    m_probe->stop();
    stats.unfinished = running;
    for (const Slot &slot : std::as_const(workers)) {
        slot.worker->disconnect(this);
        QMetaObject::invokeMethod(
            slot.worker, &ClosedLoopWorker::closeConnections, Qt::BlockingQueuedConnection);
        slot.thread->quit();
        slot.thread->wait();
        stats.latency.merge(slot.worker->latency);
        for (auto it = slot.worker->statuses.cbegin(); it != slot.worker->statuses.cend(); ++it)
            stats.statuses[it.key()] += it.value();
        stats.achievedRate += double(slot.worker->completedInWindow) / durationS;
        stats.responses += slot.worker->responses;
        delete slot.worker;
        delete slot.thread;
    }
    stats.measured = stats.ok() + stats.failed();
    stats.wallS = double(wallEnd - start) / 1e9;
    stats.rssPeakKiB = m_probe->peakRssKiB();
    stats.daemonCpuS = m_probe->cpuUsed();
    stats.daemonCpu = m_probe->cpuUsed() / stats.wallS;
    stats.clientCpu = (ownCpuSeconds() - clientCpuStart) / stats.wallS;
    return stats;
}

int LoadRunner::runSearch()
{
    const LoadOptions &o = m_options;
    const qint64 boundNs = qint64(o.maxP99Ms * 1e6);
    int steps = 0;
    constexpr int maxSteps = 16;
    double lo = 0;
    double hi = 0;
    RunStats best;
    auto test = [&](double rate) {
        if (steps > 0)
            pause(o.pauseS);
        ++steps;
        RunStats stats = runOpenLoop(rate, o.tablets, o.staff, o.durationS, o.warmupS);
        const bool pass = stats.failed() == 0 && stats.unfinished == 0
            && stats.achievedRate >= 0.98 * rate && stats.latency.percentileNs(99) < boundNs;
        stats.scenario = u"search-step"_s;
        print(stats);
        say(u"search step %1: %2 orders/s -> %3"_s.arg(steps).arg(rate).arg(
            pass ? u"PASS"_s : u"FAIL"_s));
        if (pass)
            best = stats;
        return pass;
    };

    double rate = std::max(1.0, std::round(o.rate));
    if (test(rate)) {
        lo = rate;
        while (steps < maxSteps && lo < o.rateMax) {
            rate = std::min(o.rateMax, lo * 2);
            if (test(rate)) {
                lo = rate;
            } else {
                hi = rate;
                break;
            }
        }
    } else {
        hi = rate;
        while (steps < maxSteps && hi > 1) {
            rate = std::floor(hi / 2);
            if (test(rate)) {
                lo = rate;
                break;
            }
            hi = rate;
        }
    }
    while (lo > 0 && hi > 0 && (hi - lo) / lo > o.precision && steps < maxSteps) {
        const double mid = std::round((lo + hi) / 2);
        if (test(mid))
            lo = mid;
        else
            hi = mid;
    }
    if (lo <= 0) {
        say(u"search: no rate kept p99 under %1 ms"_s.arg(o.maxP99Ms));
        say(u"RESULT scenario=search max_rate=0 bound_ms=%1 tablets=%2"_s.arg(o.maxP99Ms)
                .arg(o.tablets));
        return 1;
    }
    say(u"search: highest rate that %1 tablets sustain with p99 < %2 ms: %3 orders/s "
        "(first failing rate tried: %4)"_s.arg(o.tablets)
            .arg(o.maxP99Ms)
            .arg(lo)
            .arg(hi > 0 ? QString::number(hi) : u"none up to --rate-max"_s));
    best.scenario = u"search"_s;
    print(best);
    return 0;
}

void LoadRunner::print(const RunStats &s) const
{
    const QString head = s.scenario == u"menu"_s ? u"GET /menu"_s : u"orders"_s;
    say(u"== %1"_s.arg(s.scenario)
        + (s.targetRate > 0 ? u" at %1/s"_s.arg(s.targetRate) : QString()));
    say(u"  %1: %2 measured, statuses %3, unfinished %4"_s.arg(head)
            .arg(s.measured)
            .arg(statusList(s.statuses))
            .arg(s.unfinished));
    say(u"  achieved: %1 per second (2xx responses in the measured window)"_s.arg(
        s.achievedRate, 0, 'f', 1));
    if (s.statuses.value(unansweredStatus) > 0)
        say(u"  (%1 measured requests had no response at the end: counted at their age then, a "
            "lower bound)"_s.arg(s.statuses.value(unansweredStatus)));
    if (s.targetRate > 0) {
        say(u"  latency from intended send: "_s + s.latency.summary());
        say(u"  latency from actual send:   "_s + s.service.summary());
        say(u"  client send lateness:       "_s + s.scheduleLag.summary());
    } else {
        say(u"  latency: "_s + s.latency.summary());
    }
    if (s.polls.count() > 0)
        say(u"  staff polls (GET /orders?status=pending, %1, statuses %2): "_s.arg(s.polls.count())
                .arg(statusList(s.pollStatuses))
            + s.polls.summary());
    if (s.logins.count() > 0)
        say(u"  staff logins (POST /auth/staff-login, half wrong, %1, statuses %2): "_s.arg(s.logins.count())
                .arg(statusList(s.loginStatuses))
            + s.logins.summary());
    say(u"  daemon RSS: idle %1, after setup %2, peak under load %3"_s.arg(mib(m_rssIdleKiB))
            .arg(mib(m_rssSetupKiB))
            .arg(mib(s.rssPeakKiB)));
    const double cpuPerResponseUs = s.responses > 0 ? s.daemonCpuS * 1e6 / double(s.responses) : 0;
    say(u"  CPU (1.00 = one core): daemon %1 (%2 us per response), load program %3"_s
            .arg(s.daemonCpu, 0, 'f', 2)
            .arg(cpuPerResponseUs, 0, 'f', 0)
            .arg(s.clientCpu, 0, 'f', 2));
    QString line
        = u"RESULT scenario=%1 target_rate=%2 achieved_rate=%3 measured=%4 ok=%5 failed=%6 "
          "unfinished=%7 statuses=%8 "_s.arg(s.scenario)
              .arg(s.targetRate)
              .arg(s.achievedRate, 0, 'f', 1)
              .arg(s.measured)
              .arg(s.ok())
              .arg(s.failed())
              .arg(s.unfinished)
              .arg(statusList(s.statuses));
    line += s.latency.keyValues(QString()) + u' ';
    if (s.targetRate > 0)
        line += s.service.keyValues(u"svc_"_s) + u' ' + s.scheduleLag.keyValues(u"lag_"_s) + u' ';
    if (s.polls.count() > 0)
        line += s.polls.keyValues(u"poll_"_s) + u' ';
    if (s.logins.count() > 0)
        line += s.logins.keyValues(u"login_"_s) + u' ';
    line += u"rss_idle_kib=%1 rss_setup_kib=%2 rss_peak_kib=%3 daemon_cpu=%4 "
            u"daemon_us_per_response=%5 "
            "client_cpu=%6"_s.arg(m_rssIdleKiB)
                .arg(m_rssSetupKiB)
                .arg(s.rssPeakKiB)
                .arg(s.daemonCpu, 0, 'f', 2)
                .arg(cpuPerResponseUs, 0, 'f', 0)
                .arg(s.clientCpu, 0, 'f', 2);
    say(line);
}

int LoadRunner::run()
{
    const LoadOptions &o = m_options;
    m_rssIdleKiB = m_probe->rssKiB(); // before this program sent anything
    if (o.mode == u"orders"_s) {
        if (!setup(o.tablets, o.staff > 0))
            return 2;
        const RunStats stats = runOpenLoop(o.rate, o.tablets, o.staff, o.durationS, o.warmupS);
        print(stats);
        return stats.failed() == 0 && stats.unfinished == 0 ? 0 : 1;
    }
    if (o.mode == u"orders-closed"_s) {
        if (!setup(o.connections, false))
            return 2;
        const RunStats stats = runClosedLoop(u"orders-closed"_s, "POST", "/api/v1/orders",
            o.connections, true, o.durationS, o.warmupS);
        print(stats);
        return stats.failed() == 0 && stats.unfinished == 0 ? 0 : 1;
    }
    if (o.mode == u"menu"_s) {
        if (!setup(0, false))
            return 2;
        m_rssSetupKiB = m_probe->rssKiB();
        const RunStats stats = runClosedLoop(
            u"menu"_s, "GET", "/api/v1/menu", o.connections, false, o.durationS, o.warmupS);
        print(stats);
        return stats.failed() == 0 && stats.unfinished == 0 ? 0 : 1;
    }
    if (o.mode == u"search"_s) {
        if (!setup(o.tablets, o.staff > 0))
            return 2;
        return runSearch();
    }
    if (o.mode == u"rss"_s) {
        say(u"RESULT scenario=rss rss_idle_kib=%1"_s.arg(m_rssIdleKiB));
        return m_rssIdleKiB > 0 ? 0 : 1;
    }
    warn(u"unknown mode %1"_s.arg(o.mode));
    return 2;
}

} // namespace tableorder::bench
