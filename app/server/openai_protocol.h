// openai_protocol.h: the OpenAI chat-completions wire format: a request body parsed into the engine's ChatRequest
// and GenerationSettings (pictures decoded), answers and server-sent stream chunks written as JSON, errors in
// OpenAI's {"error": {...}} shape.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "app/importers/import_options.h"
#include "lectern/chat.h"
#include "lectern/generation.h"

namespace lectern::server {

// One failed request: the HTTP status and OpenAI's error object.
struct ApiError {
    int httpStatus = 400;
    QString type = QStringLiteral("invalid_request_error");  // "authentication_error", "not_found_error",
                                                              // "server_error", "overloaded_error", ...
    QString message;   // what is wrong and what to do
    QString param;     // the offending field ("messages[1].content[0].image_url"); empty writes null
    QString code;      // e.g. "invalid_api_key", "model_not_found"; empty writes null
};
// {"error":{"message":...,"type":...,"param":...|null,"code":...|null}}
QByteArray errorJson(const ApiError& error);

// What the server knows of the loaded model when a request arrives.
struct ModelContext {
    QString modelId;                  // ModelInfo::modelName: what /v1/models lists and answers name
    bool thinkingByDefault = false;
    bool vision = false;              // pictures can be sent
    qint64 contextLength = 0;
    app::VisionPixelBudget visionPixels;  // pictures are scaled to what the engine would choose
    bool allowFilePaths = true;       // image_url may name a local file (file:// URL or an absolute path)
};

// A parsed POST /v1/chat/completions.
struct ChatCompletionParams {
    lectern::ChatRequest request;          // messages, tools, enable_thinking
    lectern::GenerationSettings settings;  // sampler (model card defaults overridden by the request), max_tokens,
                                           // json_schema from response_format
    bool stream = false;
    bool includeUsage = false;             // stream_options.include_usage
    bool thinking = false;                 // the prompt opens a reasoning block
    QString model;                         // the id answers name (the loaded model's)
};

struct ParsedCompletion {
    std::optional<ApiError> error;  // set: answer with it; params is meaningless
    ChatCompletionParams params;
};

// Parses and validates a body against the loaded model. Supported: model (the loaded id, or omitted), messages
// (system/developer, user, assistant with tool_calls and reasoning_content, tool; content as a string or parts:
// text, image_url with a data: URL or a local path), tools / tool_choice "auto" | "none", stream,
// stream_options.include_usage, max_tokens / max_completion_tokens, temperature, top_p, top_k, min_p,
// presence_penalty, repetition_penalty, seed, n = 1, response_format text | json_schema,
// enable_thinking at the top level or in chat_template_kwargs (the vLLM convention). Anything else that would
// change the answer (n > 1, stop, logprobs, a tool_choice naming a function, remote image URLs, frequency_penalty,
// response_format json_object: constrained decoding writes only the properties a schema names, so it would always
// answer {}) is refused with 400 rather than ignored.
ParsedCompletion parseChatCompletion(const QByteArray& body, const ModelContext& model);

// "chatcmpl-<24 random hex>"
QString newCompletionId();

// "stop", "length" or "tool_calls" (a Stop finish with tool calls); vLLM's "abort" (Cancelled) and "error" (Error).
QString finishReasonName(const lectern::GenerationResult& result);

// {"prompt_tokens","completion_tokens","total_tokens","completion_tokens_details":{"reasoning_tokens"}}
QJsonObject usageJson(const lectern::GenerationStats& stats);

// The non-streaming answer: {"id","object":"chat.completion","created","model","choices":[{"index":0,
// "message":{"role":"assistant","content","reasoning_content"?,"tool_calls"?},"finish_reason"}],"usage"}.
// Tool calls as [{"id":"call_...","type":"function","function":{"name","arguments":"<json text>"}}].
QByteArray completionJson(const QString& id, qint64 created, const QString& model,
                          const lectern::GenerationResult& result);

// GET /v1/models: {"object":"list","data":[{"id","object":"model","created","owned_by":"lectern"}]}; an empty
// list when no model is loaded.
QByteArray modelsJson(const std::optional<ModelContext>& model, qint64 created);

// The server-sent events of one streamed completion ("data: {...}\n\n" each, "object":"chat.completion.chunk").
class ChatStreamEncoder {
public:
    ChatStreamEncoder(QString id, qint64 created, QString model, bool includeUsage);

    QByteArray start();                                     // the first chunk: delta {"role":"assistant","content":""}
    QByteArray piece(const lectern::AssistantDelta& delta); // reasoning_content / content / tool_calls deltas; "" if none
    QByteArray finish(const lectern::GenerationResult& result);  // finish_reason chunk, usage chunk, "data: [DONE]"
    QByteArray error(const ApiError& error);                // an error event mid-stream, then "data: [DONE]"

private:
    QByteArray chunk(const QJsonObject& delta, const QJsonValue& finishReason) const;

    QString m_id;
    qint64 m_created;
    QString m_model;
    bool m_includeUsage;
    int m_toolCalls = 0;  // tool calls streamed so far: the next one's index
};

}  // namespace lectern::server
