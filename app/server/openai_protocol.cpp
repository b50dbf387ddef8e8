// openai_protocol.cpp: the answers written in OpenAI's shape: errors, non-streamed completions (reasoning_content,
// tool calls with JSON-text arguments, usage), /v1/models, and the server-sent chunks of a stream. Written with
// nlohmann::ordered_json so the members come in OpenAI's order. The request side is in openai_request.cpp.
#include "app/server/openai_protocol.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <nlohmann/json.hpp>

#include <cmath>

namespace lectern::server {

namespace {

using Json = nlohmann::ordered_json;

std::string dumpCompact(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator* random = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(random->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QString toolCallId()
{
    return QStringLiteral("call_") + randomHex(12);
}

Json text(const QString& s)
{
    return Json(s.toStdString());
}

Json usage(const lectern::GenerationStats& stats)
{
    Json u = Json::object();
    u["prompt_tokens"] = stats.n_prompt_tokens;
    u["completion_tokens"] = stats.n_generated;
    u["total_tokens"] = stats.n_prompt_tokens + stats.n_generated;
    u["completion_tokens_details"] = Json{{"reasoning_tokens", stats.n_reasoning}};
    return u;
}

// {"id":"call_...","type":"function","function":{"name","arguments":"<json text>"}}; arguments "{}" when none.
Json toolCallJson(const lectern::ToolCall& call)
{
    Json function = Json::object();
    function["name"] = call.name;
    function["arguments"] = call.arguments_json.empty() ? std::string("{}") : call.arguments_json;
    Json c = Json::object();
    c["id"] = toolCallId().toStdString();
    c["type"] = "function";
    c["function"] = std::move(function);
    return c;
}

// QJsonValue → ordered JSON (the chunk deltas are built with Qt types in the header's private API).
Json fromQt(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return value.toBool();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9e15)
            return int64_t(d);
        return d;
    }
    case QJsonValue::String: return text(value.toString());
    case QJsonValue::Array: {
        Json a = Json::array();
        for (const QJsonValue& v : value.toArray())
            a.push_back(fromQt(v));
        return a;
    }
    case QJsonValue::Object: {
        Json o = Json::object();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            o[it.key().toStdString()] = fromQt(it.value());
        return o;
    }
    default: return nullptr;
    }
}

QByteArray bytes(const Json& value)
{
    return QByteArray::fromStdString(dumpCompact(value));
}

QByteArray event(const Json& value)
{
    return QByteArrayLiteral("data: ") + bytes(value) + QByteArrayLiteral("\n\n");
}

const QByteArray kDone = QByteArrayLiteral("data: [DONE]\n\n");

}  // namespace

// ------------------------------------------------------------------------------------------------------------
// Public functions
// ------------------------------------------------------------------------------------------------------------

QByteArray errorJson(const ApiError& error)
{
    Json e = Json::object();
    e["message"] = error.message.toStdString();
    e["type"] = error.type.toStdString();
    e["param"] = error.param.isEmpty() ? Json(nullptr) : text(error.param);
    e["code"] = error.code.isEmpty() ? Json(nullptr) : text(error.code);
    return bytes(Json{{"error", std::move(e)}});
}

QString newCompletionId()
{
    return QStringLiteral("chatcmpl-") + randomHex(12);
}

// Cancelled and Error finishes use vLLM's names ("abort", "error"; vllm/v1/engine FINISH_REASON_STRINGS): OpenAI
// has none for them.
QString finishReasonName(const lectern::GenerationResult& result)
{
    switch (result.stats.finish_reason) {
    case lectern::FinishReason::Stop:
        return result.output.tool_calls.empty() ? QStringLiteral("stop") : QStringLiteral("tool_calls");
    case lectern::FinishReason::Length: return QStringLiteral("length");
    case lectern::FinishReason::Cancelled: return QStringLiteral("abort");
    case lectern::FinishReason::Error: return QStringLiteral("error");
    }
    return QStringLiteral("stop");
}

QJsonObject usageJson(const lectern::GenerationStats& stats)
{
    QJsonObject details;
    details.insert(QStringLiteral("reasoning_tokens"), qint64(stats.n_reasoning));
    QJsonObject u;
    u.insert(QStringLiteral("prompt_tokens"), qint64(stats.n_prompt_tokens));
    u.insert(QStringLiteral("completion_tokens"), qint64(stats.n_generated));
    u.insert(QStringLiteral("total_tokens"), qint64(stats.n_prompt_tokens + stats.n_generated));
    u.insert(QStringLiteral("completion_tokens_details"), details);
    return u;
}

QByteArray completionJson(const QString& id, qint64 created, const QString& model,
                          const lectern::GenerationResult& result)
{
    const lectern::ParsedAssistantOutput& output = result.output;
    Json message = Json::object();
    message["role"] = "assistant";
    message["content"] = output.content.empty() && !output.tool_calls.empty() ? Json(nullptr) : Json(output.content);
    if (result.thinking || !output.reasoning.empty())
        message["reasoning_content"] = output.reasoning;
    if (!output.tool_calls.empty()) {
        Json calls = Json::array();
        for (const lectern::ToolCall& call : output.tool_calls)
            calls.push_back(toolCallJson(call));
        message["tool_calls"] = std::move(calls);
    }
    Json choice = Json::object();
    choice["index"] = 0;
    choice["message"] = std::move(message);
    choice["logprobs"] = nullptr;
    choice["finish_reason"] = text(finishReasonName(result));
    Json answer = Json::object();
    answer["id"] = text(id);
    answer["object"] = "chat.completion";
    answer["created"] = created;
    answer["model"] = text(model);
    answer["choices"] = Json::array({std::move(choice)});
    answer["usage"] = usage(result.stats);
    return bytes(answer);
}

QByteArray modelsJson(const std::optional<ModelContext>& model, qint64 created)
{
    Json data = Json::array();
    if (model) {
        Json entry = Json::object();
        entry["id"] = text(model->modelId);
        entry["object"] = "model";
        entry["created"] = created;
        entry["owned_by"] = "lectern";
        if (model->contextLength > 0)
            entry["max_model_len"] = model->contextLength;  // vLLM's extension
        data.push_back(std::move(entry));
    }
    Json list = Json::object();
    list["object"] = "list";
    list["data"] = std::move(data);
    return bytes(list);
}

// ------------------------------------------------------------------------------------------------------------
// ChatStreamEncoder
// ------------------------------------------------------------------------------------------------------------

ChatStreamEncoder::ChatStreamEncoder(QString id, qint64 created, QString model, bool includeUsage)
        : m_id(std::move(id)),
          m_created(created),
          m_model(std::move(model)),
          m_includeUsage(includeUsage)
{
}

QByteArray ChatStreamEncoder::chunk(const QJsonObject& delta, const QJsonValue& finishReason) const
{
    Json choice = Json::object();
    choice["index"] = 0;
    choice["delta"] = fromQt(delta);
    choice["logprobs"] = nullptr;
    choice["finish_reason"] = fromQt(finishReason);
    Json c = Json::object();
    c["id"] = text(m_id);
    c["object"] = "chat.completion.chunk";
    c["created"] = m_created;
    c["model"] = text(m_model);
    c["choices"] = Json::array({std::move(choice)});
    if (m_includeUsage)
        c["usage"] = nullptr;  // OpenAI: every chunk but the last has "usage": null when usage was asked for
    return event(c);
}

QByteArray ChatStreamEncoder::start()
{
    QJsonObject delta;
    delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    delta.insert(QStringLiteral("content"), QString());
    return chunk(delta, QJsonValue::Null);
}

QByteArray ChatStreamEncoder::piece(const lectern::AssistantDelta& delta)
{
    QByteArray out;
    if (!delta.reasoning.empty())
        out += chunk(QJsonObject{{QStringLiteral("reasoning_content"), QString::fromStdString(delta.reasoning)}},
                     QJsonValue::Null);
    if (!delta.content.empty())
        out += chunk(QJsonObject{{QStringLiteral("content"), QString::fromStdString(delta.content)}}, QJsonValue::Null);
    for (const lectern::ToolCall& call : delta.tool_calls) {
        // One complete call per chunk, with its index (openai-node accumulates by index).
        QJsonObject function{
            {QStringLiteral("name"), QString::fromStdString(call.name)},
            {QStringLiteral("arguments"),
             call.arguments_json.empty() ? QStringLiteral("{}") : QString::fromStdString(call.arguments_json)}};
        QJsonObject entry{{QStringLiteral("index"), m_toolCalls++},
                          {QStringLiteral("id"), toolCallId()},
                          {QStringLiteral("type"), QStringLiteral("function")},
                          {QStringLiteral("function"), function}};
        out += chunk(QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{entry}}}, QJsonValue::Null);
    }
    return out;
}

QByteArray ChatStreamEncoder::finish(const lectern::GenerationResult& result)
{
    QByteArray out;
    // Calls the pieces did not carry (none when every delta went through piece()).
    if (size_t(m_toolCalls) < result.output.tool_calls.size()) {
        lectern::AssistantDelta rest;
        rest.tool_calls.assign(result.output.tool_calls.begin() + m_toolCalls, result.output.tool_calls.end());
        out += piece(rest);
    }
    out += chunk(QJsonObject(), finishReasonName(result));
    if (m_includeUsage) {
        Json c = Json::object();
        c["id"] = text(m_id);
        c["object"] = "chat.completion.chunk";
        c["created"] = m_created;
        c["model"] = text(m_model);
        c["choices"] = Json::array();
        c["usage"] = usage(result.stats);
        out += event(c);
    }
    out += kDone;
    return out;
}

QByteArray ChatStreamEncoder::error(const ApiError& error)
{
    // openai-node throws an APIError for a data event with an "error" member.
    return QByteArrayLiteral("data: ") + errorJson(error) + QByteArrayLiteral("\n\n") + kDone;
}

}  // namespace lectern::server
