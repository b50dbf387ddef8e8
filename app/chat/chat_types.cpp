// chat_types.cpp: names of the compute devices as the command line and settings write them.
#include "app/chat/chat_types.h"

namespace lectern::chat {

QString deviceName(ComputeDevice device)
{
    switch (device) {
    case ComputeDevice::Cpu: return QStringLiteral("cpu");
    case ComputeDevice::Vulkan: return QStringLiteral("vulkan");
    case ComputeDevice::Auto: break;
    }
    return QStringLiteral("auto");
}

std::optional<ComputeDevice> deviceFromName(const QString& name)
{
    if (name == QStringLiteral("auto"))
        return ComputeDevice::Auto;
    if (name == QStringLiteral("cpu"))
        return ComputeDevice::Cpu;
    if (name == QStringLiteral("vulkan"))
        return ComputeDevice::Vulkan;
    return std::nullopt;
}

}  // namespace lectern::chat
