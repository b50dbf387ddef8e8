// test_export_cli.cpp: end to end, the real `lectern export` program on a fixture database, with no display
// available: outputs equal the hand-written goldens byte for byte; bad arguments and bad databases give the
// documented exit codes and messages; the database file is never changed.
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/storage/connection.h"
#include "export_fixture.h"

using namespace lectern::storage;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray golden(const char* name)
{
    const QByteArray bytes = readFile(QStringLiteral(LECTERN_EXPORT_GOLDEN_DIR "/") + QString::fromLatin1(name));
    if (bytes.isEmpty())
        qFatal("golden file %s is missing", name);
    return bytes;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

}  // namespace

class TestExportCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QByteArray m_dbSha;

    Run lectern(const QStringList& args, const QString& xdgDataHome = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No display at all, and a platform that would fail without one: only a window-less path works.
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), xdgDataHome.isEmpty() ? m_dir.filePath(QStringLiteral("xdg-empty")) : xdgDataHome);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(LECTERN_APP_PATH), QStringList{QStringLiteral("export")} + args);
        Run run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("timed out");
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    void expectOutput(const QStringList& args, const char* goldenName)
    {
        const Run run = lectern(args);
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, golden(goldenName));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("lectern.sqlite3"));
        const QString failure = lectern::exporting::testing::buildExportFixture(m_db);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_dbSha = QCryptographicHash::hash(readFile(m_db), QCryptographicHash::Sha256);
    }

    void cleanupTestCase()
    {
        // Exports only read: the database file is exactly as the fixture left it.
        QCOMPARE(QCryptographicHash::hash(readFile(m_db), QCryptographicHash::Sha256), m_dbSha);
    }

    void conversationsMarkdown()
    {
        expectOutput({QStringLiteral("--db"), m_db, QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("markdown")},
                     "conversations.md");
    }

    void conversationMarkdownWithoutReasoning()
    {
        expectOutput({QStringLiteral("--db"), m_db, QStringLiteral("--conversation"), QStringLiteral("1"),
                      QStringLiteral("--format"), QStringLiteral("markdown"), QStringLiteral("--no-reasoning")},
                     "conversation1_no_reasoning.md");
    }

    void conversationsJson()
    {
        expectOutput({QStringLiteral("--db"), m_db, QStringLiteral("--conversation"), QStringLiteral("1"), QStringLiteral("2"),
                      QStringLiteral("--format"), QStringLiteral("json")},
                     "conversations.json");
        expectOutput({QStringLiteral("--format=json"), QStringLiteral("--conversation=1,2"), QStringLiteral("--db=") + m_db},
                     "conversations.json");
    }

    void recordsCsvAndJson()
    {
        expectOutput({QStringLiteral("--db"), m_db, QStringLiteral("--extractions"), QStringLiteral("--format"), QStringLiteral("csv")},
                     "records.csv");
        expectOutput({QStringLiteral("--db"), m_db, QStringLiteral("--extractions"), QStringLiteral("--format"), QStringLiteral("json")},
                     "records.json");
    }

    void recordsCsvToFile()
    {
        const QString out = m_dir.filePath(QStringLiteral("invoice.csv"));
        const Run run = lectern({QStringLiteral("--db"), m_db, QStringLiteral("--extractions"), QStringLiteral("--schema-id"),
                                 QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--bom"),
                                 QStringLiteral("--with-source"), QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(readFile(out), golden("records_invoice_bom_source.csv"));
    }

    void defaultDatabaseIsInXdgDataHome()
    {
        const QString xdg = m_dir.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(xdg + QStringLiteral("/Lectern")));
        QVERIFY(QFile::copy(m_db, xdg + QStringLiteral("/Lectern/lectern.sqlite3")));
        const Run run = lectern({QStringLiteral("--extractions"), QStringLiteral("--format"), QStringLiteral("csv")}, xdg);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, golden("records.csv"));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString db = QStringLiteral("--db=/nonexistent.sqlite3");
        QTest::addRow("nothing") << QStringList{} << QStringLiteral("choose the conversations");
        QTest::addRow("no format") << QStringList{db, QStringLiteral("--all")} << QStringLiteral("--format markdown or --format json");
        QTest::addRow("bad format") << QStringList{db, QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("pdf")}
                                    << QStringLiteral("not 'pdf'");
        QTest::addRow("both selections") << QStringList{db, QStringLiteral("--all"), QStringLiteral("--conversation"), QStringLiteral("1"),
                                                        QStringLiteral("--format=json")}
                                         << QStringLiteral("not both");
        QTest::addRow("bad id") << QStringList{db, QStringLiteral("--conversation"), QStringLiteral("x"), QStringLiteral("--format=json")}
                                << QStringLiteral("positive numeric ids, not 'x'");
        QTest::addRow("missing id") << QStringList{db, QStringLiteral("--conversation"), QStringLiteral("--format=json")}
                                    << QStringLiteral("needs at least one id");
        QTest::addRow("csv for conversations") << QStringList{db, QStringLiteral("--all"), QStringLiteral("--format=csv")}
                                               << QStringLiteral("not 'csv'");
        QTest::addRow("markdown for records") << QStringList{db, QStringLiteral("--extractions"), QStringLiteral("--format=markdown")}
                                              << QStringLiteral("csv or json, not 'markdown'");
        QTest::addRow("bom for json") << QStringList{db, QStringLiteral("--extractions"), QStringLiteral("--format=json"), QStringLiteral("--bom")}
                                      << QStringLiteral("--format csv only");
        QTest::addRow("schema for conversations") << QStringList{db, QStringLiteral("--all"), QStringLiteral("--schema-id=1"), QStringLiteral("--format=json")}
                                                  << QStringLiteral("--extractions only");
        QTest::addRow("unknown") << QStringList{db, QStringLiteral("--everything")} << QStringLiteral("unknown argument '--everything'");
        QTest::addRow("no db value") << QStringList{QStringLiteral("--db")} << QStringLiteral("--db needs a value");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = lectern(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("lectern export: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Usage:")), qPrintable(run.err));
        QCOMPARE(run.out, QByteArray());
    }

    void helpExitsZero()
    {
        const Run run = lectern({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Usage:\n  lectern export"));
        QVERIFY(run.out.contains("--with-source"));
    }

    void runtimeErrorsExitOne()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.sqlite3"));
        Run run = lectern({QStringLiteral("--db"), missing, QStringLiteral("--all"), QStringLiteral("--format=json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("lectern export: There is no database at ") + missing), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(missing));  // not created

        run = lectern({QStringLiteral("--db"), m_db, QStringLiteral("--conversation"), QStringLiteral("1"), QStringLiteral("99"),
                       QStringLiteral("--format=markdown")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no conversation with id 99")), qPrintable(run.err));
        QCOMPARE(run.out, QByteArray());  // nothing half-written

        run = lectern({QStringLiteral("--db"), m_db, QStringLiteral("--extractions"), QStringLiteral("--schema-id"), QStringLiteral("7"),
                       QStringLiteral("--format=csv")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no extraction schema with id 7")), qPrintable(run.err));

        run = lectern({QStringLiteral("--db"), m_db, QStringLiteral("--all"), QStringLiteral("--format=json"),
                       QStringLiteral("--out"), m_dir.filePath(QStringLiteral("no/such/folder/out.json"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot write")), qPrintable(run.err));
    }

    void refusesDatabasesItMustNotChange()
    {
        // Newer than this Lectern, and older (needs a migration): both refused, both left as they were.
        for (int version : {99, 1}) {
            const QString path = m_dir.filePath(QStringLiteral("v%1.sqlite3").arg(version));
            QVERIFY(QFile::copy(m_db, path));
            {
                auto c = Connection::open(path, Connection::Mode::ReadWrite, 1000);
                QVERIFY(c.ok());
                QVERIFY(c.value()->exec(QStringLiteral("PRAGMA user_version = %1").arg(version)).ok());
            }
            const QByteArray before = readFile(path);
            const Run run = lectern({QStringLiteral("--db"), path, QStringLiteral("--all"), QStringLiteral("--format=json")});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(version == 99 ? QStringLiteral("newer version of Lectern")
                                                    : QStringLiteral("opened read-only")),
                     qPrintable(run.err));
            QCOMPARE(readFile(path), before);
        }
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite3"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x7f'));
        file.close();
        const Run run = lectern({QStringLiteral("--db"), garbage, QStringLiteral("--extractions"), QStringLiteral("--format=csv")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not a Lectern database")), qPrintable(run.err));
        QCOMPARE(readFile(garbage), QByteArray(4096, '\x7f'));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "test_export_cli.moc"
