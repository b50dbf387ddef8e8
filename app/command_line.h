// command_line.h: parses lectern's command line (--help, --version, FILE..., hidden test options).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace lectern::app {

// What the user asked this launch of the app to do.
struct LaunchOptions {
    QStringList files;       // FILE... as absolute, cleaned paths in the order given; opened once importers exist
    bool smokeTest = false;  // --smoke-test: quit with 0 after the first frame, printing what it showed
    QString screenshotPath;  // --screenshot=FILE (needs --smoke-test): save that first frame as an image
};

struct CommandLineResult {
    enum class Action { Run, Exit };
    Action action = Action::Run;
    int exitCode = 0;       // Exit only: 0 after --help/--version, 2 on a usage error
    QString output;         // Exit only: text for stdout (exitCode 0) or stderr (otherwise), ends in '\n'
    LaunchOptions options;  // Run only
};

class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // arguments[0] is the program, as in QCoreApplication::arguments(). Pure: prints nothing, never exits,
    // needs no application object, so main() can answer --help/--version before opening a display.
    static CommandLineResult parse(const QStringList& arguments);
};

}  // namespace lectern::app
