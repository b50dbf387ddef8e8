// test_storage_repositories.cpp: conversations, messages, attachments and extractions round-trip through
// the repositories; cascades, SET NULL links, and the specific error for each bad input.
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/extraction_repository.h"
#include "app/storage/message_repository.h"
#include "test_support.h"

using namespace lectern::storage;
using namespace lectern::storage::testing;

namespace {

const QString kSha = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

}  // namespace

class TestStorageRepositories : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Connection> m_writer;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(Database::fileName()));
        StorageResult<Database> db = Database::open(m_dir.filePath(Database::fileName()));
        LECTERN_VERIFY_OK(db);
        m_db = std::make_unique<Database>(db.value());
        auto writer = m_db->openWriter();
        LECTERN_VERIFY_OK(writer);
        m_writer = std::move(writer.value());
    }

    void cleanup()
    {
        m_writer.reset();
        m_db.reset();
        for (const QString& f : filesIn(m_dir.path()))
            QFile::remove(m_dir.filePath(f));
    }

    void conversationRoundTrip()
    {
        ConversationRepository repo(*m_writer);
        Conversation c;
        c.title = QStringLiteral("Rechnungen März \U0001F4C4");
        c.createdAt = at(1700000000123);
        c.model = QStringLiteral("Qwen3.5-0.8B-Q8_0");
        c.thinking = true;
        c.sampling = QJsonObject{{QStringLiteral("temperature"), 0.6}, {QStringLiteral("top_k"), 20}};
        auto id = repo.create(c);
        LECTERN_VERIFY_OK(id);
        auto back = repo.get(id.value());
        LECTERN_VERIFY_OK(back);
        QCOMPARE(back->title, c.title);
        QCOMPARE(back->createdAt, c.createdAt);
        QCOMPARE(back->updatedAt, c.createdAt);  // defaults to created
        QCOMPARE(back->model, c.model);
        QCOMPARE(back->thinking, true);
        QCOMPARE(back->sampling, c.sampling);

        Conversation defaults;  // empty title, created now
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        auto defaultsId = repo.create(defaults);
        LECTERN_VERIFY_OK(defaultsId);
        QVERIFY(repo.get(defaultsId.value())->createdAt >= before);
        QCOMPARE(repo.get(defaultsId.value())->title, QString());
        LECTERN_VERIFY_OK(repo.remove(defaultsId.value()));

        Conversation second;
        second.createdAt = at(1700000000200);
        auto secondId = repo.create(second);
        LECTERN_VERIFY_OK(secondId);

        // Newest activity first.
        auto list = repo.list();
        LECTERN_VERIFY_OK(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, secondId.value());

        LECTERN_VERIFY_OK(repo.rename(id.value(), QStringLiteral("Renamed")));
        QCOMPARE(repo.get(id.value())->title, QStringLiteral("Renamed"));
        QCOMPARE(repo.list()->at(0).id, id.value());  // renaming counts as activity

        Conversation changed = repo.get(id.value()).value();
        changed.thinking = false;
        changed.sampling = QJsonObject{{QStringLiteral("temperature"), 1.0}};
        LECTERN_VERIFY_OK(repo.update(changed));
        QCOMPARE(repo.get(id.value())->thinking, false);
        QCOMPARE(repo.get(id.value())->sampling.value(QStringLiteral("temperature")).toDouble(), 1.0);

        QCOMPARE(repo.get(999).status().code(), StorageErrorCode::NotFound);
        QCOMPARE(repo.rename(999, QStringLiteral("x")).code(), StorageErrorCode::NotFound);
        changed.id = 999;
        QCOMPARE(repo.update(changed).code(), StorageErrorCode::NotFound);
        QCOMPARE(repo.remove(999).code(), StorageErrorCode::NotFound);
    }

    void messagesAppendInOrderWithStats()
    {
        ConversationRepository conversations(*m_writer);
        MessageRepository messages(*m_writer);
        Conversation c;
        c.createdAt = at(1000);
        const qint64 cid = conversations.create(c).value();

        Message user;
        user.conversationId = cid;
        user.role = MessageRole::User;
        user.content = QStringLiteral("Wie viel kostet das? \"quoted\", comma\nnew line");
        user.createdAt = at(5000);
        const qint64 m1 = messages.append(user).value();
        Message answer;
        answer.conversationId = cid;
        answer.role = MessageRole::Assistant;
        answer.content = QStringLiteral("12,50 €");
        answer.reasoning = QStringLiteral("The total is on page 2.");
        answer.reasoningMs = 2345;
        answer.promptTokens = 812;
        answer.generatedTokens = 40;
        answer.tokensPerSecond = 23.5;
        answer.finishReason = FinishReason::Length;
        answer.createdAt = at(6000);
        const qint64 m2 = messages.append(answer).value();

        auto list = messages.listForConversation(cid);
        LECTERN_VERIFY_OK(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, m1);
        QCOMPARE(list->at(0).position, 0);
        QCOMPARE(list->at(0).content, user.content);
        QCOMPARE(list->at(0).finishReason, FinishReason::None);
        QVERIFY(!list->at(0).reasoningMs);
        const Message& a = list->at(1);
        QCOMPARE(a.id, m2);
        QCOMPARE(a.position, 1);
        QCOMPARE(a.role, MessageRole::Assistant);
        QCOMPARE(a.reasoning, answer.reasoning);
        QCOMPARE(a.reasoningMs, std::optional<qint64>(2345));
        QCOMPARE(a.promptTokens, std::optional<int>(812));
        QCOMPARE(a.generatedTokens, std::optional<int>(40));
        QCOMPARE(a.tokensPerSecond, std::optional<double>(23.5));
        QCOMPARE(a.finishReason, FinishReason::Length);
        QCOMPARE(a.createdAt, at(6000));
        // Appending bumped the conversation's activity time.
        QCOMPARE(conversations.get(cid)->updatedAt, at(6000));

        GenerationStats stats;
        stats.finishReason = FinishReason::Cancelled;
        stats.generatedTokens = 41;
        LECTERN_VERIFY_OK(messages.finish(m2, stats));
        QCOMPARE(messages.get(m2)->finishReason, FinishReason::Cancelled);
        QCOMPARE(messages.get(m2)->generatedTokens, std::optional<int>(41));
        QVERIFY(!messages.get(m2)->reasoningMs);  // finish() writes the whole set of statistics

        LECTERN_VERIFY_OK(messages.remove(m1));
        QCOMPARE(messages.get(m1).status().code(), StorageErrorCode::NotFound);
        Message next;  // positions keep growing after a removal
        next.conversationId = cid;
        QCOMPARE(messages.get(messages.append(next).value())->position, 2);

        Message orphan;
        orphan.conversationId = 4242;
        auto refused = messages.append(orphan);
        QCOMPARE(refused.status().code(), StorageErrorCode::NotFound);
        QVERIFY(refused.status().message().contains(QStringLiteral("4242")));
        QCOMPARE(messages.updateText(9999, QStringLiteral("x"), QString()).code(), StorageErrorCode::NotFound);
        QCOMPARE(messages.finish(9999, stats).code(), StorageErrorCode::NotFound);
    }

    void attachmentsValidateAndCascade()
    {
        ConversationRepository conversations(*m_writer);
        MessageRepository messages(*m_writer);
        AttachmentRepository attachments(*m_writer);
        const qint64 cid = conversations.create({}).value();
        Message m;
        m.conversationId = cid;
        const qint64 mid = messages.append(m).value();

        Attachment a;
        a.conversationId = cid;
        a.messageId = mid;
        a.originalPath = QStringLiteral("/home/ana/Dokumente/Rechnung 03.pdf");
        a.sha256 = kSha;
        a.kind = QStringLiteral("pdf");
        a.pageCount = 3;
        a.cacheKey = QStringLiteral("pages/0123abcd");
        auto id = attachments.add(a);
        LECTERN_VERIFY_OK(id);
        auto back = attachments.get(id.value());
        LECTERN_VERIFY_OK(back);
        QCOMPARE(back->originalPath, a.originalPath);
        QCOMPARE(back->messageId, std::optional<qint64>(mid));
        QCOMPARE(back->pageCount, std::optional<int>(3));
        QVERIFY(!back->frameCount);
        QVERIFY(!back->extractedText);
        QCOMPARE(back->cacheKey, a.cacheKey);
        LECTERN_VERIFY_OK(attachments.setExtractedText(id.value(), QStringLiteral("Summe: 12,50 €")));
        QCOMPARE(attachments.get(id.value())->extractedText, std::optional<QString>(QStringLiteral("Summe: 12,50 €")));
        QCOMPARE(attachments.findBySha256(kSha)->size(), 1);
        QCOMPARE(attachments.listForMessage(mid)->size(), 1);

        Attachment bad = a;
        bad.sha256 = QStringLiteral("ABC");
        QCOMPARE(attachments.add(bad).status().code(), StorageErrorCode::InvalidArgument);
        bad = a;
        bad.cacheKey = QStringLiteral("/var/cache/pages");
        QCOMPARE(attachments.add(bad).status().code(), StorageErrorCode::InvalidArgument);
        bad.cacheKey = QStringLiteral("pages/../../etc");
        QCOMPARE(attachments.add(bad).status().code(), StorageErrorCode::InvalidArgument);
        bad = a;
        bad.kind.clear();
        QCOMPARE(attachments.add(bad).status().code(), StorageErrorCode::InvalidArgument);
        bad = a;
        bad.conversationId = 777;
        auto missing = attachments.add(bad);
        QCOMPARE(missing.status().code(), StorageErrorCode::NotFound);
        QVERIFY(missing.status().message().contains(QStringLiteral("777")));

        // Deleting the message keeps the attachment with the conversation; deleting the conversation
        // removes both.
        LECTERN_VERIFY_OK(messages.remove(mid));
        QVERIFY(!attachments.get(id.value())->messageId);
        LECTERN_VERIFY_OK(conversations.remove(cid));
        QCOMPARE(attachments.get(id.value()).status().code(), StorageErrorCode::NotFound);
        QCOMPARE(messages.listForConversation(cid)->size(), 0);
    }

    void extractionsKeepJsonAndOutliveTheirSource()
    {
        ConversationRepository conversations(*m_writer);
        AttachmentRepository attachments(*m_writer);
        ExtractionRepository extractions(*m_writer);
        const qint64 cid = conversations.create({}).value();
        Attachment a;
        a.conversationId = cid;
        a.originalPath = QStringLiteral("/docs/invoice.pdf");
        a.sha256 = kSha;
        a.kind = QStringLiteral("pdf");
        const qint64 aid = attachments.add(a).value();

        ExtractionSchema schema;
        schema.name = QStringLiteral("invoice");
        schema.schemaJson = R"({"type":"object","properties":{"total":{"type":"number"}}})";
        auto sid = extractions.addSchema(schema);
        LECTERN_VERIFY_OK(sid);
        QCOMPARE(extractions.getSchema(sid.value())->schemaJson, schema.schemaJson);

        Extraction e;
        e.schemaId = sid.value();
        // Key order and spacing as the model wrote them: stored byte for byte.
        e.recordJson = R"({"vendor": "Müller & Söhne", "total": 12.50, "items": [1, 2]})";
        e.validation = ValidationStatus::Invalid;
        e.validationErrors = QStringLiteral("items: expected objects");
        e.attachmentId = aid;
        e.page = 2;
        e.createdAt = at(42);
        auto eid = extractions.add(e);
        LECTERN_VERIFY_OK(eid);
        auto back = extractions.get(eid.value());
        LECTERN_VERIFY_OK(back);
        QCOMPARE(back->recordJson, e.recordJson);
        QCOMPARE(back->validation, ValidationStatus::Invalid);
        QCOMPARE(back->validationErrors, e.validationErrors);
        QCOMPARE(back->page, std::optional<int>(2));
        QCOMPARE(back->createdAt, at(42));

        auto listed = extractions.listWithSource({sid.value()});
        LECTERN_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().schemaName, QStringLiteral("invoice"));
        QCOMPARE(listed->first().sourcePath, std::optional<QString>(QStringLiteral("/docs/invoice.pdf")));
        QCOMPARE(extractions.listWithSource({12345}).status().code(), StorageErrorCode::NotFound);

        LECTERN_VERIFY_OK(extractions.setValidation(eid.value(), ValidationStatus::Valid, QString()));
        QCOMPARE(extractions.get(eid.value())->validation, ValidationStatus::Valid);

        // Bad records and schemas are refused with the reason.
        Extraction bad = e;
        bad.recordJson = "{\"total\": 12,";
        auto notJson = extractions.add(bad);
        QCOMPARE(notJson.status().code(), StorageErrorCode::InvalidArgument);
        QVERIFY(notJson.status().message().contains(QStringLiteral("not a valid JSON object")));
        bad.recordJson = "[1, 2]";
        QCOMPARE(extractions.add(bad).status().code(), StorageErrorCode::InvalidArgument);
        bad = e;
        bad.page = 0;
        QCOMPARE(extractions.add(bad).status().code(), StorageErrorCode::InvalidArgument);
        bad = e;
        bad.schemaId = 999;
        QCOMPARE(extractions.add(bad).status().code(), StorageErrorCode::NotFound);
        ExtractionSchema badSchema;
        badSchema.name = QStringLiteral("x");
        badSchema.schemaJson = "not json";
        QCOMPARE(extractions.addSchema(badSchema).status().code(), StorageErrorCode::InvalidArgument);
        badSchema.schemaJson = "{}";
        badSchema.name = QStringLiteral("  ");
        QCOMPARE(extractions.addSchema(badSchema).status().code(), StorageErrorCode::InvalidArgument);

        // A schema with records cannot go; records outlive the conversation and file they came from.
        QCOMPARE(extractions.removeSchema(sid.value()).code(), StorageErrorCode::InvalidArgument);
        LECTERN_VERIFY_OK(conversations.remove(cid));
        auto orphan = extractions.listWithSource();
        LECTERN_VERIFY_OK(orphan);
        QCOMPARE(orphan->size(), 1);
        QVERIFY(!orphan->first().extraction.attachmentId);
        QVERIFY(!orphan->first().sourcePath);
        QCOMPARE(orphan->first().extraction.page, std::optional<int>(2));

        LECTERN_VERIFY_OK(extractions.remove(eid.value()));
        LECTERN_VERIFY_OK(extractions.removeSchema(sid.value()));
        QCOMPARE(extractions.listSchemas()->size(), 0);
    }

    void readerSeesCommittedWrites()
    {
        auto reader = m_db->openReader();
        LECTERN_VERIFY_OK(reader);
        Conversation c;
        c.title = QStringLiteral("visible");
        const qint64 id = ConversationRepository(*m_writer).create(c).value();
        QCOMPARE(ConversationRepository(*reader.value()).get(id)->title, QStringLiteral("visible"));
        QCOMPARE(ConversationRepository(*reader.value()).remove(id).code(), StorageErrorCode::ReadOnly);
    }
};

QTEST_GUILESS_MAIN(TestStorageRepositories)
#include "test_storage_repositories.moc"
