#pragma once

namespace tableorder {

/// Makes the calling thread yield the CPU to the event loop whenever they compete: SCHED_BATCH
/// at the given nice value, also when the daemon itself runs under a real-time policy
/// (QThread::LowPriority does nothing under Linux's default policy). Lowering needs no
/// privilege. Its disk I/O goes in the idle I/O class (served when no other I/O waits, with
/// the scheduler's aging bound). For background work: password hashing, backups.
void lowerCurrentThread(int nice);

} // namespace tableorder
