// test_app_info.cpp: AppInfo's product name, version (must equal CMake's project version) and XDG folders.
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/app_info.h"

using lectern::app::AppInfo;

class TestAppInfo : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        // Every test starts from a fake home with no XDG overrides, so nothing touches the real one.
        QVERIFY2(home_.isValid(), qPrintable(home_.errorString()));
        for (const char* name : {"XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"})
            qunsetenv(name);
        qputenv("HOME", QFile::encodeName(home_.path()));
    }

    void productFacts()
    {
        QCOMPARE(AppInfo::productName(), QStringLiteral("Lectern"));
        QCOMPARE(AppInfo::executableName(), QStringLiteral("lectern"));
        QCOMPARE(AppInfo::version(), QStringLiteral(LECTERN_EXPECTED_VERSION));
        QCOMPARE(AppInfo::versionLine(), QStringLiteral("lectern " LECTERN_EXPECTED_VERSION));
    }

    void versionIsSemantic()
    {
        // project(Lectern VERSION x.y.z): three numbers, nothing else (no empty string from a missing define).
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(AppInfo::version()).hasMatch());
    }

    void applyIdentitySetsApplicationFacts()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Some Org"));
        AppInfo::applyIdentity();
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("Lectern"));
        QCOMPARE(QCoreApplication::applicationVersion(), QStringLiteral(LECTERN_EXPECTED_VERSION));
        QVERIFY(QCoreApplication::organizationName().isEmpty());
        QVERIFY(QCoreApplication::organizationDomain().isEmpty());
        // The desktop file and the AppStream metainfo are installed under this id (packaging/).
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral("io.github.lectern.Lectern"));
    }

    void defaultDirectoriesUnderHome()
    {
        AppInfo::applyIdentity();
        QCOMPARE(AppInfo::dataDir(), home_.path() + QStringLiteral("/.local/share/Lectern"));
        QCOMPARE(AppInfo::cacheDir(), home_.path() + QStringLiteral("/.cache/Lectern"));
        QCOMPARE(AppInfo::configDir(), home_.path() + QStringLiteral("/.config/Lectern"));
        // The same folders QStandardPaths gives any other part of the app.
        QCOMPARE(AppInfo::dataDir(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QCOMPARE(AppInfo::cacheDir(), QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
        QCOMPARE(AppInfo::configDir(), QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation));
    }

    void directoriesFollowXdgVariables()
    {
        QTemporaryDir xdg;
        QVERIFY(xdg.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(xdg.path() + QStringLiteral("/data")));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(xdg.path() + QStringLiteral("/cache")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(xdg.path() + QStringLiteral("/config")));
        QCOMPARE(AppInfo::dataDir(), xdg.path() + QStringLiteral("/data/Lectern"));
        QCOMPARE(AppInfo::cacheDir(), xdg.path() + QStringLiteral("/cache/Lectern"));
        QCOMPARE(AppInfo::configDir(), xdg.path() + QStringLiteral("/config/Lectern"));
    }

    void directoriesIgnoreAnotherIdentity()
    {
        // Asked before main() applied the identity (or after someone changed it): still Lectern's folders.
        QCoreApplication::setApplicationName(QStringLiteral("test_app_info"));
        QCoreApplication::setOrganizationName(QStringLiteral("Some Org"));
        QCOMPARE(AppInfo::dataDir(), home_.path() + QStringLiteral("/.local/share/Lectern"));
        QCOMPARE(AppInfo::configDir(), home_.path() + QStringLiteral("/.config/Lectern"));
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("Lectern"));
    }

    void directoriesAreNotCreated()
    {
        AppInfo::applyIdentity();
        AppInfo::dataDir();
        AppInfo::cacheDir();
        AppInfo::configDir();
        QVERIFY(QDir(home_.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }

private:
    QTemporaryDir home_;
};

QTEST_GUILESS_MAIN(TestAppInfo)
#include "test_app_info.moc"
