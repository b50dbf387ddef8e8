// compute_devices.h: the Vulkan devices the engine sees, described for people (the About dialog), so that ui/ never
// talks to the engine directly.
#pragma once

#include <QString>
#include <QStringList>

namespace lectern::chat {

struct ComputeDeviceListing {
    QStringList lines;     // one per device: "name (type, driver, Vulkan x.y) — used by Lectern"
    bool mesa = false;     // a Mesa driver (lavapipe, RADV, ...) is among them
    QString mesaVersion;   // e.g. "22.3.6"; empty when unknown
};

// Blocking (creates a Vulkan instance): call it off the UI thread.
ComputeDeviceListing listComputeDevices();

}  // namespace lectern::chat
