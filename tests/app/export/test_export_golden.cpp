// test_export_golden.cpp: Markdown, JSON and CSV exports of a fixed database compared byte for byte with
// hand-written files in golden/, plus the CSV and Markdown rules on their edge cases.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "app/export/conversation_bundle.h"
#include "app/export/csv_export.h"
#include "app/export/json_export.h"
#include "app/export/markdown_export.h"
#include "app/storage/extraction_repository.h"
#include "export_fixture.h"

using namespace lectern::exporting;
using namespace lectern::storage;

namespace {

QByteArray golden(const char* name)
{
    QFile file(QStringLiteral(LECTERN_EXPORT_GOLDEN_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("golden file %s is missing: %s", name, qPrintable(file.fileName()));
    return file.readAll();
}

// On mismatch, names the first differing byte and shows both sides around it.
bool sameBytes(const QByteArray& actual, const QByteArray& expected, QString* why)
{
    if (actual == expected)
        return true;
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
        ++i;
    *why = QStringLiteral("first difference at byte %1 (sizes %2 vs %3)\n--- actual from there:\n%4\n--- expected from there:\n%5")
               .arg(i)
               .arg(actual.size())
               .arg(expected.size())
               .arg(QString::fromUtf8(actual.mid(qMax<qsizetype>(0, i - 20), 120)))
               .arg(QString::fromUtf8(expected.mid(qMax<qsizetype>(0, i - 20), 120)));
    return false;
}

#define COMPARE_BYTES(actual, expected)                                  \
    do {                                                                 \
        QString why_;                                                    \
        QVERIFY2(sameBytes((actual), (expected), &why_), qPrintable(why_)); \
    } while (false)

}  // namespace

class TestExportGolden : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_reader;

    QList<ConversationBundle> conversations(const QList<qint64>& ids)
    {
        auto bundles = loadConversations(*m_reader, ids);
        if (!bundles.ok())
            qFatal("loading conversations failed: %s", qPrintable(bundles.status().message()));
        return bundles.value();
    }

    QList<ExtractionWithSource> records(const QList<qint64>& schemaIds)
    {
        auto rows = ExtractionRepository(*m_reader).listWithSource(schemaIds);
        if (!rows.ok())
            qFatal("loading records failed: %s", qPrintable(rows.status().message()));
        return rows.value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("lectern.sqlite3"));
        const QString failure = testing::buildExportFixture(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.status().message()));
        m_reader = std::move(db->openReader().value());
    }

    void markdownWithReasoning()
    {
        COMPARE_BYTES(MarkdownExport::write(conversations({}), {true}), golden("conversations.md"));
    }

    void markdownWithoutReasoning()
    {
        COMPARE_BYTES(MarkdownExport::write(conversations({1}), {false}), golden("conversation1_no_reasoning.md"));
    }

    void conversationsJson()
    {
        COMPARE_BYTES(conversationsToJson(conversations({1, 2}), {true}), golden("conversations.json"));
        // Without reasoning, the key is gone entirely, and nothing else changes.
        QByteArray expected = golden("conversations.json");
        QByteArrayList kept;
        for (const QByteArray& line : expected.split('\n'))
            if (!line.trimmed().startsWith("\"reasoning\":"))
                kept << line;
        COMPARE_BYTES(conversationsToJson(conversations({1, 2}), {false}), kept.join('\n'));
    }

    void conversationsInRequestedOrder()
    {
        const QList<ConversationBundle> bundles = conversations({2, 1, 2});
        QCOMPARE(bundles.size(), 2);
        QCOMPARE(bundles[0].conversation.id, 2);
        QCOMPARE(bundles[1].conversation.id, 1);
        auto missing = loadConversations(*m_reader, {1, 99});
        QCOMPARE(missing.status().code(), StorageErrorCode::NotFound);
        QVERIFY(missing.status().message().contains(QStringLiteral("99")));
    }

    void recordsCsv()
    {
        auto csv = CsvExport::write(records({}), {});
        QVERIFY2(csv.ok(), qPrintable(csv.status().message()));
        COMPARE_BYTES(csv.value(), golden("records.csv"));
    }

    void recordsCsvWithBomAndSourceForOneSchema()
    {
        CsvOptions options;
        options.byteOrderMark = true;
        options.includeSource = true;
        auto csv = CsvExport::write(records({1}), options);
        QVERIFY2(csv.ok(), qPrintable(csv.status().message()));
        COMPARE_BYTES(csv.value(), golden("records_invoice_bom_source.csv"));
    }

    void recordsJson()
    {
        auto json = recordsToJson(records({}));
        QVERIFY2(json.ok(), qPrintable(json.status().message()));
        COMPARE_BYTES(json.value(), golden("records.json"));
    }

    void csvFieldQuoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::addRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
        QTest::addRow("empty") << QString() << QString();
        QTest::addRow("spaces kept") << QStringLiteral(" a b ") << QStringLiteral(" a b ");
        QTest::addRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::addRow("quote") << QStringLiteral("say \"x\"") << QStringLiteral("\"say \"\"x\"\"\"");
        QTest::addRow("lone quote") << QStringLiteral("\"") << QStringLiteral("\"\"\"\"");
        QTest::addRow("CR") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::addRow("LF") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::addRow("CRLF") << QStringLiteral("a\r\nb") << QStringLiteral("\"a\r\nb\"");
        QTest::addRow("semicolon and tab") << QStringLiteral("a;b\tc") << QStringLiteral("a;b\tc");
        QTest::addRow("formula left alone") << QStringLiteral("=1+2") << QStringLiteral("=1+2");
    }

    void csvFieldQuoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(CsvExport::field(value), field);
    }

    void flattenRules()
    {
        auto cells = CsvExport::flatten(R"({"a": {"b": {"c": 1}, "d": []}, "a.b.c": 2, "e": {}, "f": null, "g": false, "h": 1.0})");
        QVERIFY(cells.ok());
        const QList<QPair<QString, QString>> expected = {
            {QStringLiteral("a.b.c"), QStringLiteral("2")},  // same name: shares the column, later value wins
            {QStringLiteral("a.d"), QStringLiteral("[]")},
            {QStringLiteral("e"), QStringLiteral("{}")},
            {QStringLiteral("f"), QString()},
            {QStringLiteral("g"), QStringLiteral("false")},
            {QStringLiteral("h"), QStringLiteral("1.0")},
        };
        QCOMPARE(cells.value(), expected);
        QCOMPARE(CsvExport::flatten("{}").value().size(), 0);
        QCOMPARE(CsvExport::flatten("[1,\"x\"]").value(),
                 (QList<QPair<QString, QString>>{{QStringLiteral("value"), QStringLiteral("[1,\"x\"]")}}));
        auto broken = CsvExport::flatten("{\"a\":");
        QCOMPARE(broken.status().code(), StorageErrorCode::Corrupt);
    }

    void emptyExports()
    {
        QCOMPARE(CsvExport::write({}, {}).value(), QByteArray());
        QCOMPARE(CsvExport::write({}, {true, false}).value(), QByteArrayLiteral("\xEF\xBB\xBF"));
        QCOMPARE(CsvExport::write({}, {false, true}).value(), QByteArrayLiteral("source.file,source.page\r\n"));
        QCOMPARE(MarkdownExport::write({}, {}), QByteArray());
        QCOMPARE(conversationsToJson({}, {}),
                 QByteArrayLiteral("{\n  \"format\": \"lectern-conversations\",\n  \"version\": 1,\n  \"conversations\": []\n}\n"));
    }

    void markdownEscapesPlainText()
    {
        QCOMPARE(MarkdownExport::escapeInline(QStringLiteral("a*b_c [d](e) <f> #1 `g` \\ |")),
                 QStringLiteral("a\\*b\\_c \\[d\\](e) \\<f\\> \\#1 \\`g\\` \\\\ \\|"));
        QCOMPARE(MarkdownExport::escapeInline(QStringLiteral("two\nlines")), QStringLiteral("two lines"));
    }
};

QTEST_GUILESS_MAIN(TestExportGolden)
#include "test_export_golden.moc"
