// main.cpp: composition root of the lectern desktop app: command line, translations, main window.
#include <QGuiApplication>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <memory>
#include <optional>

#include "app/app_info.h"
#include "app/command_line.h"
#include "app/headless/headless.h"
#include "app/settings/settings.h"
#include "app/single_instance.h"
#include "app/translations.h"
#include "ui/app_composition.h"
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
    // Settings → language ("" follows the system) picks the translation; a change applies at the next start.
    const QString translationFile = app::installTranslations(application, app::Settings().language());
    const app::CommandLineResult parsed = app::CommandLine::parse(QGuiApplication::arguments());
    if (parsed.action == app::CommandLineResult::Action::Exit)
        return printAndExit(parsed);

    // One window per user: a second `lectern FILE...` hands its files to the running one (which opens them in a new
    // conversation and comes to the front) and quits. The smoke test stays out of this: it must start its own window.
    std::unique_ptr<app::SingleInstance> singleInstance;
    if (!parsed.options.smokeTest) {
        singleInstance = std::make_unique<app::SingleInstance>();
        if (singleInstance->sendToRunning(parsed.options.files))
            return 0;
        QString listenError;
        if (!singleInstance->listen(&listenError))
            std::fprintf(stderr, "lectern: %s\n", listenError.toUtf8().constData());
    }

    ui::AppComposition composition;
    std::unique_ptr<ui::SmokeTest> smokeTest;
    if (parsed.options.smokeTest) {
        smokeTest = std::make_unique<ui::SmokeTest>(parsed.options, translationFile);
        smokeTest->watch(composition.engine());
    }
    QString error;
    if (!composition.load(&error)) {
        std::fprintf(stderr, "lectern: %s\n", error.toUtf8().constData());
        return 1;
    }
    QQuickWindow* window = composition.window();
    QObject::connect(window, &QQuickWindow::sceneGraphError, &application,
                     [](QQuickWindow::SceneGraphError, const QString& message) {
                         const QString text = QCoreApplication::translate(
                             "main", "lectern: cannot draw the window: %1\nIf this computer has no working OpenGL "
                                     "driver, start Lectern with QT_QUICK_BACKEND=software.")
                                                  .arg(message);
                         std::fprintf(stderr, "%s\n", text.toUtf8().constData());
                         QCoreApplication::exit(1);
                     });

    // Files named on the command line (or by the desktop's "Open with") open in a new conversation, ready to ask.
    composition.openFiles(parsed.options.files);
    if (singleInstance)
        QObject::connect(singleInstance.get(), &app::SingleInstance::filesReceived, &composition,
                         &ui::AppComposition::handOver);

    if (smokeTest)
        smokeTest->start(window);
    return QGuiApplication::exec();
}
