// headless.cpp: dispatch of window-less subcommands to their run functions.
#include "app/headless/headless.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

#include "app/app_info.h"
#include "app/headless/ask_command.h"
#include "app/headless/export_command.h"
#include "app/headless/extract_command.h"
#include "app/headless/inspect_command.h"
#include "app/headless/serve_command.h"
#include "app/translations.h"

namespace lectern::app {

std::optional<int> runHeadlessCommand(int& argc, char** argv)
{
    const bool inspect = argc >= 2 && std::strcmp(argv[1], "inspect") == 0;
    const bool ask = argc >= 2 && std::strcmp(argv[1], "ask") == 0;
    const bool extract = argc >= 2 && std::strcmp(argv[1], "extract") == 0;
    const bool serve = argc >= 2 && std::strcmp(argv[1], "serve") == 0;
    if (argc < 2 || (std::strcmp(argv[1], "export") != 0 && !inspect && !ask && !extract && !serve))
        return std::nullopt;
    AppInfo::applyIdentity();  // Database::defaultPath() needs the application name
    // inspect and ask (its attachments) read HTML through QTextDocument, which needs QtGui's font database and so
    // a QGuiApplication; the offscreen platform gives one without a display. serve decodes pictures.
    const bool needsGui = inspect || ask || extract || serve;
    if (needsGui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application = needsGui
        ? std::make_unique<QGuiApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
    installTranslations(*application);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (inspect)
        return runInspect(QCoreApplication::arguments().mid(2), out, err);
    if (ask)
        return runAsk(QCoreApplication::arguments().mid(2), out, err);
    if (extract)
        return runExtract(QCoreApplication::arguments().mid(2), out, err);
    if (serve)
        return runServe(QCoreApplication::arguments().mid(2), out, err);
    return runExport(QCoreApplication::arguments().mid(2), out, err);
}

}  // namespace lectern::app
