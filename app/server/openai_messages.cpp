// openai_messages.cpp: OpenAI chat messages to lectern::ChatMessage: system/developer, user (text and image_url
// parts), assistant (content, reasoning_content, tool_calls with JSON-text arguments) and tool results.
#include "app/server/openai_messages.h"

#include "app/server/image_inputs.h"

namespace lectern::server::wire {

namespace {

class MessageParser {
public:
    explicit MessageParser(const ModelContext& model) : m_model(model) { }

    Check parse(const Json& body, lectern::ChatRequest& request)
    {
        const Json* messages = member(body, "messages");
        if (!messages)
            return missing(QStringLiteral("messages"));
        if (!messages->is_array())
            return wrongType(QStringLiteral("messages"), OpenAiProtocol::tr("an array"), *messages);
        if (messages->empty())
            return invalid(OpenAiProtocol::tr("Invalid 'messages': empty array. Send at least one message."),
                           QStringLiteral("messages"));
        for (size_t i = 0; i < messages->size(); ++i) {
            lectern::ChatMessage message;
            if (Check e = parseMessage((*messages)[i], int(i), message))
                return e;
            request.messages.push_back(std::move(message));
        }
        return std::nullopt;
    }

    bool hasPictures() const { return m_hasPictures; }

private:
    Check parseMessage(const Json& m, int index, lectern::ChatMessage& out)
    {
        const QString param = QStringLiteral("messages[%1]").arg(index);
        if (!m.is_object())
            return wrongType(param, OpenAiProtocol::tr("an object"), m);
        const Json* role = member(m, "role");
        if (!role)
            return missing(param + QStringLiteral(".role"));
        if (!role->is_string())
            return wrongType(param + QStringLiteral(".role"), OpenAiProtocol::tr("a string"), *role);
        const std::string r = role->get<std::string>();
        if (r == "system" || r == "developer")
            out.role = lectern::ChatRole::System;
        else if (r == "user")
            out.role = lectern::ChatRole::User;
        else if (r == "assistant")
            out.role = lectern::ChatRole::Assistant;
        else if (r == "tool")
            out.role = lectern::ChatRole::Tool;
        else if (r == "function")
            return invalid(
                OpenAiProtocol::tr("Messages with role 'function' are deprecated and not supported; use 'tool' "
                                   "messages."),
                param + QStringLiteral(".role"));
        else
            return invalid(
                OpenAiProtocol::tr("Invalid value for '%1.role': '%2'. Supported values are 'system', 'developer', "
                                   "'user', 'assistant' and 'tool'.")
                    .arg(param, qs(r).left(100)),
                param + QStringLiteral(".role"));

        const Json* content = member(m, "content");
        if (!content && out.role != lectern::ChatRole::Assistant)
            return missing(param + QStringLiteral(".content"));
        if (content) {
            if (Check e = parseContent(*content, param + QStringLiteral(".content"), out))
                return e;
        }
        if (out.role == lectern::ChatRole::Tool) {
            if (const Json* id = member(m, "tool_call_id"); id && !id->is_string())
                return wrongType(param + QStringLiteral(".tool_call_id"), OpenAiProtocol::tr("a string"), *id);
        }
        if (out.role != lectern::ChatRole::Assistant)
            return std::nullopt;
        // vLLM's newer name is "reasoning"; both are read.
        for (const char* key : {"reasoning_content", "reasoning"}) {
            if (const Json* reasoning = member(m, key)) {
                if (!reasoning->is_string())
                    return wrongType(param + QLatin1Char('.') + qs(key), OpenAiProtocol::tr("a string"), *reasoning);
                out.reasoning_content = reasoning->get<std::string>();
                break;
            }
        }
        if (const Json* calls = member(m, "tool_calls")) {
            if (!calls->is_array())
                return wrongType(param + QStringLiteral(".tool_calls"), OpenAiProtocol::tr("an array"), *calls);
            for (size_t k = 0; k < calls->size(); ++k) {
                lectern::ToolCall call;
                if (Check e = parseToolCall((*calls)[k], param + QStringLiteral(".tool_calls[%1]").arg(k), call))
                    return e;
                out.tool_calls.push_back(std::move(call));
            }
        }
        return std::nullopt;
    }

    Check parseToolCall(const Json& c, const QString& param, lectern::ToolCall& out)
    {
        if (!c.is_object())
            return wrongType(param, OpenAiProtocol::tr("an object"), c);
        if (const Json* type = member(c, "type");
            type && (!type->is_string() || type->get<std::string>() != "function"))
            return invalid(
                OpenAiProtocol::tr("Invalid '%1.type': only \"function\" tool calls are supported.").arg(param),
                param + QStringLiteral(".type"));
        const Json* function = nullptr;
        if (Check error = readFunction(c, param, function))
            return error;
        out.name = function->at("name").get<std::string>();
        const QString argsParam = param + QStringLiteral(".function.arguments");
        const Json* args = member(*function, "arguments");
        if (!args)
            return std::nullopt;  // no arguments
        if (args->is_object()) {  // the HuggingFace shape; accepted as well
            out.arguments_json = dumpCompact(*args);
            return std::nullopt;
        }
        if (!args->is_string())
            return wrongType(argsParam, OpenAiProtocol::tr("a string holding a JSON object"), *args);
        const std::string text = args->get<std::string>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            return std::nullopt;  // "" : no arguments
        const Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded() || !parsed.is_object())
            return invalid(OpenAiProtocol::tr("Invalid '%1': the arguments must be the JSON text of an object, as in "
                                              "\"{\\\"city\\\": \\\"Paris\\\"}\".")
                               .arg(argsParam),
                           argsParam);
        out.arguments_json = text;
        return std::nullopt;
    }

    Check parseContent(const Json& content, const QString& param, lectern::ChatMessage& out)
    {
        if (content.is_string()) {
            out.content.push_back(lectern::ContentPart::make_text(content.get<std::string>()));
            return std::nullopt;
        }
        if (!content.is_array())
            return wrongType(param, OpenAiProtocol::tr("a string or an array of content parts"), content);
        for (size_t j = 0; j < content.size(); ++j) {
            const Json& part = content[j];
            const QString partParam = param + QStringLiteral("[%1]").arg(j);
            if (!part.is_object())
                return wrongType(partParam, OpenAiProtocol::tr("an object"), part);
            const Json* type = member(part, "type");
            if (!type)
                return missing(partParam + QStringLiteral(".type"));
            if (!type->is_string())
                return wrongType(partParam + QStringLiteral(".type"), OpenAiProtocol::tr("a string"), *type);
            const std::string kind = type->get<std::string>();
            if (kind == "text" || (kind == "refusal" && out.role == lectern::ChatRole::Assistant)) {
                const Json* text = member(part, kind.c_str());
                if (!text)
                    return missing(partParam + QLatin1Char('.') + qs(kind));
                if (!text->is_string())
                    return wrongType(partParam + QLatin1Char('.') + qs(kind), OpenAiProtocol::tr("a string"), *text);
                out.content.push_back(lectern::ContentPart::make_text(text->get<std::string>()));
            } else if (kind == "image_url") {
                if (Check e = parseImage(part, partParam, out))
                    return e;
            } else {
                return invalid(
                    OpenAiProtocol::tr("Content parts of type '%1' are not supported; Lectern reads 'text' and "
                                       "'image_url' parts.")
                        .arg(qs(kind).left(100)),
                    partParam + QStringLiteral(".type"));
            }
        }
        return std::nullopt;
    }

    Check parseImage(const Json& part, const QString& partParam, lectern::ChatMessage& out)
    {
        if (out.role != lectern::ChatRole::User)
            return invalid(OpenAiProtocol::tr("Pictures can only be sent in user messages."), partParam);
        if (!m_model.vision)
            return invalid(
                OpenAiProtocol::tr("The loaded model %1 cannot see images; load a model with a vision encoder "
                                   "(mmproj).")
                    .arg(m_model.modelId),
                partParam);
        const QString param = partParam + QStringLiteral(".image_url");
        const Json* imageUrl = member(part, "image_url");
        if (!imageUrl)
            return missing(param);
        const Json* url = imageUrl;  // some clients send the URL itself
        if (imageUrl->is_object()) {
            url = member(*imageUrl, "url");
            if (!url)
                return missing(param + QStringLiteral(".url"));
        }
        if (!url->is_string())
            return wrongType(imageUrl->is_object() ? param + QStringLiteral(".url") : param,
                             OpenAiProtocol::tr("a string"), *url);
        const ImageInput input
            = ImageInputs::load(qs(url->get<std::string>()), m_model.visionPixels, m_model.allowFilePaths);
        if (!input.ok()) {
            ApiError error = invalid(input.error, param);
            if (input.serverFault) {
                error.httpStatus = 500;
                error.type = QStringLiteral("server_error");
            }
            return error;
        }
        out.content.push_back(*input.part);
        m_hasPictures = true;
        return std::nullopt;
    }

    const ModelContext& m_model;
    bool m_hasPictures = false;
};

}  // namespace

Check parseMessages(const Json& body, const ModelContext& model, lectern::ChatRequest& request, bool& hasPictures)
{
    MessageParser parser(model);
    Check error = parser.parse(body, request);
    hasPictures = parser.hasPictures();
    return error;
}

}  // namespace lectern::server::wire
