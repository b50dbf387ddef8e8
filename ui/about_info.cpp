// about_info.cpp: the About dialog's facts: versions from the build, devices from the engine, licences.
#include "ui/about_info.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QThreadPool>
#include <QVariantMap>

#include "app/app_info.h"
#include "app/chat/compute_devices.h"

// Versions of the libraries found by pkg-config at build time (ui/CMakeLists.txt); "" when unknown.
#ifndef LECTERN_POPPLER_VERSION
#define LECTERN_POPPLER_VERSION ""
#endif
#ifndef LECTERN_FFMPEG_VERSION
#define LECTERN_FFMPEG_VERSION ""
#endif
#ifndef LECTERN_SQLITE_VERSION
#define LECTERN_SQLITE_VERSION ""
#endif
#ifndef LECTERN_VULKAN_VERSION
#define LECTERN_VULKAN_VERSION ""
#endif

namespace lectern::ui {

namespace {

QVariantMap component(const QString& name, const QString& version, const QString& licence)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}, {QStringLiteral("licence"), licence}};
}

}  // namespace

AboutInfo::AboutInfo(QObject* parent) : QObject(parent) {}

QString AboutInfo::productName() const
{
    return app::AppInfo::productName();
}

QString AboutInfo::version() const
{
    return app::AppInfo::version();
}

QVariantList AboutInfo::components() const
{
    QVariantList list{
        component(QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only")),
        component(QStringLiteral("Poppler"), QStringLiteral(LECTERN_POPPLER_VERSION),
                  QStringLiteral("GPL-2.0-or-later")),
        component(QStringLiteral("FFmpeg"), QStringLiteral(LECTERN_FFMPEG_VERSION),
                  QStringLiteral("LGPL-2.1-or-later")),
        component(QStringLiteral("SQLite"), QStringLiteral(LECTERN_SQLITE_VERSION), QStringLiteral("Public domain")),
        component(QStringLiteral("Vulkan loader"), QStringLiteral(LECTERN_VULKAN_VERSION),
                  QStringLiteral("Apache-2.0")),
        component(QStringLiteral("PCRE2"), QString(), QStringLiteral("BSD-3-Clause")),
        component(QStringLiteral("utf8proc"), QString(), QStringLiteral("MIT")),
        component(QStringLiteral("JSON for Modern C++"), QString(), QStringLiteral("MIT")),
    };
    if (m_mesa)
        list.append(component(QStringLiteral("Mesa"), m_mesaVersion, QStringLiteral("MIT")));
    return list;
}

void AboutInfo::refreshDevices()
{
    if (m_scanning)
        return;
    m_scanning = true;
    emit devicesChanged();
    QPointer<AboutInfo> self(this);
    QThreadPool::globalInstance()->start([self] {
        const chat::ComputeDeviceListing listing = chat::listComputeDevices();
        const QStringList lines = listing.lines;
        const bool mesa = listing.mesa;
        const QString mesaVersion = listing.mesaVersion;
        QMetaObject::invokeMethod(
            qApp,
            [self, lines, mesa, mesaVersion] {
                if (self) {
                    self->m_mesaVersion = mesaVersion;
                    self->setDevices(lines, mesa);
                }
            },
            Qt::QueuedConnection);
    });
}

void AboutInfo::setDevices(const QStringList& devices, bool mesa)
{
    m_devices = devices;
    m_mesa = mesa;
    m_scanning = false;
    emit devicesChanged();
}

QString AboutInfo::text() const
{
    QStringList lines;
    lines.append(QStringLiteral("%1 %2").arg(productName(), version()));
    lines.append(QString());
    lines.append(QCoreApplication::translate("AboutInfo", "Compute devices:"));
    for (const QString& device : m_devices)
        lines.append(QStringLiteral("  ") + device);
    lines.append(QString());
    lines.append(QCoreApplication::translate("AboutInfo", "Built with:"));
    for (const QVariant& entry : components()) {
        const QVariantMap map = entry.toMap();
        const QString version = map.value(QStringLiteral("version")).toString();
        lines.append(QStringLiteral("  %1%2 — %3")
                         .arg(map.value(QStringLiteral("name")).toString(),
                              version.isEmpty() ? QString() : QStringLiteral(" ") + version,
                              map.value(QStringLiteral("licence")).toString()));
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace lectern::ui
