// json_export.h: conversations and extracted records as JSON documents (UTF-8, 2-space indent, keys in the
// documented order, non-ASCII written as is, ending in a newline).
#pragma once

#include <QByteArray>
#include <QList>

#include "app/export/conversation_bundle.h"
#include "app/storage/records.h"
#include "app/storage/storage_result.h"

namespace lectern::exporting {

struct ConversationJsonOptions {
    bool includeReasoning = true;  // false: no "reasoning" key at all
};

// {
//   "format": "lectern-conversations", "version": 1,
//   "conversations": [ {
//     "id", "title", "created", "updated" (ISO 8601 UTC with ms), "model", "thinking" (bool),
//     "sampling" (object, as stored),
//     "messages": [ { "id", "position", "role", "content", "reasoning" (unless excluded),
//                     "reasoning_ms", "prompt_tokens", "generated_tokens", "tokens_per_second",
//                     "finish_reason" (null while unfinished/interrupted), "created" } ],
//     "attachments": [ { "id", "message_id", "path", "sha256", "kind", "pages", "frames" } ]
//   } ]
// }
// Unknown numbers are null. Extracted attachment text is not exported (it can be re-derived from the file).
QByteArray conversationsToJson(const QList<ConversationBundle>& conversations, const ConversationJsonOptions& options);

// {
//   "format": "lectern-extractions", "version": 1,
//   "records": [ {
//     "id", "schema": { "id", "name" }, "validation" ("unchecked"|"valid"|"invalid"), "validation_errors",
//     "source": { "file" (original path, null if unknown), "page" (1-based, null if unknown) },
//     "created", "record" (the record itself, keys in their stored order)
//   } ]
// }
// Fails (Corrupt) only if a stored record is not JSON, naming its id.
storage::StorageResult<QByteArray> recordsToJson(const QList<storage::ExtractionWithSource>& records);

}  // namespace lectern::exporting
