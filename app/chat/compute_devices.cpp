// compute_devices.cpp: lectern::list_devices() turned into the lines of compute_devices.h.
#include "app/chat/compute_devices.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "lectern/devices.h"

namespace lectern::chat {

ComputeDeviceListing listComputeDevices()
{
    ComputeDeviceListing listing;
    Result<std::vector<DeviceDescription>> devices = list_devices();
    if (!devices.is_ok()) {
        listing.lines.append(QString::fromStdString(devices.status().message()));
        return listing;
    }
    for (const DeviceDescription& device : devices.value()) {
        QString line = QStringLiteral("%1 (%2, %3, Vulkan %4)")
                           .arg(QString::fromStdString(device.name), QString::fromLatin1(device_type_name(device.type)),
                                QString::fromStdString(device.driver_info), QString::fromStdString(device.api_version));
        if (device.selected)
            line += QCoreApplication::translate("AboutInfo", " — used by Lectern");
        else if (!device.usable)
            line += QCoreApplication::translate("AboutInfo", " — not usable: %1")
                        .arg(QString::fromStdString(device.unusable_reason));
        listing.lines.append(line);
        if (device.driver_info.find("Mesa") != std::string::npos)
            listing.mesa = true;
    }
    if (listing.lines.isEmpty())
        listing.lines.append(QCoreApplication::translate("AboutInfo", "No Vulkan device"));
    if (listing.mesa) {
        static const QRegularExpression mesaPattern(QStringLiteral("Mesa ([0-9][0-9.]*)"));
        for (const QString& line : listing.lines) {
            const QRegularExpressionMatch match = mesaPattern.match(line);
            if (match.hasMatch()) {
                listing.mesaVersion = match.captured(1);
                break;
            }
        }
    }
    return listing;
}

}  // namespace lectern::chat
