// chat_types.h: the values ChatService passes between the UI thread and its inference worker: which model to load,
// one turn to run (question, attachments, thinking, sampling) and how the turn ended. Qt types only, no engine types.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

#include "app/importers/imported_document.h"
#include "app/storage/records.h"

namespace lectern::chat {

enum class ComputeDevice { Auto, Cpu, Vulkan };
QString deviceName(ComputeDevice device);                          // "auto", "cpu", "vulkan"
std::optional<ComputeDevice> deviceFromName(const QString& name);

struct ModelOptions {
    QString modelPath;                 // a .gguf file or a HuggingFace folder
    ComputeDevice device = ComputeDevice::Auto;
    qint64 contextLength = 8192;       // tokens per conversation (prompt + answer)
};

// What the worker reports once a model is loaded.
struct ModelInfo {
    QString modelPath;
    QString modelName;                 // what conversations record as their model (file or folder name)
    QString backend;                   // "cpu" or "vulkan"
    QString deviceName;
    qint64 contextLength = 0;
    bool thinkingByDefault = false;
};

// Overrides of the model card's sampling defaults (qwen35.md §9); unset fields keep the defaults.
struct SamplingOverrides {
    bool greedy = false;                  // always the most likely token (temperature 0)
    std::optional<quint64> seed;          // fixed seed: the same prompt gives the same answer on the same device
    std::optional<int> maxTokens;         // generated tokens, reasoning included
};

struct TurnRequest {
    std::optional<qint64> conversationId;     // continue this conversation; unset: start a new one
    QString question;                         // what the user typed
    QList<app::ImportedDocument> attachments; // already imported (ImportService), all ok()
    bool thinking = false;
    SamplingOverrides sampling;
};

struct TurnResult {
    QString error;                            // empty on success; otherwise what went wrong (translated)
    qint64 conversationId = 0;                // 0 when the turn failed before anything was stored
    qint64 userMessageId = 0;
    qint64 assistantMessageId = 0;
    QString answer;                           // the final answer text, as stored
    QString reasoning;                        // the final reasoning text, as stored
    storage::GenerationStats stats;           // finish reason, token counts, tokens/s, reasoning time
    QString statsSummary;                     // one line: prompt and generation speed, finish reason
    QStringList warnings;                     // e.g. an attachment the model cannot see

    bool ok() const { return error.isEmpty(); }
};

}  // namespace lectern::chat

Q_DECLARE_METATYPE(lectern::chat::ModelInfo)
Q_DECLARE_METATYPE(lectern::chat::TurnResult)
