// chat_types.h: the values ChatService passes between the UI thread and its inference worker: which model to load,
// one turn to run (question, attachments, thinking, sampling) and how the turn ended. Qt types only, no engine types.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

#include "app/importers/import_options.h"
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
    QString kvType = QStringLiteral("f16");  // KV cache precision: "f16" or "q8_0" (Vulkan; the CPU keeps f32)
    // The vision projector (mmproj GGUF); empty: the model folder's own tower or mmproj-<name>.gguf beside the GGUF.
    QString mmprojPath;
    // The image token budget (the settings' image resolution and video sampling): what the engine resizes to and
    // what ImportOptions must use for the estimates to match.
    app::VisionPixelBudget visionPixels;
    app::VideoSampling videoSampling;
};

// What the worker reports once a model is loaded.
struct ModelInfo {
    QString modelPath;
    QString modelName;                 // what conversations record as their model (file or folder name)
    QString backend;                   // "cpu" or "vulkan"
    QString deviceName;
    qint64 contextLength = 0;
    bool thinkingByDefault = false;
    bool vision = false;               // a vision encoder is loaded: images, page images and video frames are sent
    QString visionPath;                // where it was loaded from; empty without one
    qint64 maxContextLength = 0;       // the largest context that fits next to the weights (what settings propose)
    QString kvType;                    // "f16", "q8_0"; "f32" on the CPU
    qint64 weightBytes = 0;            // on the device
    qint64 sessionBytes = 0;           // one conversation at contextLength (KV cache and states)
    qint64 memoryUsedBytes = 0;        // weights + session
    qint64 memoryTotalBytes = 0;       // the device's memory; 0 when unknown (CPU)
    QString fallbackReason;            // why "auto" runs on the CPU; empty when the requested device is used
    app::VisionPixelBudget visionPixels;  // the image budget in force (the API server scales pictures to it)
};

// What a prompt of some length will need before it is sent (Engine::estimate_prompt), for long documents.
struct PromptEstimate {
    quint64 requestId = 0;             // the caller's, to match answers to questions
    QString error;                     // empty on success
    qint64 promptTokens = 0;
    qint64 contextLength = 0;
    bool fitsContext = false;
    qint64 bytesNeeded = 0;            // weights + one session at contextLength
    qint64 bytesAvailable = 0;         // 0: unknown (CPU)
    bool fitsMemory = true;
    double tokensPerSecond = 0;        // measured prompt throughput; 0 until something was measured
    double seconds = 0;                // approximate time to read the prompt; 0 when unknown
};

// Overrides of the model card's sampling defaults (qwen35.md §9); unset fields keep the defaults.
struct SamplingOverrides {
    bool greedy = false;                  // always the most likely token (temperature 0)
    std::optional<double> temperature;    // the settings' "Advanced" panel; each one replaces the card's value
    std::optional<double> topP;
    std::optional<int> topK;
    std::optional<double> presencePenalty;
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
Q_DECLARE_METATYPE(lectern::chat::PromptEstimate)
Q_DECLARE_METATYPE(lectern::chat::TurnResult)
