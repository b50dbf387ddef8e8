// main.cpp: composition root of the lectern desktop app: command line, translations, main window.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <memory>
#include <optional>

#include "app/app_info.h"
#include "app/command_line.h"
#include "app/headless/headless.h"
#include "app/translations.h"
#include "ui/main_window.h"
#include "ui/smoke_test.h"

// The Lectern QML module (ui/qml) is a static plugin linked into this program.
Q_IMPORT_QML_PLUGIN(LecternPlugin)

namespace {

int printAndExit(const lectern::app::CommandLineResult& result)
{
    std::FILE* stream = result.exitCode == 0 ? stdout : stderr;
    std::fputs(result.output.toUtf8().constData(), stream);
    return result.exitCode;
}

}  // namespace

int main(int argc, char* argv[])
{
    using namespace lectern;
    app::AppInfo::applyIdentity();

    // `lectern export ...` runs without a window or a display (QCoreApplication only).
    if (const std::optional<int> exitCode = app::runHeadlessCommand(argc, argv))
        return *exitCode;

    // --help and --version are answered before a display is opened, so they work over ssh and in scripts.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    const app::CommandLineResult early = app::CommandLine::parse(rawArguments);
    if (early.action == app::CommandLineResult::Action::Exit && early.exitCode == 0)
        return printAndExit(early);

    // Qt's own options (-platform, -style, ...) are taken out of the arguments here; parse again without them.
    QGuiApplication application(argc, argv);
    const QString translationFile = app::installTranslations(application);
    const app::CommandLineResult parsed = app::CommandLine::parse(QGuiApplication::arguments());
    if (parsed.action == app::CommandLineResult::Action::Exit)
        return printAndExit(parsed);

    QQmlApplicationEngine engine;
    std::unique_ptr<ui::SmokeTest> smokeTest;
    if (parsed.options.smokeTest) {
        smokeTest = std::make_unique<ui::SmokeTest>(parsed.options, translationFile);
        smokeTest->watch(engine);
    }
    QString error;
    QQuickWindow* window = ui::loadMainWindow(engine, &error);
    if (!window) {
        std::fprintf(stderr, "lectern: %s\n", error.toUtf8().constData());
        return 1;
    }
    QObject::connect(window, &QQuickWindow::sceneGraphError, &application,
                     [](QQuickWindow::SceneGraphError, const QString& message) {
                         const QString text = QCoreApplication::translate(
                             "main", "lectern: cannot draw the window: %1\nIf this computer has no working OpenGL "
                                     "driver, start Lectern with QT_QUICK_BACKEND=software.")
                                                  .arg(message);
                         std::fprintf(stderr, "%s\n", text.toUtf8().constData());
                         QCoreApplication::exit(1);
                     });

    if (smokeTest)
        smokeTest->start(window);
    return QGuiApplication::exec();
}
