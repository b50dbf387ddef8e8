// test_storage_search.cpp: FTS5 search over messages and extracted values: bm25 ranking, snippets,
// accents and case, prefixes, literal treatment of query syntax, and index upkeep on update/delete.
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/extraction_repository.h"
#include "app/storage/message_repository.h"
#include "app/storage/search_repository.h"
#include "test_support.h"

using namespace lectern::storage;
using namespace lectern::storage::testing;

class TestStorageSearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_writer;
    QHash<QString, qint64> m_ids;  // message ids by a short name
    qint64 m_cafeConversation = 0;

    qint64 addMessage(qint64 conversationId, MessageRole role, const QString& content, const QString& reasoning = {})
    {
        Message m;
        m.conversationId = conversationId;
        m.role = role;
        m.content = content;
        m.reasoning = reasoning;
        return MessageRepository(*m_writer).append(m).value();
    }

    QList<qint64> idsOf(const QList<MessageHit>& hits)
    {
        QList<qint64> ids;
        for (const MessageHit& h : hits)
            ids << h.messageId;
        return ids;
    }

    QList<MessageHit> search(const QString& text, SearchOptions options = {})
    {
        auto hits = SearchRepository(*m_writer).searchMessages(text, options);
        if (!hits.ok()) {
            qWarning("search '%s' failed: %s", qPrintable(text), qPrintable(hits.status().message()));
            return {};
        }
        return hits.value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        StorageResult<Database> db = Database::open(m_dir.filePath(Database::fileName()));
        LECTERN_VERIFY_OK(db);
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        m_writer = std::move(writer.value());
        ConversationRepository conversations(*m_writer);
        Conversation trip;
        trip.title = QStringLiteral("Norway trip");
        const qint64 tripId = conversations.create(trip).value();
        Conversation cafe;
        cafe.title = QStringLiteral("Coffee");
        m_cafeConversation = conversations.create(cafe).value();

        m_ids[QStringLiteral("question")] = addMessage(tripId, MessageRole::User, QStringLiteral("Which fjord had the glacier?"));
        m_ids[QStringLiteral("answer")] = addMessage(tripId, MessageRole::Assistant,
            QStringLiteral("The glacier, a big glacier: glacier views at Geirangerfjord."),
            QStringLiteral("The user asks about a glacier."));
        m_ids[QStringLiteral("cafe")] = addMessage(m_cafeConversation, MessageRole::User,
            QStringLiteral("Where is the Café with the best coffee?"));
        m_ids[QStringLiteral("long")] = addMessage(m_cafeConversation, MessageRole::Assistant,
            QStringLiteral("It is near the station, two streets from the harbour. The coffee there is excellent, "
                           "the cakes are fresh every morning, and on clear days you even get a glacier view."));
        m_ids[QStringLiteral("greek")] = addMessage(m_cafeConversation, MessageRole::User,
            QStringLiteral("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
                           "sigma tau upsilon phi chi psi omega"));
        m_ids[QStringLiteral("zebraContent")] = addMessage(tripId, MessageRole::Assistant, QStringLiteral("zebra stripes"));
        m_ids[QStringLiteral("zebraReasoning")] =
            addMessage(tripId, MessageRole::Assistant, QStringLiteral("no animals here"), QStringLiteral("zebra stripes"));
    }

    void ranksByBm25()
    {
        // Three mentions in a short message beat one; at one mention each, the shorter message wins.
        const QList<MessageHit> hits = search(QStringLiteral("glacier"));
        QCOMPARE(idsOf(hits), (QList<qint64>{m_ids[QStringLiteral("answer")], m_ids[QStringLiteral("question")],
                                            m_ids[QStringLiteral("long")]}));
        QVERIFY(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
        QCOMPARE(hits[0].conversationTitle, QStringLiteral("Norway trip"));
        QCOMPARE(hits[0].role, MessageRole::Assistant);
        QCOMPARE(hits[2].conversationId, m_cafeConversation);
    }

    void contentOutranksReasoning()
    {
        QCOMPARE(idsOf(search(QStringLiteral("zebra"))),
                 (QList<qint64>{m_ids[QStringLiteral("zebraContent")], m_ids[QStringLiteral("zebraReasoning")]}));
    }

    void snippetsHighlightMatches()
    {
        SearchOptions options;
        options.snippetTokens = 64;
        const QList<MessageHit> hits = search(QStringLiteral("glacier"), options);
        QCOMPARE(hits.size(), 3);
        // A short text comes back whole, with every match marked.
        QCOMPARE(hits[1].snippet, QStringLiteral("Which fjord had the [glacier]?"));
        QCOMPARE(hits[0].snippet, QStringLiteral("The [glacier], a big [glacier]: [glacier] views at Geirangerfjord."));

        // A match only in the reasoning is shown from the reasoning.
        const QList<MessageHit> asks = search(QStringLiteral("asks"), options);
        QCOMPARE(asks.size(), 1);
        QCOMPARE(asks[0].snippet, QStringLiteral("The user [asks] about a glacier."));  // only query words are marked

        // A long text is cut to a window around the match, with ellipses.
        options.snippetTokens = 5;
        options.markStart = QStringLiteral("<b>");
        options.markEnd = QStringLiteral("</b>");
        const QList<MessageHit> greek = search(QStringLiteral("omicron"), options);
        QCOMPARE(greek.size(), 1);
        const QString snippet = greek[0].snippet;
        QVERIFY2(snippet.contains(QStringLiteral("<b>omicron</b>")), qPrintable(snippet));
        QVERIFY2(snippet.startsWith(QStringLiteral("\u2026")) && snippet.endsWith(QStringLiteral("\u2026")), qPrintable(snippet));
        QString words = snippet;
        words.remove(QStringLiteral("\u2026"));
        QCOMPARE(words.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), 5);
    }

    void ignoresCaseAndAccents()
    {
        SearchOptions options;
        options.snippetTokens = 64;
        for (const QString& query : {QStringLiteral("cafe"), QStringLiteral("CAFÉ"), QStringLiteral("Café")}) {
            const QList<MessageHit> hits = search(query, options);
            QCOMPARE(idsOf(hits), QList<qint64>{m_ids[QStringLiteral("cafe")]});
            QCOMPARE(hits[0].snippet, QStringLiteral("Where is the [Café] with the best coffee?"));
        }
    }

    void allWordsMustMatchAndLastIsPrefix()
    {
        QCOMPARE(idsOf(search(QStringLiteral("glacier coffee"))), QList<qint64>{m_ids[QStringLiteral("long")]});
        QCOMPARE(idsOf(search(QStringLiteral("coffee glac"))), QList<qint64>{m_ids[QStringLiteral("long")]});
        SearchOptions exact;
        exact.prefixLastTerm = false;
        QVERIFY(search(QStringLiteral("glac"), exact).isEmpty());
        QCOMPARE(search(QStringLiteral("glac")).size(), 3);
    }

    void querySyntaxIsLiteral()
    {
        QCOMPARE(SearchRepository::ftsQuery(QStringLiteral("  say \"hi\"  there "), false),
                 QStringLiteral("\"say\" \"\"\"hi\"\"\" \"there\""));
        QCOMPARE(SearchRepository::ftsQuery(QStringLiteral("inv"), true), QStringLiteral("\"inv\"*"));
        QCOMPARE(SearchRepository::ftsQuery(QStringLiteral("*** -- \""), true), QString());
        for (const QString& query : {QStringLiteral("glacier\" OR \"x"), QStringLiteral("NEAR(glacier"),
                                     QStringLiteral("content:glacier"), QStringLiteral("glacier AND"),
                                     QStringLiteral("***"), QString()}) {
            auto hits = SearchRepository(*m_writer).searchMessages(query);
            QVERIFY2(hits.ok(), qPrintable(query + QStringLiteral(": ") + hits.status().message()));
        }
        // "OR" is a word to find here, not an operator: as FTS5 syntax this would find four messages.
        QVERIFY(search(QStringLiteral("fjord OR coffee")).isEmpty());
        QVERIFY(search(QStringLiteral("glacier\" OR \"x")).isEmpty());
        // "and" is a word too: only the message that has both words.
        QCOMPARE(idsOf(search(QStringLiteral("glacier and"))), QList<qint64>{m_ids[QStringLiteral("long")]});
        QCOMPARE(search(QStringLiteral("glacier?")).size(), 3);
    }

    void indexFollowsUpdatesAndDeletes()
    {
        const qint64 id = m_ids[QStringLiteral("question")];
        MessageRepository messages(*m_writer);
        LECTERN_VERIFY_OK(messages.updateText(id, QStringLiteral("Which lake was frozen?"), QString()));
        QVERIFY(!idsOf(search(QStringLiteral("glacier"))).contains(id));
        QCOMPARE(idsOf(search(QStringLiteral("frozen"))), QList<qint64>{id});

        LECTERN_VERIFY_OK(ConversationRepository(*m_writer).remove(m_cafeConversation));  // cascades to messages
        QVERIFY(search(QStringLiteral("coffee")).isEmpty());
        QVERIFY(search(QStringLiteral("omicron")).isEmpty());
        LECTERN_VERIFY_OK(m_writer->exec(QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")));
    }

    void searchesExtractedValues()
    {
        ExtractionRepository extractions(*m_writer);
        ExtractionSchema schema;
        schema.name = QStringLiteral("supplier");
        schema.schemaJson = "{}";
        const qint64 sid = extractions.addSchema(schema).value();
        Extraction first;
        first.schemaId = sid;
        first.recordJson = R"({"vendor": "Müller & Söhne", "address": {"city": "Köln"}, "vat": true, "notes": null})";
        const qint64 e1 = extractions.add(first).value();
        Extraction second;
        second.schemaId = sid;
        second.recordJson = R"({"vendor": "Schmidt", "remark": "vendor changed from Müller", "tags": ["urgent"]})";
        const qint64 e2 = extractions.add(second).value();

        SearchRepository search(*m_writer);
        SearchOptions options;
        options.snippetTokens = 64;
        // Keys are not indexed: only the record whose *value* says "vendor" is found.
        auto vendor = search.searchExtractions(QStringLiteral("vendor"), options);
        LECTERN_VERIFY_OK(vendor);
        QCOMPARE(vendor->size(), 1);
        QCOMPARE(vendor->first().extractionId, e2);
        QCOMPARE(vendor->first().schemaName, QStringLiteral("supplier"));
        // Nested values and array elements are; accents do not matter; one value per line.
        auto muller = search.searchExtractions(QStringLiteral("muller"), options);
        LECTERN_VERIFY_OK(muller);
        QCOMPARE(muller->size(), 2);
        auto koeln = search.searchExtractions(QStringLiteral("koln"), options);
        LECTERN_VERIFY_OK(koeln);
        QCOMPARE(koeln->size(), 1);
        QCOMPARE(koeln->first().extractionId, e1);
        QCOMPARE(koeln->first().snippet, QStringLiteral("Müller & Söhne\n[Köln]"));
        auto urgent = search.searchExtractions(QStringLiteral("urgent"), options);
        LECTERN_VERIFY_OK(urgent);
        QCOMPARE(urgent->size(), 1);

        LECTERN_VERIFY_OK(extractions.remove(e1));
        QCOMPARE(search.searchExtractions(QStringLiteral("koln"))->size(), 0);
        LECTERN_VERIFY_OK(m_writer->exec(QStringLiteral("INSERT INTO extractions_fts (extractions_fts) VALUES ('integrity-check')")));
    }
};

QTEST_GUILESS_MAIN(TestStorageSearch)
#include "test_storage_search.moc"
