// json_export.cpp: builds the export JSON documents described in json_export.h.
#include "app/export/json_export.h"

#include <QJsonDocument>

#include "app/export/json_support.h"

namespace lectern::exporting {

using json::Json;

namespace {

Json messageJson(const storage::Message& m, const ConversationJsonOptions& options)
{
    Json j = Json::object();
    j["id"] = m.id;
    j["position"] = m.position;
    j["role"] = json::text(storage::roleName(m.role));
    j["content"] = json::text(m.content);
    if (options.includeReasoning)
        j["reasoning"] = json::text(m.reasoning);
    j["reasoning_ms"] = json::optional(m.reasoningMs);
    j["prompt_tokens"] = json::optional(m.promptTokens);
    j["generated_tokens"] = json::optional(m.generatedTokens);
    j["tokens_per_second"] = json::optional(m.tokensPerSecond);
    j["finish_reason"] = m.finishReason == storage::FinishReason::None
                             ? Json(nullptr)
                             : json::text(storage::finishReasonName(m.finishReason));
    j["created"] = json::time(m.createdAt);
    return j;
}

Json attachmentJson(const storage::Attachment& a)
{
    Json j = Json::object();
    j["id"] = a.id;
    j["message_id"] = json::optional(a.messageId);
    j["path"] = json::text(a.originalPath);
    j["sha256"] = json::text(a.sha256);
    j["kind"] = json::text(a.kind);
    j["pages"] = json::optional(a.pageCount);
    j["frames"] = json::optional(a.frameCount);
    return j;
}

Json conversationJson(const ConversationBundle& bundle, const ConversationJsonOptions& options)
{
    const storage::Conversation& c = bundle.conversation;
    Json j = Json::object();
    j["id"] = c.id;
    j["title"] = json::text(c.title);
    j["created"] = json::time(c.createdAt);
    j["updated"] = json::time(c.updatedAt);
    j["model"] = json::text(c.model);
    j["thinking"] = c.thinking;
    // Sampling settings were stored through QJsonObject; re-parse the compact text to keep its order.
    const QByteArray sampling = QJsonDocument(c.sampling).toJson(QJsonDocument::Compact);
    j["sampling"] = json::parse(sampling, nullptr).value_or(Json::object());
    Json messages = Json::array();
    for (const storage::Message& m : bundle.messages)
        messages.push_back(messageJson(m, options));
    j["messages"] = std::move(messages);
    Json attachments = Json::array();
    for (const storage::Attachment& a : bundle.attachments)
        attachments.push_back(attachmentJson(a));
    j["attachments"] = std::move(attachments);
    return j;
}

}  // namespace

QByteArray conversationsToJson(const QList<ConversationBundle>& conversations, const ConversationJsonOptions& options)
{
    Json root = Json::object();
    root["format"] = "lectern-conversations";
    root["version"] = 1;
    Json list = Json::array();
    for (const ConversationBundle& bundle : conversations)
        list.push_back(conversationJson(bundle, options));
    root["conversations"] = std::move(list);
    return json::dump(root, 2);
}

storage::StorageResult<QByteArray> recordsToJson(const QList<storage::ExtractionWithSource>& records)
{
    Json root = Json::object();
    root["format"] = "lectern-extractions";
    root["version"] = 1;
    Json list = Json::array();
    for (const storage::ExtractionWithSource& row : records) {
        const storage::Extraction& e = row.extraction;
        QString error;
        std::optional<Json> record = json::parse(e.recordJson, &error);
        if (!record)
            return storage::StorageStatus(storage::StorageErrorCode::Corrupt,
                                          QStringLiteral("extracted record %1 is not JSON (%2)").arg(e.id).arg(error));
        Json j = Json::object();
        j["id"] = e.id;
        j["schema"] = Json{{"id", e.schemaId}, {"name", row.schemaName.toStdString()}};
        j["validation"] = json::text(storage::validationName(e.validation));
        j["validation_errors"] = json::text(e.validationErrors);
        j["source"] = Json{{"file", json::optionalText(row.sourcePath)}, {"page", json::optional(e.page)}};
        j["created"] = json::time(e.createdAt);
        j["record"] = std::move(*record);
        list.push_back(std::move(j));
    }
    root["records"] = std::move(list);
    return json::dump(root, 2);
}

}  // namespace lectern::exporting
