#include "threadpriority.h"

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

namespace tableorder {

void lowerCurrentThread(int nice)
{
    sched_param param{};
    param.sched_priority = 0;
    (void)sched_setscheduler(0, SCHED_BATCH, &param);
    (void)setpriority(PRIO_PROCESS, id_t(gettid()), nice);
}

} // namespace tableorder
