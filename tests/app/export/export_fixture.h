// export_fixture.h: builds the small database that the export goldens in golden/ were written for by hand:
// two conversations (quotes, commas, CR LF, non-ASCII, emoji, reasoning, interrupted and cut-off answers,
// attachments) and four extracted records over two schemas (nested objects, arrays, missing keys, null).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QTime>

#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/extraction_repository.h"
#include "app/storage/message_repository.h"

namespace lectern::exporting::testing {

inline QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

// Empty on success, else what failed.
inline QString buildExportFixture(const QString& path)
{
    using namespace lectern::storage;
    StorageResult<Database> db = Database::open(path);
    if (!db.ok())
        return db.status().message();
    auto writerResult = db->openWriter();
    if (!writerResult.ok())
        return writerResult.status().message();
    Connection& w = *writerResult.value();
    ConversationRepository conversations(w);
    MessageRepository messages(w);
    AttachmentRepository attachments(w);
    ExtractionRepository extractions(w);
    QString failure;
    auto check = [&](const auto& result) {
        if (failure.isEmpty() && !result.ok())
            failure = result.status().message();
    };

    Conversation c1;
    c1.title = QStringLiteral("Invoices *March* \"Q1\"");
    c1.createdAt = utc(2025, 3, 1, 9, 30, 0);
    c1.model = QStringLiteral("Qwen3.5-0.8B-Q8_0");
    c1.thinking = true;
    c1.sampling = QJsonObject{{QStringLiteral("top_p"), 0.95}, {QStringLiteral("temperature"), 0.6}};
    const qint64 c1Id = conversations.create(c1).value();  // 1

    Message m1;
    m1.conversationId = c1Id;
    m1.role = MessageRole::User;
    m1.content = QStringLiteral("What is the total on `invoice.pdf`?\r\nList the items, please.");
    m1.createdAt = utc(2025, 3, 1, 9, 30, 10);
    auto m1Id = messages.append(m1);  // 1
    check(m1Id);
    Attachment a1;
    a1.conversationId = c1Id;
    a1.messageId = m1Id.ok() ? std::optional<qint64>(m1Id.value()) : std::nullopt;
    a1.originalPath = QStringLiteral("/home/ana/Documents/Rechnung M\u00e4rz.pdf");
    a1.sha256 = QString(64, QLatin1Char('a'));
    a1.kind = QStringLiteral("pdf");
    a1.pageCount = 2;
    a1.createdAt = utc(2025, 3, 1, 9, 30, 10);
    auto a1Id = attachments.add(a1);  // 1
    check(a1Id);

    Message m2;
    m2.conversationId = c1Id;
    m2.role = MessageRole::Assistant;
    m2.content = QStringLiteral("The total is **12,50 \u20ac**.\n\n- Kaffee \"Crema\"\n- Kuchen \U0001F370\n");
    m2.reasoning = QStringLiteral("The user wants the total.\n\nPage 2 says 12,50 \u20ac.");
    m2.reasoningMs = 2300;
    m2.promptTokens = 812;
    m2.generatedTokens = 40;
    m2.tokensPerSecond = 23.5;
    m2.finishReason = FinishReason::Stop;
    m2.createdAt = utc(2025, 3, 1, 9, 30, 12, 250);
    check(messages.append(m2));  // 2

    Message m3;
    m3.conversationId = c1Id;
    m3.content = QStringLiteral("And the date?");
    m3.createdAt = utc(2025, 3, 1, 9, 31, 0);
    check(messages.append(m3));  // 3

    Message m4;  // interrupted: no finish reason, no statistics
    m4.conversationId = c1Id;
    m4.role = MessageRole::Assistant;
    m4.content = QStringLiteral("It is dated 3 March 2025");
    m4.createdAt = utc(2025, 3, 1, 9, 31, 5, 500);
    check(messages.append(m4));  // 4

    Conversation c2;
    c2.createdAt = utc(2025, 3, 2, 10, 0, 0);
    const qint64 c2Id = conversations.create(c2).value();  // 2
    Message m5;
    m5.conversationId = c2Id;
    m5.role = MessageRole::System;
    m5.content = QStringLiteral("You are terse.");
    m5.createdAt = utc(2025, 3, 2, 10, 0, 0);
    check(messages.append(m5));  // 5
    Attachment a2;
    a2.conversationId = c2Id;
    a2.originalPath = QStringLiteral("/tmp/clip.mp4");
    a2.sha256 = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    a2.kind = QStringLiteral("video");
    a2.frameCount = 8;
    a2.createdAt = utc(2025, 3, 2, 10, 0, 0, 500);
    auto a2Id = attachments.add(a2);  // 2
    check(a2Id);
    Message m6;
    m6.conversationId = c2Id;
    m6.content = QStringLiteral("Hi");
    m6.createdAt = utc(2025, 3, 2, 10, 0, 1);
    check(messages.append(m6));  // 6
    Message m7;
    m7.conversationId = c2Id;
    m7.role = MessageRole::Assistant;
    m7.content = QStringLiteral("Hello!");
    m7.generatedTokens = 2;
    m7.finishReason = FinishReason::Length;
    m7.createdAt = utc(2025, 3, 2, 10, 0, 2);
    check(messages.append(m7));  // 7

    ExtractionSchema invoice;
    invoice.name = QStringLiteral("invoice");
    invoice.schemaJson = R"({"type": "object"})";
    auto invoiceId = extractions.addSchema(invoice);  // 1
    check(invoiceId);
    ExtractionSchema receipt;
    receipt.name = QStringLiteral("receipt");
    receipt.schemaJson = R"({"type": "object"})";
    auto receiptId = extractions.addSchema(receipt);  // 2
    check(receiptId);
    if (!failure.isEmpty())
        return failure;

    Extraction r1;
    r1.schemaId = invoiceId.value();
    r1.recordJson = R"({"vendor": "Müller & Söhne, GmbH", "total": 12.5, "currency": "EUR",
        "address": {"street": "Hauptstraße 1", "city": "Köln"},
        "items": ["Kaffee \"Crema\"", "Kuchen 🍰"], "paid": true})";
    r1.validation = ValidationStatus::Valid;
    r1.attachmentId = a1Id.value();
    r1.page = 2;
    r1.messageId = 2;
    r1.createdAt = utc(2025, 3, 1, 9, 32, 0);
    check(extractions.add(r1));
    Extraction r2;
    r2.schemaId = invoiceId.value();
    r2.recordJson = R"({"vendor": "Line\nBreak Ltd", "total": 7, "note": "say \"hi\"",
        "address": {"city": "Zürich", "zip": "8001"}, "items": [], "paid": null})";
    r2.validation = ValidationStatus::Invalid;
    r2.validationErrors = QStringLiteral("paid: expected boolean, got null");
    r2.createdAt = utc(2025, 3, 1, 9, 33, 0);
    check(extractions.add(r2));
    Extraction r3;
    r3.schemaId = invoiceId.value();
    r3.recordJson = R"({"vendor": "日本商事", "total": 1.50, "address": {}, "tags": [{"k": 1}, 2]})";
    r3.attachmentId = a2Id.value();
    r3.page = 3;
    r3.createdAt = utc(2025, 3, 2, 10, 5, 0);
    check(extractions.add(r3));
    Extraction r4;
    r4.schemaId = receiptId.value();
    r4.recordJson = R"({"shop": "Bäckerei", "sum": 3.2})";
    r4.validation = ValidationStatus::Valid;
    r4.createdAt = utc(2025, 3, 2, 11, 0, 0);
    check(extractions.add(r4));
    return failure;
}

}  // namespace lectern::exporting::testing
