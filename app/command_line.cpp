// command_line.cpp: QCommandLineParser setup for lectern; results are values, printing is main()'s job.
#include "app/command_line.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include "app/app_info.h"

namespace lectern::app {

namespace {

CommandLineResult exitWith(int exitCode, const QString& output)
{
    CommandLineResult result;
    result.action = CommandLineResult::Action::Exit;
    result.exitCode = exitCode;
    result.output = output.endsWith(QLatin1Char('\n')) ? output : output + QLatin1Char('\n');
    return result;
}

// QCommandLineParser names the program after argv[0] when an application object exists and
// "<executable_name>" when none does (main() answers --help before creating one): say "lectern" in both.
QString helpText(const QCommandLineParser& parser)
{
    QString text = parser.helpText();
    const QString name = AppInfo::executableName();
    if (text.contains(QStringLiteral("<executable_name>"))) {
        text.replace(QStringLiteral("<executable_name>"), name);
    } else if (QCoreApplication::instance() && !QCoreApplication::arguments().isEmpty()) {
        const QString program = QCoreApplication::arguments().constFirst();
        const qsizetype at = text.indexOf(program);
        if (at >= 0)
            text.replace(at, program.size(), name);
    }
    return text;
}

}  // namespace

CommandLineResult CommandLine::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lectern: ask questions about your PDFs, images and videos, answered on this computer.") + QLatin1Char('\n') +
        tr("Without a window: lectern inspect|ask|extract|export|serve ... (serve: the local OpenAI-compatible API "
           "server); lectern MODE --help shows each mode's options."));
    // "-platform offscreen" style options are one option, not the letters -p -l -a ...
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);

    // Not addHelpOption(): its --help-all can only be answered by exiting the process.
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help, then quit."));
    parser.addOption(helpOption);
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Print the program name and version, then quit."));
    parser.addOption(versionOption);

    // Hidden, so untranslated: used by the test suite and packaging checks, not by people.
    QCommandLineOption smokeTestOption(QStringLiteral("smoke-test"),
                                       QStringLiteral("Quit after the window's first frame, printing what it shows."));
    smokeTestOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(smokeTestOption);
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("With --smoke-test: save the first frame to <file>."),
                                        QStringLiteral("file"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);

    parser.addPositionalArgument(QStringLiteral("files"),
                                 tr("PDFs, images, videos or text files to open."),
                                 tr("[FILE...]"));

    const bool parsed = parser.parse(arguments);
    // --help and --version win over other mistakes on the same line, as in most programs.
    if (parser.isSet(helpOption))
        return exitWith(0, helpText(parser));
    if (parser.isSet(versionOption))
        return exitWith(0, AppInfo::versionLine());

    const QString tryHelp = tr("Try '%1 --help' for more information.").arg(AppInfo::executableName());
    if (!parsed)
        return exitWith(2, AppInfo::executableName() + QStringLiteral(": ") + parser.errorText()
                               + QLatin1Char('\n') + tryHelp);

    CommandLineResult result;
    result.options.smokeTest = parser.isSet(smokeTestOption);
    if (parser.isSet(screenshotOption)) {
        if (!result.options.smokeTest)
            return exitWith(2, AppInfo::executableName() + QStringLiteral(": ")
                                   + tr("--screenshot only works together with --smoke-test.")
                                   + QLatin1Char('\n') + tryHelp);
        result.options.screenshotPath = parser.value(screenshotOption);
        if (result.options.screenshotPath.isEmpty())
            return exitWith(2, AppInfo::executableName() + QStringLiteral(": ")
                                   + tr("--screenshot needs a file name.") + QLatin1Char('\n') + tryHelp);
    }
    for (const QString& file : parser.positionalArguments()) {
        if (file.isEmpty())
            return exitWith(2, AppInfo::executableName() + QStringLiteral(": ")
                                   + tr("An empty file name was given.") + QLatin1Char('\n') + tryHelp);
        result.options.files.append(QDir::cleanPath(QFileInfo(file).absoluteFilePath()));
    }
    return result;
}

}  // namespace lectern::app
