// test_server_protocol.cpp: parseChatCompletion against the OpenAI / vLLM request semantics: every refusal with its
// status, type and param; model names; thinking (chat_template_kwargs, top level, model default); samplers and
// limits; response_format json_schema plumbed in key order; tools and tool-call histories rendered by the engine's
// template and compared with the golden Jinja renders; pictures from PNG data URLs and local paths.
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QUrl>
#include <QTest>

#include <nlohmann/json.hpp>

#include "app/server/openai_protocol.h"

using namespace lectern;
using namespace lectern::server;

// Raw strings hold no backslashes: moc does not read raw strings and would lose track of the class.
namespace {

using Json = nlohmann::ordered_json;

ModelContext textModel(bool thinkingByDefault = false)
{
    ModelContext model;
    model.modelId = QStringLiteral("Qwen3.5-tiny");
    model.thinkingByDefault = thinkingByDefault;
    model.contextLength = 4096;
    return model;
}

ModelContext visionModel()
{
    ModelContext model = textModel();
    model.vision = true;
    return model;
}

// {"messages":[{"role":"user","content":"Hello"}], <extra>}
QByteArray body(const char* extra = nullptr)
{
    QByteArray b = QByteArrayLiteral(R"({"messages":[{"role":"user","content":"Hello"}])");
    if (extra)
        b += QByteArrayLiteral(",") + QByteArray(extra);
    return b + QByteArrayLiteral("}");
}

QByteArray dump(const Json& value)
{
    return QByteArray::fromStdString(value.dump());
}

QByteArray pngBytes(int width, int height, QColor colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray dataUrl(const QByteArray& bytes, const char* type = "image/png")
{
    return QByteArrayLiteral("data:") + type + QByteArrayLiteral(";base64,") + bytes.toBase64();
}

// A user message with a text part and one image_url part; `url` as the "url" member or the plain string.
QByteArray imageBody(const QByteArray& url, bool plainString = false, const char* role = "user")
{
    Json image = plainString ? Json(url.toStdString()) : Json{{"url", url.toStdString()}};
    Json message = {{"role", role},
                    {"content",
                     Json::array({Json{{"type", "text"}, {"text", "What is this?"}},
                                  Json{{"type", "image_url"}, {"image_url", image}}})}};
    Json messages = Json::array();
    if (std::string(role) != "user")
        messages.push_back(Json{{"role", "user"}, {"content", "Look."}});
    messages.push_back(message);
    return dump(Json{{"messages", messages}});
}

std::string renderedPrompt(const ParsedCompletion& parsed)
{
    const Result<std::string> prompt = render_chat_prompt(parsed.params.request, ChatTemplateTraits{});
    return prompt.is_ok() ? *prompt : "<render failed: " + prompt.status().message() + ">";
}

}  // namespace

// The error must be set, with this status, type and param (empty = null).
#define EXPECT_ERROR(parsedExpr, status, typeName, paramName)                                                          \
    do {                                                                                                               \
        const ParsedCompletion p_ = (parsedExpr);                                                                      \
        QVERIFY2(p_.error.has_value(), "the request was accepted, but should be refused");                             \
        QVERIFY2(!p_.error->message.isEmpty(), "the error has no message");                                            \
        QCOMPARE(p_.error->httpStatus, status);                                                                        \
        QCOMPARE(p_.error->type, QString::fromUtf8(typeName));                                                         \
        QCOMPARE(p_.error->param, QString::fromUtf8(paramName));                                                       \
    } while (false)

#define EXPECT_INVALID(parsedExpr, paramName) EXPECT_ERROR(parsedExpr, 400, "invalid_request_error", paramName)

#define EXPECT_OK(parsedExpr)                                                                                          \
    [&] {                                                                                                              \
        ParsedCompletion p_ = (parsedExpr);                                                                            \
        if (p_.error)                                                                                                  \
            qWarning("unexpected error (param %s): %s", qPrintable(p_.error->param), qPrintable(p_.error->message));   \
        return p_;                                                                                                     \
    }()

class ServerProtocolTest : public QObject {
    Q_OBJECT

private slots:
    void malformedBodies()
    {
        const ParsedCompletion truncated = parseChatCompletion(QByteArrayLiteral(R"({"messages": [)"), textModel());
        EXPECT_INVALID(truncated, "");
        QVERIFY2(truncated.error->message.contains(QStringLiteral("parse")), qPrintable(truncated.error->message));
        QVERIFY2(truncated.error->message.contains(QStringLiteral("line 1, column 15")),
                 qPrintable(truncated.error->message));
        EXPECT_INVALID(parseChatCompletion(QByteArray(), textModel()), "");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral("{'messages': []}"), textModel()), "");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral("[1, 2]"), textModel()), "");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral("\"text\""), textModel()), "");
        // Invalid UTF-8 inside a string.
        EXPECT_INVALID(parseChatCompletion(
                           QByteArrayLiteral("{\"messages\":[{\"role\":\"user\",\"content\":\"\xff\"}]}"), textModel()),
                       "");
        // Nesting that could exhaust the stack of a recursive reader is refused before parsing.
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        const ParsedCompletion nested = parseChatCompletion(deep, textModel());
        EXPECT_INVALID(nested, "");
        QVERIFY2(nested.error->message.contains(QStringLiteral("nested")), qPrintable(nested.error->message));
        // Brackets inside strings do not count as nesting.
        const QByteArray bracketText = body(nullptr).replace("Hello", QByteArray(1000, '['));
        QVERIFY(!EXPECT_OK(parseChatCompletion(bracketText, textModel())).error);
    }

    void messagesValidated()
    {
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral("{}"), textModel()), "messages");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral(R"({"messages": "Hello"})"), textModel()), "messages");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral(R"({"messages": []})"), textModel()), "messages");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral(R"({"messages": [42]})"), textModel()), "messages[0]");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"content": "x"}]})"), textModel()),
                       "messages[0].role");
        EXPECT_INVALID(
            parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"role": "robot", "content": "x"}]})"), textModel()),
            "messages[0].role");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"role": "function", "content": "x"}]})"),
                                           textModel()),
                       "messages[0].role");
        EXPECT_INVALID(parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"role": "user"}]})"), textModel()),
                       "messages[0].content");
        EXPECT_INVALID(
            parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"role": "user", "content": 7}]})"), textModel()),
            "messages[0].content");
        EXPECT_INVALID(
            parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"role": "user", "content": [{"type": "text"}]}]})"),
                                textModel()),
            "messages[0].content[0].text");
        for (const char* type : {"input_audio", "file", "video_url"}) {
            const QByteArray b = QByteArrayLiteral(R"({"messages": [{"role": "user", "content": [{"type": "text", )"
                                                   R"("text": "x"}, {"type": ")")
                + type + QByteArrayLiteral(R"("}]}]})");
            const ParsedCompletion parsed = parseChatCompletion(b, textModel());
            EXPECT_INVALID(parsed, "messages[0].content[1].type");
            QVERIFY2(parsed.error->message.contains(QLatin1String(type)), qPrintable(parsed.error->message));
        }
        // Conversations the template rejects are the client's error (the golden cases check the same messages).
        const ParsedCompletion noUser = parseChatCompletion(
            QByteArrayLiteral(R"({"messages": [{"role": "system", "content": "Be brief."}]})"), textModel());
        EXPECT_INVALID(noUser, "messages");
        QVERIFY2(noUser.error->message.contains(QStringLiteral("No user query")), qPrintable(noUser.error->message));
    }

    void contentShapes()
    {
        const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(
            QByteArrayLiteral(
                R"({"messages": [{"role": "developer", "content": "Be brief."},)"
                R"({"role": "user", "content": [{"type": "text", "text": "One "}, {"type": "text", "text": "two"}]},)"
                R"({"role": "assistant", "content": null, "reasoning_content": "Counting."},)"
                R"({"role": "user", "content": "three", "name": "sam"}]})"),
            textModel()));
        QVERIFY(!parsed.error);
        const ChatRequest& request = parsed.params.request;
        QCOMPARE(request.messages.size(), size_t(4));
        QCOMPARE(request.messages[0].role, ChatRole::System);
        QCOMPARE(request.messages[1].content.size(), size_t(2));
        QCOMPARE(request.messages[1].content[1].text, std::string("two"));
        QCOMPARE(request.messages[2].role, ChatRole::Assistant);
        QVERIFY(request.messages[2].content.empty());
        QCOMPARE(request.messages[2].reasoning_content.value_or("<unset>"), std::string("Counting."));
        const std::string prompt = renderedPrompt(parsed);
        QVERIFY2(prompt.starts_with("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nOne two<|im_end|>\n"),
                 prompt.c_str());
    }

    void model()
    {
        const ModelContext m = textModel();
        QCOMPARE(EXPECT_OK(parseChatCompletion(body(), m)).params.model, m.modelId);
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(R"("model": "Qwen3.5-tiny")"), m)).error);
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(R"("model": "Qwen3.5-tiny.gguf")"), m)).error);
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(R"("model": null)"), m)).error);
        const ParsedCompletion other = parseChatCompletion(body(R"("model": "gpt-4o")"), m);
        EXPECT_ERROR(other, 404, "not_found_error", "model");
        QCOMPARE(other.error->code, QStringLiteral("model_not_found"));
        QVERIFY2(other.error->message.contains(m.modelId), qPrintable(other.error->message));
        EXPECT_ERROR(parseChatCompletion(body(R"("model": "qwen3.5-tiny")"), m), 404, "not_found_error", "model");
        EXPECT_INVALID(parseChatCompletion(body(R"("model": 3)"), m), "model");
    }

    void thinking()
    {
        // The model's default when nothing is asked.
        for (bool byDefault : {false, true}) {
            const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(body(), textModel(byDefault)));
            QCOMPARE(parsed.params.thinking, byDefault);
            QCOMPARE(parsed.params.request.enable_thinking, std::optional<bool>(byDefault));
        }
        // vLLM's chat_template_kwargs and the top-level switch both override it.
        const ParsedCompletion on = EXPECT_OK(
            parseChatCompletion(body(R"("chat_template_kwargs": {"enable_thinking": true})"), textModel(false)));
        QVERIFY(on.params.thinking);
        QVERIFY(renderedPrompt(on).ends_with("<|im_start|>assistant\n<think>\n"));
        const ParsedCompletion off
            = EXPECT_OK(parseChatCompletion(body(R"("enable_thinking": false)"), textModel(true)));
        QVERIFY(!off.params.thinking);
        QVERIFY(renderedPrompt(off).ends_with("<|im_start|>assistant\n<think>\n\n</think>\n\n"));
        QVERIFY(EXPECT_OK(parseChatCompletion(
                              body(R"("enable_thinking": true, "chat_template_kwargs": {"enable_thinking": true})"),
                              textModel()))
                    .params.thinking);
        // The sampler follows the mode (model card defaults: thinking samples hotter than instruct mode).
        QCOMPARE(on.params.settings.sampler.temperature, default_sampler_settings(true, false).temperature);
        QCOMPARE(off.params.settings.sampler.temperature, default_sampler_settings(false, false).temperature);
        QCOMPARE(off.params.settings.sampler.presence_penalty, default_sampler_settings(false, false).presence_penalty);

        EXPECT_INVALID(parseChatCompletion(body(R"("chat_template_kwargs": {"enable_thinking": "yes"})"), textModel()),
                       "chat_template_kwargs.enable_thinking");
        EXPECT_INVALID(parseChatCompletion(body(R"("chat_template_kwargs": true)"), textModel()),
                       "chat_template_kwargs");
        EXPECT_INVALID(parseChatCompletion(body(R"("enable_thinking": 1)"), textModel()), "enable_thinking");
        EXPECT_INVALID(
            parseChatCompletion(body(R"("enable_thinking": true, "chat_template_kwargs": {"enable_thinking": false})"),
                                textModel()),
            "enable_thinking");
    }

    void samplers()
    {
        const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(
            body(R"("temperature": 0.5, "top_p": 0.9, "top_k": 40, "min_p": 0.05, "presence_penalty": -0.5,)"
                 R"("repetition_penalty": 1.1, "seed": 42, "max_tokens": 77, "frequency_penalty": 0, "user": "u1",)"
                 R"("metadata": {"k": "v"}, "store": false, "parallel_tool_calls": true, "n": 1, "stop": null,)"
                 R"("logprobs": false)"),
            textModel()));
        QVERIFY(!parsed.error);
        const SamplerSettings& s = parsed.params.settings.sampler;
        QCOMPARE(s.temperature, 0.5f);
        QCOMPARE(s.top_p, 0.9f);
        QCOMPARE(s.top_k, 40);
        QCOMPARE(s.min_p, 0.05f);
        QCOMPARE(s.presence_penalty, -0.5f);
        QCOMPARE(s.repetition_penalty, 1.1f);
        QCOMPARE(s.seed, std::optional<uint64_t>(42));
        QCOMPARE(parsed.params.settings.max_tokens, 77);
        QVERIFY(!parsed.params.settings.json_schema);

        QCOMPARE(EXPECT_OK(parseChatCompletion(body(R"("temperature": 0)"), textModel()))
                     .params.settings.sampler.temperature,
                 0.0f);  // greedy
        QCOMPARE(EXPECT_OK(parseChatCompletion(body(R"("top_k": -1)"), textModel())).params.settings.sampler.top_k, 0);
        QCOMPARE(EXPECT_OK(parseChatCompletion(body(R"("top_k": 0)"), textModel())).params.settings.sampler.top_k, 0);
        QCOMPARE(EXPECT_OK(parseChatCompletion(body(R"("seed": 18446744073709551615)"), textModel()))
                     .params.settings.sampler.seed,
                 std::optional<uint64_t>(18446744073709551615ull));
        // max_completion_tokens (the current name) wins; absent keeps the engine default.
        QCOMPARE(EXPECT_OK(parseChatCompletion(body(R"("max_tokens": 5, "max_completion_tokens": 9)"), textModel()))
                     .params.settings.max_tokens,
                 9);
        QCOMPARE(EXPECT_OK(parseChatCompletion(body(), textModel())).params.settings.max_tokens,
                 GenerationSettings().max_tokens);
        // Unset parameters keep the model card's defaults.
        const ParsedCompletion plain = EXPECT_OK(parseChatCompletion(body(), textModel()));
        QCOMPARE(plain.params.settings.sampler.top_k, default_sampler_settings(false, false).top_k);
        QVERIFY(!plain.params.settings.sampler.seed);

        EXPECT_INVALID(parseChatCompletion(body(R"("temperature": 2.5)"), textModel()), "temperature");
        EXPECT_INVALID(parseChatCompletion(body(R"("temperature": -0.1)"), textModel()), "temperature");
        EXPECT_INVALID(parseChatCompletion(body(R"("temperature": "hot")"), textModel()), "temperature");
        EXPECT_INVALID(parseChatCompletion(body(R"("top_p": 0)"), textModel()), "top_p");
        EXPECT_INVALID(parseChatCompletion(body(R"("top_p": 1.5)"), textModel()), "top_p");
        EXPECT_INVALID(parseChatCompletion(body(R"("top_k": -2)"), textModel()), "top_k");
        EXPECT_INVALID(parseChatCompletion(body(R"("top_k": 2.5)"), textModel()), "top_k");
        EXPECT_INVALID(parseChatCompletion(body(R"("min_p": 1.5)"), textModel()), "min_p");
        EXPECT_INVALID(parseChatCompletion(body(R"("presence_penalty": 2.5)"), textModel()), "presence_penalty");
        EXPECT_INVALID(parseChatCompletion(body(R"("repetition_penalty": 0)"), textModel()), "repetition_penalty");
        EXPECT_INVALID(parseChatCompletion(body(R"("frequency_penalty": 0.5)"), textModel()), "frequency_penalty");
        EXPECT_INVALID(parseChatCompletion(body(R"("seed": -1)"), textModel()), "seed");
        EXPECT_INVALID(parseChatCompletion(body(R"("seed": 1.5)"), textModel()), "seed");
        EXPECT_INVALID(parseChatCompletion(body(R"("max_tokens": 0)"), textModel()), "max_tokens");
        EXPECT_INVALID(parseChatCompletion(body(R"("max_tokens": "10")"), textModel()), "max_tokens");
        EXPECT_INVALID(parseChatCompletion(body(R"("max_completion_tokens": -3)"), textModel()),
                       "max_completion_tokens");
    }

    void unsupportedParameters()
    {
        EXPECT_INVALID(parseChatCompletion(body(R"("n": 2)"), textModel()), "n");
        EXPECT_INVALID(parseChatCompletion(body("\"stop\": \"\\n\\n\""), textModel()), "stop");
        EXPECT_INVALID(parseChatCompletion(body(R"("stop": ["END"])"), textModel()), "stop");
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(R"("stop": [])"), textModel())).error);
        EXPECT_INVALID(parseChatCompletion(body(R"("logprobs": true)"), textModel()), "logprobs");
        EXPECT_INVALID(parseChatCompletion(body(R"("top_logprobs": 3)"), textModel()), "top_logprobs");
        EXPECT_INVALID(parseChatCompletion(body(R"("logit_bias": {"42": 10})"), textModel()), "logit_bias");
        EXPECT_INVALID(parseChatCompletion(body(R"("functions": [{"name": "f"}])"), textModel()), "functions");
        EXPECT_INVALID(parseChatCompletion(body(R"("modalities": ["text", "audio"])"), textModel()), "modalities");
    }

    void streaming()
    {
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(), textModel())).params.stream);
        const ParsedCompletion s = EXPECT_OK(
            parseChatCompletion(body(R"("stream": true, "stream_options": {"include_usage": true})"), textModel()));
        QVERIFY(s.params.stream);
        QVERIFY(s.params.includeUsage);
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(R"("stream": true)"), textModel())).params.includeUsage);
        EXPECT_INVALID(parseChatCompletion(body(R"("stream": "yes")"), textModel()), "stream");
        EXPECT_INVALID(parseChatCompletion(body(R"("stream_options": {"include_usage": true})"), textModel()),
                       "stream_options");
        EXPECT_INVALID(
            parseChatCompletion(body(R"("stream": true, "stream_options": {"include_usage": 1})"), textModel()),
            "stream_options.include_usage");
    }

    void responseFormat()
    {
        QVERIFY(!EXPECT_OK(parseChatCompletion(body(R"("response_format": {"type": "text"})"), textModel()))
                     .params.settings.json_schema);
        // The schema reaches the engine as compact text, properties in the client's order (the order the JSON is
        // generated in).
        const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(
            body(
                R"("response_format": {"type": "json_schema", "json_schema": {"name": "person", "strict": true,)"
                R"( "schema": {"type": "object", "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer"}},)"
                R"( "required": ["zeta", "alpha"]}}})"),
            textModel()));
        QVERIFY(!parsed.error);
        QCOMPARE(parsed.params.settings.json_schema.value_or("<unset>"),
                 std::string(R"({"type":"object","properties":{"zeta":{"type":"string"},"alpha":{"type":"integer"}},)"
                             R"("required":["zeta","alpha"]})"));
        // A schema outside the constrained-decoding subset: the engine's message, naming the keyword.
        const ParsedCompletion unsupported = parseChatCompletion(
            body(
                R"("response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {"type": "object",)"
                R"( "properties": {"code": {"type": "string", "pattern": "^[A-Z]+$"}}}}})"),
            textModel());
        EXPECT_INVALID(unsupported, "response_format.json_schema.schema");
        QVERIFY2(unsupported.error->message.contains(QStringLiteral("pattern")),
                 qPrintable(unsupported.error->message));
        // json_object: the engine only generates named properties, so it would always answer {} (refused instead).
        EXPECT_INVALID(parseChatCompletion(body(R"("response_format": {"type": "json_object"})"), textModel()),
                       "response_format.type");
        EXPECT_INVALID(parseChatCompletion(body(R"("response_format": {"type": "xml"})"), textModel()),
                       "response_format.type");
        EXPECT_INVALID(parseChatCompletion(body(R"("response_format": {"type": "json_schema"})"), textModel()),
                       "response_format.json_schema");
        EXPECT_INVALID(
            parseChatCompletion(body(R"("response_format": {"type": "json_schema", "json_schema": {"name": "n"}})"),
                                textModel()),
            "response_format.json_schema.schema");
        EXPECT_INVALID(parseChatCompletion(body(R"("response_format": "json")"), textModel()), "response_format");
    }

    void tools()
    {
        const char* tools
            = R"("tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather now",)"
              R"( "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}])";
        const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(body(tools), textModel()));
        QVERIFY(!parsed.error);
        // The template writes the whole tool object as the client sent it (Python json.dumps spacing).
        const std::string prompt = renderedPrompt(parsed);
        QVERIFY2(
            prompt.find("<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": "
                        "\"Weather now\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": "
                        "{\"type\": \"string\"}}}}}\n</tools>")
                != std::string::npos,
            prompt.c_str());
        // tool_choice "none": the tools are not offered.
        QByteArray none = body(tools);
        none.insert(none.size() - 1, QByteArrayLiteral(R"(, "tool_choice": "none")"));
        QVERIFY(EXPECT_OK(parseChatCompletion(none, textModel())).params.request.tools_json.empty());
        QByteArray autoChoice = body(tools);
        autoChoice.insert(autoChoice.size() - 1, QByteArrayLiteral(R"(, "tool_choice": "auto")"));
        QVERIFY(!EXPECT_OK(parseChatCompletion(autoChoice, textModel())).params.request.tools_json.empty());
        QVERIFY(EXPECT_OK(parseChatCompletion(body(R"("tools": [])"), textModel())).params.request.tools_json.empty());

        EXPECT_INVALID(parseChatCompletion(body(R"("tool_choice": "required")"), textModel()), "tool_choice");
        EXPECT_INVALID(
            parseChatCompletion(body(R"("tool_choice": {"type": "function", "function": {"name": "f"}})"), textModel()),
            "tool_choice");
        EXPECT_INVALID(parseChatCompletion(body(R"("tools": {"type": "function"})"), textModel()), "tools");
        EXPECT_INVALID(parseChatCompletion(body(R"("tools": [{"type": "retrieval"}])"), textModel()), "tools[0].type");
        EXPECT_INVALID(parseChatCompletion(body(R"("tools": [{"type": "function", "function": {"description": "d"}}])"),
                                           textModel()),
                       "tools[0].function.name");
        EXPECT_INVALID(
            parseChatCompletion(body(R"("tools": [{"type": "function", "function": {"name": "f", "parameters": []}}])"),
                                textModel()),
            "tools[0].function.parameters");
    }

    void toolCallHistory()
    {
        // OpenAI's shape: arguments as JSON text, results in tool messages (qwen35.md §6.4 for the rendering).
        const Json call
            = {{"id", "call_1"},
               {"type", "function"},
               {"function", {{"name", "get_weather"}, {"arguments", "{\"city\": \"Paris\", \"days\": 3}"}}}};
        const QByteArray history = dump(
            Json{{"messages",
                  Json::array({Json{{"role", "user"}, {"content", "Weather in Paris?"}},
                               Json{{"role", "assistant"}, {"content", nullptr}, {"tool_calls", Json::array({call})}},
                               Json{{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", "{\"temp\": 21}"}}})}});
        const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(history, textModel()));
        QVERIFY(!parsed.error);
        const ChatMessage& assistant = parsed.params.request.messages.at(1);
        QCOMPARE(assistant.tool_calls.size(), size_t(1));
        QCOMPARE(assistant.tool_calls[0].name, std::string("get_weather"));
        QCOMPARE(parsed.params.request.messages.at(2).role, ChatRole::Tool);
        const std::string prompt = renderedPrompt(parsed);
        QVERIFY2(prompt.find("<tool_call>\n<function=get_weather>\n<parameter=city>\nParis\n</parameter>\n"
                             "<parameter=days>\n3\n</parameter>\n</function>\n</tool_call><|im_end|>")
                     != std::string::npos,
                 prompt.c_str());
        QVERIFY2(prompt.find("<|im_start|>user\n<tool_response>\n{\"temp\": 21}\n</tool_response><|im_end|>\n")
                     != std::string::npos,
                 prompt.c_str());

        auto withArguments = [](const char* arguments) {
            return QByteArrayLiteral(
                       R"({"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "tool_calls": )"
                       R"([{"type": "function", "function": {"name": "f", "arguments": )")
                + QByteArray(arguments) + QByteArrayLiteral("}}]}]}");
        };
        EXPECT_INVALID(parseChatCompletion(withArguments(R"("not json")"), textModel()),
                       "messages[1].tool_calls[0].function.arguments");
        EXPECT_INVALID(parseChatCompletion(withArguments(R"("[1, 2]")"), textModel()),
                       "messages[1].tool_calls[0].function.arguments");
        EXPECT_INVALID(parseChatCompletion(withArguments("12"), textModel()),
                       "messages[1].tool_calls[0].function.arguments");
        QVERIFY(EXPECT_OK(parseChatCompletion(withArguments(R"("")"), textModel()))
                    .params.request.messages[1]
                    .tool_calls[0]
                    .arguments_json.empty());
        EXPECT_INVALID(
            parseChatCompletion(QByteArrayLiteral(R"({"messages": [{"role": "user", "content": "x"},)"
                                                  R"( {"role": "assistant", "tool_calls": [{"type": "function"}]}]})"),
                                textModel()),
            "messages[1].tool_calls[0].function");
    }

    // The golden chat-template cases (rendered by Jinja2 as transformers does), sent as OpenAI requests: the parsed
    // request must render to the same prompt, and the rejected conversations must be refused with 400.
    void goldenTemplateCases()
    {
        QFile file(QStringLiteral(LECTERN_GOLDEN_DIR "/chat-template/cases.json"));
        QVERIFY2(
            file.open(QIODevice::ReadOnly),
            qPrintable(QStringLiteral("golden data missing: %1 (the ../shared/golden checkout)").arg(file.fileName())));
        const Json cases = Json::parse(file.readAll().toStdString());
        int compared = 0;
        for (const Json& c : cases) {
            const Json& input = c.at("input");
            const std::string dumped = input.dump();
            // HF-only shapes (image/video parts, add_generation_prompt, add_vision_id) have no OpenAI form.
            if (input.contains("add_generation_prompt") || input.contains("add_vision_id")
                || dumped.find(R"("type":"image")") != std::string::npos
                || dumped.find(R"("type":"video")") != std::string::npos)
                continue;
            Json request = Json::object();
            request["messages"] = input.at("messages");
            for (Json& m : request["messages"])
                if (m.contains("tool_calls"))
                    for (Json& call : m["tool_calls"])
                        call["function"]["arguments"] = call["function"]["arguments"].dump();  // OpenAI: JSON text
            if (input.contains("tools"))
                request["tools"] = input.at("tools");
            if (input.contains("enable_thinking"))
                request["chat_template_kwargs"] = Json{{"enable_thinking", input.at("enable_thinking")}};
            const ParsedCompletion parsed = parseChatCompletion(dump(request), textModel());
            const QByteArray name = QByteArray::fromStdString(c.at("name").get<std::string>());
            if (c.contains("error")) {
                QVERIFY2(parsed.error.has_value(), name.constData());
                QCOMPARE(parsed.error->param, QStringLiteral("messages"));
            } else {
                QVERIFY2(!parsed.error,
                         qPrintable(QString::fromLatin1(name) + QStringLiteral(": ")
                                    + (parsed.error ? parsed.error->message : QString())));
                QCOMPARE(renderedPrompt(parsed), c.at("prompt").get<std::string>());
            }
            ++compared;
        }
        QVERIFY2(compared >= 8, "too few golden chat-template cases were usable");
    }

    void imagesNeedVisionModel()
    {
        const ParsedCompletion parsed = parseChatCompletion(imageBody(dataUrl(pngBytes(64, 48, Qt::red))), textModel());
        EXPECT_INVALID(parsed, "messages[0].content[1]");
        QVERIFY2(parsed.error->message.contains(QStringLiteral("Qwen3.5-tiny")), qPrintable(parsed.error->message));
        QVERIFY2(parsed.error->message.contains(QStringLiteral("mmproj")), qPrintable(parsed.error->message));
    }

    void pngDataUrl()
    {
        for (bool plainString : {false, true}) {
            const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(
                imageBody(dataUrl(pngBytes(64, 48, QColor(255, 0, 0))), plainString), visionModel()));
            QVERIFY(!parsed.error);
            const std::vector<ContentPart>& content = parsed.params.request.messages.at(0).content;
            QCOMPARE(content.size(), size_t(2));
            const ContentPart& image = content[1];
            QCOMPARE(image.kind, ContentPartKind::Image);
            // Within the pixel budget the picture keeps its size (the engine's smart resize does the rest).
            QCOMPARE(image.width, 64u);
            QCOMPARE(image.height, 48u);
            QCOMPARE(image.rgb.size(), size_t(64 * 48 * 3));
            QCOMPARE(int(image.rgb[0]), 255);
            QCOMPARE(int(image.rgb[1]), 0);
            QCOMPARE(int(image.rgb[2]), 0);
            // Pictures select the model card's vision-language sampler.
            QCOMPARE(parsed.params.settings.sampler.presence_penalty,
                     default_sampler_settings(false, true).presence_penalty);
            QCOMPARE(parsed.params.settings.sampler.top_p, default_sampler_settings(false, true).top_p);
            QVERIFY(renderedPrompt(parsed).find("What is this?<|vision_start|><|image_pad|><|vision_end|>")
                    != std::string::npos);
        }
    }

    void pictureScaledToBudget()
    {
        // smart_resize (qwen35.md §7.2) of 400 x 300 with max_pixels 16384, by hand: beta = sqrt(120000 / 16384)
        // = 2.706; h = floor(300 / 2.706 / 32) * 32 = 96, w = floor(400 / 2.706 / 32) * 32 = 128.
        ModelContext model = visionModel();
        model.visionPixels.imageMinPixels = 4096;
        model.visionPixels.imageMaxPixels = 16384;
        const ParsedCompletion parsed
            = EXPECT_OK(parseChatCompletion(imageBody(dataUrl(pngBytes(400, 300, Qt::blue))), model));
        QVERIFY(!parsed.error);
        const ContentPart& image = parsed.params.request.messages.at(0).content.at(1);
        QCOMPARE(image.width, 128u);
        QCOMPARE(image.height, 96u);
    }

    void badPictures()
    {
        const char* param = "messages[0].content[1].image_url";
        EXPECT_INVALID(
            parseChatCompletion(imageBody(QByteArrayLiteral("data:image/png;base64,@@@not base64@@@")), visionModel()),
            param);
        EXPECT_INVALID(parseChatCompletion(imageBody(QByteArrayLiteral("data:image/png;base64")), visionModel()),
                       param);
        EXPECT_INVALID(parseChatCompletion(imageBody(QByteArrayLiteral("data:image/png;base64,")), visionModel()),
                       param);
        // Valid base64, but text rather than a picture.
        const ParsedCompletion text = parseChatCompletion(
            imageBody(dataUrl(QByteArrayLiteral("Hello, this is plain text and no picture at all.\n"), "image/png")),
            visionModel());
        EXPECT_INVALID(text, param);
        // A PDF is refused from its first bytes (kindName "pdf"), before any import.
        const ParsedCompletion pdf = parseChatCompletion(
            imageBody(
                dataUrl(QByteArrayLiteral("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "application/pdf")),
            visionModel());
        EXPECT_INVALID(pdf, param);
        QVERIFY2(pdf.error->message.contains(QStringLiteral("pdf content")), qPrintable(pdf.error->message));
        // A PNG cut in half: the importer's message.
        const QByteArray png = pngBytes(64, 48, Qt::green);
        const ParsedCompletion corrupt
            = parseChatCompletion(imageBody(dataUrl(png.left(png.size() / 2))), visionModel());
        EXPECT_INVALID(corrupt, param);
        QVERIFY2(corrupt.error->message.contains(QStringLiteral("damaged")), qPrintable(corrupt.error->message));
        // Remote URLs are never fetched.
        const ParsedCompletion remote
            = parseChatCompletion(imageBody(QByteArrayLiteral("https://example.com/cat.png")), visionModel());
        EXPECT_INVALID(remote, param);
        QVERIFY2(remote.error->message.contains(QStringLiteral("data: URL")), qPrintable(remote.error->message));
        EXPECT_INVALID(parseChatCompletion(imageBody(QByteArrayLiteral("cat.png")), visionModel()), param);
        // Pictures belong in user messages.
        EXPECT_INVALID(parseChatCompletion(imageBody(dataUrl(png), false, "assistant"), visionModel()),
                       "messages[1].content[1]");
        EXPECT_INVALID(parseChatCompletion(
                           QByteArrayLiteral(R"({"messages": [{"role": "user", "content": [{"type": "image_url"}]}]})"),
                           visionModel()),
                       "messages[0].content[0].image_url");
    }

    void localPaths()
    {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/lectern-protocol-test-XXXXXX"));
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("picture one.png"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(pngBytes(40, 30, Qt::white));
        }
        const QByteArray fileUrl = QUrl::fromLocalFile(path).toEncoded();
        for (const QByteArray& url : {fileUrl, path.toUtf8()}) {
            const ParsedCompletion parsed = EXPECT_OK(parseChatCompletion(imageBody(url), visionModel()));
            QVERIFY(!parsed.error);
            const ContentPart& image = parsed.params.request.messages.at(0).content.at(1);
            QCOMPARE(image.width, 40u);
            QCOMPARE(image.height, 30u);
        }
        ModelContext noFiles = visionModel();
        noFiles.allowFilePaths = false;
        const ParsedCompletion refused = parseChatCompletion(imageBody(fileUrl), noFiles);
        EXPECT_INVALID(refused, "messages[0].content[1].image_url");
        QVERIFY2(refused.error->message.contains(QStringLiteral("data: URL")), qPrintable(refused.error->message));
        // Data URLs still work there.
        QVERIFY(!EXPECT_OK(parseChatCompletion(imageBody(dataUrl(pngBytes(8, 8, Qt::black))), noFiles)).error);
        const ParsedCompletion missingFile
            = parseChatCompletion(imageBody(dir.filePath(QStringLiteral("absent.png")).toUtf8()), visionModel());
        EXPECT_INVALID(missingFile, "messages[0].content[1].image_url");
        QVERIFY2(missingFile.error->message.contains(QStringLiteral("does not exist")),
                 qPrintable(missingFile.error->message));
    }
};

QTEST_GUILESS_MAIN(ServerProtocolTest)
#include "test_server_protocol.moc"
