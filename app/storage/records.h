// records.h: the plain values the repositories read and write (one struct per table row).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace lectern::storage {

// Times are UTC with millisecond precision (stored as ms since the epoch). An invalid QDateTime on a
// create call means "now".

struct Conversation {
    qint64 id = 0;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;      // bumped by every change to the conversation or its messages
    QString model;            // model identifier as the user chose it, e.g. "Qwen3.5-0.8B-Q8_0"
    bool thinking = false;    // thinking mode on or off for this conversation
    QJsonObject sampling;     // sampling settings, e.g. {"temperature": 0.7, "top_p": 0.8}
};

enum class MessageRole { System, User, Assistant };
QString roleName(MessageRole role);                            // "system", "user", "assistant"
std::optional<MessageRole> roleFromName(const QString& name);

// Why generation of an assistant message ended. None: still streaming, or the writer died before
// finishing (the text up to the last periodic commit is kept).
enum class FinishReason { None, Stop, Length, Cancelled, Error };
QString finishReasonName(FinishReason reason);                 // "", "stop", "length", "cancelled", "error"
std::optional<FinishReason> finishReasonFromName(const QString& name);

struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    int position = 0;                     // 0, 1, 2 ... within the conversation, assigned on append
    MessageRole role = MessageRole::User;
    QString content;                      // the visible text (Markdown as the model wrote it)
    QString reasoning;                    // thinking-mode text, empty when none
    std::optional<qint64> reasoningMs;    // how long the model thought
    std::optional<int> promptTokens;
    std::optional<int> generatedTokens;
    std::optional<double> tokensPerSecond;
    FinishReason finishReason = FinishReason::None;
    QDateTime createdAt;
};

// What the engine reports when an answer ends (StreamingMessageWriter::finish, MessageRepository::finish).
struct GenerationStats {
    FinishReason finishReason = FinishReason::Stop;
    std::optional<qint64> reasoningMs;
    std::optional<int> promptTokens;
    std::optional<int> generatedTokens;
    std::optional<double> tokensPerSecond;
};

struct Attachment {
    qint64 id = 0;
    qint64 conversationId = 0;
    std::optional<qint64> messageId;   // the message it was sent with, if any
    QString originalPath;              // where the user's file was, as given (absolute)
    QString sha256;                    // 64 lower-case hex digits of the file's bytes
    QString kind;                      // "pdf", "image", "video" or "text" (importers decide)
    std::optional<int> pageCount;      // PDFs
    std::optional<int> frameCount;     // videos: frames sampled
    std::optional<QString> extractedText;  // text layer / OCR cache; null until extracted
    QString cacheKey;                  // relative key of rendered pages or frames in the cache folder
    QDateTime createdAt;
};

struct ExtractionSchema {
    qint64 id = 0;
    QString name;                      // e.g. "invoice"
    QByteArray schemaJson;             // JSON Schema text, UTF-8, stored as given
    QDateTime createdAt;
};

enum class ValidationStatus { Unchecked, Valid, Invalid };
QString validationName(ValidationStatus status);               // "unchecked", "valid", "invalid"
std::optional<ValidationStatus> validationFromName(const QString& name);

struct Extraction {
    qint64 id = 0;
    qint64 schemaId = 0;
    QByteArray recordJson;             // the JSON record, UTF-8, stored as given (key order kept)
    ValidationStatus validation = ValidationStatus::Unchecked;
    QString validationErrors;          // human-readable, empty when valid or unchecked
    std::optional<qint64> attachmentId;  // source file; null if unknown or the attachment was deleted
    std::optional<int> page;           // 1-based page (PDF) or frame (video) of the source
    std::optional<qint64> messageId;   // the answer it was extracted from, if any
    QDateTime createdAt;
};

// An extraction with what exports need to say where it came from.
struct ExtractionWithSource {
    Extraction extraction;
    QString schemaName;
    std::optional<QString> sourcePath;  // the attachment's original path, if the attachment still exists
};

}  // namespace lectern::storage
