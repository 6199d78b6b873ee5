#pragma once

namespace tableorder::client {

/// Makes the client's models and enums known to QML as `import TableOrder.Client`
/// (OrderSubmitter.Retrying, EventStream.Online, ...). Safe to call more than once.
void registerQmlTypes();

} // namespace tableorder::client
