// main_window.cpp: composition of the main window: style, icon, initial properties, Main.qml.
#include "ui/main_window.h"

#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>

#include "app/app_info.h"

namespace lectern::ui {

namespace {

void applyStyleOnce()
{
    // Fusion looks the same on every desktop and follows the system palette (light or dark). It must be
    // chosen before the first `import QtQuick.Controls`, and only once per process.
    static const bool applied = [] {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        return true;
    }();
    Q_UNUSED(applied);
}

}  // namespace

QQuickWindow* loadMainWindow(QQmlApplicationEngine& engine, QString* error)
{
    applyStyleOnce();
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lectern.svg")));

    engine.setInitialProperties({
        {QStringLiteral("productName"), app::AppInfo::productName()},
        {QStringLiteral("productVersion"), app::AppInfo::version()},
    });

    QStringList qmlErrors;
    const auto connection = QObject::connect(&engine, &QQmlEngine::warnings, &engine,
                                             [&qmlErrors](const QList<QQmlError>& warnings) {
                                                 for (const QQmlError& warning : warnings)
                                                     qmlErrors.append(warning.toString());
                                             });
    const qsizetype rootsBefore = engine.rootObjects().size();
    engine.load(QUrl(QStringLiteral("qrc:/Lectern/Main.qml")));
    QObject::disconnect(connection);

    if (engine.rootObjects().size() == rootsBefore) {
        if (error) {
            *error = QStringLiteral("could not load the main window (qrc:/Lectern/Main.qml)");
            if (!qmlErrors.isEmpty())
                *error += QStringLiteral(":\n  ") + qmlErrors.join(QStringLiteral("\n  "));
        }
        return nullptr;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constLast());
    if (!window && error)
        *error = QStringLiteral("Main.qml's root object is not a window");
    return window;
}

}  // namespace lectern::ui
