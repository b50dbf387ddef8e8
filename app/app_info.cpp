// app_info.cpp: product identity and per-user folders through QStandardPaths.
#include "app/app_info.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QStandardPaths>

namespace lectern::app {

namespace {

bool identityApplied()
{
    return QCoreApplication::applicationName() == AppInfo::productName()
        && QCoreApplication::organizationName().isEmpty()
        && QCoreApplication::organizationDomain().isEmpty();
}

QString writableLocation(QStandardPaths::StandardLocation location)
{
    if (!identityApplied())
        AppInfo::applyIdentity();
    return QStandardPaths::writableLocation(location);
}

}  // namespace

QString AppInfo::productName()
{
    return QStringLiteral("Lectern");
}

QString AppInfo::executableName()
{
    return QStringLiteral("lectern");
}

QString AppInfo::version()
{
    return QStringLiteral(LECTERN_APP_VERSION);
}

QString AppInfo::versionLine()
{
    return executableName() + QLatin1Char(' ') + version();
}

QString AppInfo::appId()
{
    return QStringLiteral("io.github.lectern.Lectern");
}

void AppInfo::applyIdentity()
{
    QCoreApplication::setApplicationName(productName());
    QCoreApplication::setApplicationVersion(version());
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setOrganizationDomain(QString());
    // Wayland app id and the link to packaging/io.github.lectern.Lectern.desktop (its icon and name in task bars).
    QGuiApplication::setDesktopFileName(appId());
}

QString AppInfo::dataDir()
{
    return writableLocation(QStandardPaths::AppDataLocation);
}

QString AppInfo::cacheDir()
{
    return writableLocation(QStandardPaths::CacheLocation);
}

QString AppInfo::configDir()
{
    return writableLocation(QStandardPaths::AppConfigLocation);
}

}  // namespace lectern::app
