// test_extract_templates.cpp: the built-in extraction templates load from the resources and pass the checks; user
// schemas get messages that say what to fix (JSON syntax with line and column, unsupported keywords with their
// location, a top level that gives no records); the record shape follows the top level.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "app/extract/extraction_templates.h"

using namespace lectern::extract;

class ExtractTemplatesTest : public QObject {
    Q_OBJECT

private slots:
    void builtInTemplatesLoadAndPass()
    {
        const QList<ExtractionTemplate> all = ExtractionTemplates::builtIn();
        QCOMPARE(all.size(), 5);
        QStringList names;
        for (const ExtractionTemplate& t : all) {
            names << t.name;
            QVERIFY2(!t.title.isEmpty(), qPrintable(t.name));
            QVERIFY2(!t.description.isEmpty(), qPrintable(t.name));
            QVERIFY2(QJsonDocument::fromJson(t.schemaJson).isObject(), qPrintable(t.name));
            const QString problem = ExtractionTemplates::check(t.schemaJson);
            QVERIFY2(problem.isEmpty(), qPrintable(t.name + QStringLiteral(": ") + problem));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("invoice"), QStringLiteral("receipt"), QStringLiteral("contact"),
                                     QStringLiteral("line_items"), QStringLiteral("key_facts")}));
        QCOMPARE(ExtractionTemplates::names(), names);
        QVERIFY(ExtractionTemplates::byName(QStringLiteral("receipt")).has_value());
        QVERIFY(!ExtractionTemplates::byName(QStringLiteral("passport")).has_value());
        QCOMPARE(ExtractionTemplates::shapeOf(ExtractionTemplates::byName(QStringLiteral("line_items"))->schemaJson),
                 RecordShape::PerItem);
        QCOMPARE(ExtractionTemplates::shapeOf(ExtractionTemplates::byName(QStringLiteral("invoice"))->schemaJson),
                 RecordShape::PerDocument);
    }

    void userSchemaMessagesSayWhatToFix_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QString>("fragment");
        QTest::addRow("syntax") << QByteArray("{\n  \"type\": \"object\",\n  \"properties\": {,}\n}")
                                << QStringLiteral("line 3, column");
        QTest::addRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("must be a JSON object");
        QTest::addRow("unsupported keyword")
            << QByteArray(R"({"type":"object","properties":{"total":{"type":"number","minimum":0}}})")
            << QStringLiteral("/properties/total: keyword \"minimum\" is not supported");
        QTest::addRow("unknown format") << QByteArray(R"({"type":"object","properties":{"u":{"type":"string","format":"uri"}}})")
                                        << QStringLiteral("format \"uri\" is not supported");
        QTest::addRow("required typo") << QByteArray(R"({"type":"object","properties":{"a":{"type":"string"}},"required":["b"]})")
                                       << QStringLiteral("\"required\" names \"b\"");
        QTest::addRow("top-level string") << QByteArray(R"({"type":"string"})")
                                          << QStringLiteral("must be an object (one record per file)");
        QTest::addRow("array of strings") << QByteArray(R"({"type":"array","items":{"type":"string"}})")
                                          << QStringLiteral("array of objects");
    }

    void userSchemaMessagesSayWhatToFix()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QString, fragment);
        const QString problem = ExtractionTemplates::check(schema);
        QVERIFY2(problem.contains(fragment), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(ExtractTemplatesTest)
#include "test_extract_templates.moc"
