// test_app_command_line.cpp: lectern's command line: --version, --help, FILE..., hidden test options, errors.
#include <QDir>
#include <QtTest>

#include "app/command_line.h"

using lectern::app::CommandLine;
using lectern::app::CommandLineResult;
using Action = CommandLineResult::Action;

namespace {

CommandLineResult parse(const QStringList& arguments)
{
    return CommandLine::parse(QStringList{QStringLiteral("/usr/bin/lectern")} + arguments);
}

QString inCwd(const QString& name)
{
    return QDir::current().absoluteFilePath(name);
}

}  // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void noArgumentsRuns()
    {
        const CommandLineResult result = parse({});
        QCOMPARE(result.action, Action::Run);
        QVERIFY(result.options.files.isEmpty());
        QVERIFY(!result.options.smokeTest);
        QVERIFY(result.options.screenshotPath.isEmpty());
    }

    void versionPrintsNameAndVersion_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("long") << QStringLiteral("--version");
        QTest::newRow("short") << QStringLiteral("-v");
    }
    void versionPrintsNameAndVersion()
    {
        QFETCH(QString, option);
        const CommandLineResult result = parse({option});
        QCOMPARE(result.action, Action::Exit);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.output, QStringLiteral("lectern " LECTERN_EXPECTED_VERSION "\n"));
    }

    void helpListsPublicOptionsOnly()
    {
        const CommandLineResult result = parse({QStringLiteral("--help")});
        QCOMPARE(result.action, Action::Exit);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.output.contains(QStringLiteral("--version")), qPrintable(result.output));
        QVERIFY2(result.output.contains(QStringLiteral("--help")), qPrintable(result.output));
        QVERIFY2(result.output.contains(QStringLiteral("[FILE...]")), qPrintable(result.output));
        QVERIFY2(!result.output.contains(QStringLiteral("smoke-test")), qPrintable(result.output));
        QVERIFY2(!result.output.contains(QStringLiteral("screenshot")), qPrintable(result.output));
        QVERIFY2(result.output.startsWith(QStringLiteral("Usage: lectern [options] [FILE...]\n")),
                 qPrintable(result.output));
    }

    void helpAllIsNotAnOption()
    {
        // Qt's --help-all can only be answered by exiting; lectern does not offer it.
        const CommandLineResult result = parse({QStringLiteral("--help-all")});
        QCOMPARE(result.action, Action::Exit);
        QCOMPARE(result.exitCode, 2);
    }

    void helpWinsOverMistakes()
    {
        const CommandLineResult result = parse({QStringLiteral("--bogus"), QStringLiteral("-h")});
        QCOMPARE(result.action, Action::Exit);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.output.contains(QStringLiteral("--version")));
    }

    void filesBecomeAbsoluteInOrder()
    {
        const CommandLineResult result = parse({QStringLiteral("b.pdf"), QStringLiteral("/tmp/x/../scan.png"),
                                                QStringLiteral("dir/./talk.mp4"), QStringLiteral("b.pdf")});
        QCOMPARE(result.action, Action::Run);
        const QStringList expected{inCwd(QStringLiteral("b.pdf")), QStringLiteral("/tmp/scan.png"),
                                   inCwd(QStringLiteral("dir/talk.mp4")), inCwd(QStringLiteral("b.pdf"))};
        QCOMPARE(result.options.files, expected);
    }

    void doubleDashEndsOptions()
    {
        const CommandLineResult result = parse({QStringLiteral("--"), QStringLiteral("--version")});
        QCOMPARE(result.action, Action::Run);
        QCOMPARE(result.options.files, QStringList{inCwd(QStringLiteral("--version"))});
    }

    void smokeTestWithScreenshot()
    {
        const CommandLineResult result = parse({QStringLiteral("--smoke-test"), QStringLiteral("--screenshot=/tmp/s.png"),
                                                QStringLiteral("notes.txt")});
        QCOMPARE(result.action, Action::Run);
        QVERIFY(result.options.smokeTest);
        QCOMPARE(result.options.screenshotPath, QStringLiteral("/tmp/s.png"));
        QCOMPARE(result.options.files, QStringList{inCwd(QStringLiteral("notes.txt"))});
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown long option") << QStringList{QStringLiteral("--bogus")}
                                             << QStringLiteral("lectern: Unknown option 'bogus'.");
        QTest::newRow("unknown single-dash word") << QStringList{QStringLiteral("-platformx")}
                                                  << QStringLiteral("lectern: Unknown option 'platformx'.");
        QTest::newRow("screenshot without smoke test")
            << QStringList{QStringLiteral("--screenshot=/tmp/s.png")}
            << QStringLiteral("lectern: --screenshot only works together with --smoke-test.");
        QTest::newRow("screenshot without value") << QStringList{QStringLiteral("--smoke-test"), QStringLiteral("--screenshot")}
                                                  << QStringLiteral("lectern: Missing value after '--screenshot'.");
        QTest::newRow("empty screenshot name")
            << QStringList{QStringLiteral("--smoke-test"), QStringLiteral("--screenshot=")}
            << QStringLiteral("lectern: --screenshot needs a file name.");
        QTest::newRow("empty file name") << QStringList{QString()} << QStringLiteral("lectern: An empty file name was given.");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CommandLineResult result = parse(arguments);
        QCOMPARE(result.action, Action::Exit);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.output, message + QStringLiteral("\nTry 'lectern --help' for more information.\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_app_command_line.moc"
