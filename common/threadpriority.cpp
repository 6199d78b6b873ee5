#include "threadpriority.h"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tableorder {

namespace {
// linux/ioprio.h (not in every libc's headers): the idle I/O class, for the calling thread.
constexpr int kIoprioWhoProcess = 1;
constexpr int kIoprioClassShift = 13;
constexpr int kIoprioClassIdle = 3;
} // namespace

void lowerCurrentThread(int nice)
{
    sched_param param{};
    param.sched_priority = 0;
    (void)sched_setscheduler(0, SCHED_BATCH, &param);
    (void)setpriority(PRIO_PROCESS, id_t(gettid()), nice);
    // Its own disk I/O (a backup's paced flushes) waits while anything else's is queued:
    // mq-deadline and BFQ serve the idle class only when the disk has nothing else to do, so
    // an order's WAL flush is not queued behind a backup's. Needs no privilege.
    (void)syscall(SYS_ioprio_set, kIoprioWhoProcess, 0, kIoprioClassIdle << kIoprioClassShift);
}

} // namespace tableorder
