// test_server_protocol_output.cpp: what the server writes, parsed back: errors in OpenAI's shape, non-streamed
// completions (reasoning_content, tool calls with JSON-text arguments, finish reasons, usage), /v1/models, and the
// server-sent event sequence of a stream (data lines, [DONE], the usage chunk only when asked).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include "app/server/openai_protocol.h"

using namespace lectern;
using namespace lectern::server;

namespace {

QJsonObject object(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object (%s): %s", qPrintable(error.errorString()), json.constData());
    return document.object();
}

GenerationResult result(std::string content, std::string reasoning = {}, bool thinking = false,
                        std::vector<ToolCall> calls = {}, FinishReason finish = FinishReason::Stop)
{
    GenerationResult r;
    r.output.content = std::move(content);
    r.output.reasoning = std::move(reasoning);
    r.output.tool_calls = std::move(calls);
    r.thinking = thinking;
    r.stats.finish_reason = finish;
    r.stats.n_prompt_tokens = 12;
    r.stats.n_generated = 7;
    r.stats.n_reasoning = 3;
    return r;
}

// The events of a stream: each "data: <payload>\n\n"; fails (empty list) on anything else.
QList<QByteArray> events(const QByteArray& stream)
{
    QList<QByteArray> out;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype end = stream.indexOf("\n\n", at);
        if (end < 0 || !stream.mid(at).startsWith("data: ")) {
            qWarning("malformed event stream at byte %lld: %s", qlonglong(at), stream.mid(at, 80).constData());
            return {};
        }
        const QByteArray payload = stream.mid(at + 6, end - at - 6);
        if (payload.contains('\n')) {
            qWarning("an event spans lines: %s", payload.constData());
            return {};
        }
        out.append(payload);
        at = end + 2;
    }
    return out;
}

const QRegularExpression kToolCallId(QStringLiteral("^call_[0-9a-f]{24}$"));

}  // namespace

class ServerProtocolOutputTest : public QObject {
    Q_OBJECT

private slots:
    void errorShape()
    {
        ApiError plain;
        plain.message = QStringLiteral("Something is wrong.");
        const QJsonObject e = object(errorJson(plain)).value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("message")).toString(), plain.message);
        QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
        QVERIFY(e.contains(QStringLiteral("param")) && e.value(QStringLiteral("param")).isNull());
        QVERIFY(e.contains(QStringLiteral("code")) && e.value(QStringLiteral("code")).isNull());

        ApiError key;
        key.httpStatus = 401;
        key.type = QStringLiteral("authentication_error");
        key.message = QStringLiteral("Incorrect API key provided.");
        key.param = QStringLiteral("messages[1].content[0].image_url");
        key.code = QStringLiteral("invalid_api_key");
        const QJsonObject k = object(errorJson(key)).value(QStringLiteral("error")).toObject();
        QCOMPARE(k.value(QStringLiteral("type")).toString(), key.type);
        QCOMPARE(k.value(QStringLiteral("param")).toString(), key.param);
        QCOMPARE(k.value(QStringLiteral("code")).toString(), key.code);
    }

    void plainCompletion()
    {
        const QJsonObject answer = object(
            completionJson(QStringLiteral("chatcmpl-1"), 1700000000, QStringLiteral("tiny"), result("Hello there.")));
        QCOMPARE(answer.value(QStringLiteral("id")).toString(), QStringLiteral("chatcmpl-1"));
        QCOMPARE(answer.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(answer.value(QStringLiteral("created")).toInteger(), 1700000000);
        QCOMPARE(answer.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
        const QJsonArray choices = answer.value(QStringLiteral("choices")).toArray();
        QCOMPARE(choices.size(), 1);
        const QJsonObject choice = choices.first().toObject();
        QCOMPARE(choice.value(QStringLiteral("index")).toInt(-1), 0);
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
        const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
        QCOMPARE(message.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(message.value(QStringLiteral("content")).toString(), QStringLiteral("Hello there."));
        QVERIFY(!message.contains(QStringLiteral("reasoning_content")));  // thinking off and none written
        QVERIFY(!message.contains(QStringLiteral("tool_calls")));
        const QJsonObject usage = answer.value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("prompt_tokens")).toInt(), 12);
        QCOMPARE(usage.value(QStringLiteral("completion_tokens")).toInt(), 7);
        QCOMPARE(usage.value(QStringLiteral("total_tokens")).toInt(), 19);
        QCOMPARE(usage.value(QStringLiteral("completion_tokens_details"))
                     .toObject()
                     .value(QStringLiteral("reasoning_tokens"))
                     .toInt(),
                 3);
        QCOMPARE(usageJson(result("x").stats), usage);
    }

    void reasoning()
    {
        const QJsonObject thought = object(completionJson(QStringLiteral("c"), 1, QStringLiteral("m"),
                                                          result("42", "Six times seven.", true)))
                                        .value(QStringLiteral("choices"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("message"))
                                        .toObject();
        QCOMPARE(thought.value(QStringLiteral("reasoning_content")).toString(), QStringLiteral("Six times seven."));
        QCOMPARE(thought.value(QStringLiteral("content")).toString(), QStringLiteral("42"));
        // Thinking on but nothing thought: present and empty (the prompt opened the block).
        const QJsonObject empty
            = object(completionJson(QStringLiteral("c"), 1, QStringLiteral("m"), result("42", "", true)))
                  .value(QStringLiteral("choices"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("message"))
                  .toObject();
        QVERIFY(empty.value(QStringLiteral("reasoning_content")).isString());
        QCOMPARE(empty.value(QStringLiteral("reasoning_content")).toString(), QString());
    }

    void toolCalls()
    {
        const std::vector<ToolCall> calls = {{"get_weather", R"({"city":"Zürich","days":3})"}, {"now", ""}};
        const QJsonObject choice
            = object(completionJson(QStringLiteral("c"), 1, QStringLiteral("m"), result("", "", false, calls)))
                  .value(QStringLiteral("choices"))
                  .toArray()
                  .first()
                  .toObject();
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("tool_calls"));
        const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
        QVERIFY(message.contains(QStringLiteral("content")) && message.value(QStringLiteral("content")).isNull());
        const QJsonArray out = message.value(QStringLiteral("tool_calls")).toArray();
        QCOMPARE(out.size(), 2);
        const QJsonObject first = out.at(0).toObject();
        QVERIFY2(kToolCallId.match(first.value(QStringLiteral("id")).toString()).hasMatch(),
                 qPrintable(first.value(QStringLiteral("id")).toString()));
        QVERIFY(first.value(QStringLiteral("id")) != out.at(1).toObject().value(QStringLiteral("id")));
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("function"));
        const QJsonObject function = first.value(QStringLiteral("function")).toObject();
        QCOMPARE(function.value(QStringLiteral("name")).toString(), QStringLiteral("get_weather"));
        // arguments is JSON text (a string) that parses back to the object.
        QVERIFY(function.value(QStringLiteral("arguments")).isString());
        const QJsonObject arguments = object(function.value(QStringLiteral("arguments")).toString().toUtf8());
        QCOMPARE(arguments.value(QStringLiteral("city")).toString(), QStringLiteral("Zürich"));
        QCOMPARE(arguments.value(QStringLiteral("days")).toInt(), 3);
        // A call without arguments still sends an object.
        QCOMPARE(out.at(1)
                     .toObject()
                     .value(QStringLiteral("function"))
                     .toObject()
                     .value(QStringLiteral("arguments"))
                     .toString(),
                 QStringLiteral("{}"));
        // Text next to the calls stays a string.
        const QJsonObject both
            = object(completionJson(QStringLiteral("c"), 1, QStringLiteral("m"), result("Checking.", "", false, calls)))
                  .value(QStringLiteral("choices"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("message"))
                  .toObject();
        QCOMPARE(both.value(QStringLiteral("content")).toString(), QStringLiteral("Checking."));
    }

    void finishReasons()
    {
        QCOMPARE(finishReasonName(result("x")), QStringLiteral("stop"));
        QCOMPARE(finishReasonName(result("", "", false, {{"f", "{}"}})), QStringLiteral("tool_calls"));
        QCOMPARE(finishReasonName(result("x", "", false, {}, FinishReason::Length)), QStringLiteral("length"));
        // Calls cut off by the length limit do not make it a tool_calls finish.
        QCOMPARE(finishReasonName(result("", "", false, {{"f", "{}"}}, FinishReason::Length)),
                 QStringLiteral("length"));
        QCOMPARE(finishReasonName(result("x", "", false, {}, FinishReason::Cancelled)), QStringLiteral("abort"));
        QCOMPARE(finishReasonName(result("x", "", false, {}, FinishReason::Error)), QStringLiteral("error"));
    }

    void ids()
    {
        const QRegularExpression pattern(QStringLiteral("^chatcmpl-[0-9a-f]{24}$"));
        const QString a = newCompletionId();
        QVERIFY2(pattern.match(a).hasMatch(), qPrintable(a));
        QVERIFY(a != newCompletionId());
    }

    void models()
    {
        ModelContext model;
        model.modelId = QStringLiteral("Qwen3.5-0.8B");
        model.contextLength = 8192;
        const QJsonObject list = object(modelsJson(model, 1234));
        QCOMPARE(list.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
        const QJsonArray data = list.value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 1);
        const QJsonObject entry = data.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), model.modelId);
        QCOMPARE(entry.value(QStringLiteral("object")).toString(), QStringLiteral("model"));
        QCOMPARE(entry.value(QStringLiteral("created")).toInteger(), 1234);
        QCOMPARE(entry.value(QStringLiteral("owned_by")).toString(), QStringLiteral("lectern"));
        const QJsonObject none = object(modelsJson(std::nullopt, 1));
        QCOMPARE(none.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
        QVERIFY(none.value(QStringLiteral("data")).isArray());
        QVERIFY(none.value(QStringLiteral("data")).toArray().isEmpty());
    }

    void stream_data()
    {
        QTest::addColumn<bool>("includeUsage");
        QTest::newRow("without usage") << false;
        QTest::newRow("with usage") << true;
    }

    void stream()
    {
        QFETCH(bool, includeUsage);
        ChatStreamEncoder encoder(QStringLiteral("chatcmpl-s"), 99, QStringLiteral("tiny"), includeUsage);
        QByteArray sse = encoder.start();
        AssistantDelta thinking;
        thinking.reasoning = "Let me ";
        sse += encoder.piece(thinking);
        thinking.reasoning = "think.";
        sse += encoder.piece(thinking);
        QVERIFY(encoder.piece(AssistantDelta()).isEmpty());  // nothing new: no event
        AssistantDelta answer;
        answer.content = "Line one\nline \"two\" ü";
        sse += encoder.piece(answer);
        AssistantDelta call;
        call.tool_calls = {{"lookup", R"({"key":"x"})"}};
        sse += encoder.piece(call);
        call.tool_calls = {{"now", ""}};
        sse += encoder.piece(call);
        GenerationResult done
            = result("Line one\nline \"two\" ü", "Let me think.", true, {{"lookup", R"({"key":"x"})"}, {"now", ""}});
        sse += encoder.finish(done);

        const QList<QByteArray> payloads = events(sse);
        QVERIFY(!payloads.isEmpty());
        QCOMPARE(payloads.last(), QByteArrayLiteral("[DONE]"));
        QString reasoning, content, finish;
        QList<QJsonObject> calls;
        int usageChunks = 0;
        for (qsizetype i = 0; i + 1 < payloads.size(); ++i) {
            const QJsonObject chunk = object(payloads.at(i));
            QCOMPARE(chunk.value(QStringLiteral("id")).toString(), QStringLiteral("chatcmpl-s"));
            QCOMPARE(chunk.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion.chunk"));
            QCOMPARE(chunk.value(QStringLiteral("created")).toInteger(), 99);
            QCOMPARE(chunk.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
            const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
            if (choices.isEmpty()) {  // the usage chunk: last before [DONE]
                ++usageChunks;
                QCOMPARE(i, payloads.size() - 2);
                QCOMPARE(chunk.value(QStringLiteral("usage")).toObject().value(QStringLiteral("total_tokens")).toInt(),
                         19);
                continue;
            }
            // Other chunks: "usage": null when usage was asked for (OpenAI), no usage member otherwise.
            QCOMPARE(chunk.contains(QStringLiteral("usage")), includeUsage);
            QVERIFY(chunk.value(QStringLiteral("usage")).isNull()
                    || chunk.value(QStringLiteral("usage")).isUndefined());
            QCOMPARE(choices.size(), 1);
            const QJsonObject choice = choices.first().toObject();
            QCOMPARE(choice.value(QStringLiteral("index")).toInt(-1), 0);
            QVERIFY(choice.value(QStringLiteral("delta")).isObject());
            const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
            if (i == 0) {
                QCOMPARE(delta.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
                QCOMPARE(delta.value(QStringLiteral("content")).toString(QStringLiteral("<none>")), QString());
            } else {
                QVERIFY(!delta.contains(QStringLiteral("role")));
            }
            QVERIFY2(finish.isEmpty(), "a chunk after the finish_reason chunk");
            if (!choice.value(QStringLiteral("finish_reason")).isNull())
                finish = choice.value(QStringLiteral("finish_reason")).toString();
            reasoning += delta.value(QStringLiteral("reasoning_content")).toString();
            content += delta.value(QStringLiteral("content")).toString();
            for (const QJsonValue& c : delta.value(QStringLiteral("tool_calls")).toArray())
                calls.append(c.toObject());
        }
        QCOMPARE(usageChunks, includeUsage ? 1 : 0);
        QCOMPARE(reasoning, QStringLiteral("Let me think."));
        QCOMPARE(content, QString::fromUtf8("Line one\nline \"two\" ü"));
        QCOMPARE(finish, QStringLiteral("tool_calls"));
        QCOMPARE(calls.size(), 2);
        for (int k = 0; k < calls.size(); ++k) {
            QCOMPARE(calls[k].value(QStringLiteral("index")).toInt(-1), k);
            QVERIFY(kToolCallId.match(calls[k].value(QStringLiteral("id")).toString()).hasMatch());
            QCOMPARE(calls[k].value(QStringLiteral("type")).toString(), QStringLiteral("function"));
        }
        const QJsonObject f0 = calls[0].value(QStringLiteral("function")).toObject();
        QCOMPARE(f0.value(QStringLiteral("name")).toString(), QStringLiteral("lookup"));
        QCOMPARE(
            object(f0.value(QStringLiteral("arguments")).toString().toUtf8()).value(QStringLiteral("key")).toString(),
            QStringLiteral("x"));
        QCOMPARE(calls[1].value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString(),
                 QStringLiteral("{}"));
    }

    // Calls the pieces never carried still reach the client, before the finish chunk.
    void streamFinishCarriesMissedCalls()
    {
        ChatStreamEncoder encoder(QStringLiteral("c"), 1, QStringLiteral("m"), false);
        const QList<QByteArray> payloads
            = events(encoder.start() + encoder.finish(result("", "", false, {{"f", R"({"a":1})"}})));
        QCOMPARE(payloads.size(), 4);  // start, the call, finish, [DONE]
        const QJsonObject call = object(payloads.at(1))
                                     .value(QStringLiteral("choices"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("delta"))
                                     .toObject()
                                     .value(QStringLiteral("tool_calls"))
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(call.value(QStringLiteral("index")).toInt(-1), 0);
        QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("f"));
        QCOMPARE(object(payloads.at(2))
                     .value(QStringLiteral("choices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("finish_reason"))
                     .toString(),
                 QStringLiteral("tool_calls"));
    }

    void streamLengthFinish()
    {
        ChatStreamEncoder encoder(QStringLiteral("c"), 1, QStringLiteral("m"), false);
        AssistantDelta delta;
        delta.content = "partial";
        const QList<QByteArray> payloads
            = events(encoder.start() + encoder.piece(delta)
                     + encoder.finish(result("partial", "", false, {}, FinishReason::Length)));
        QCOMPARE(payloads.size(), 4);
        QCOMPARE(object(payloads.at(2))
                     .value(QStringLiteral("choices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("finish_reason"))
                     .toString(),
                 QStringLiteral("length"));
    }

    void streamError()
    {
        ChatStreamEncoder encoder(QStringLiteral("c"), 1, QStringLiteral("m"), true);
        ApiError error;
        error.httpStatus = 500;
        error.type = QStringLiteral("server_error");
        error.message = QStringLiteral("The engine failed.");
        const QList<QByteArray> payloads = events(encoder.start() + encoder.error(error));
        QCOMPARE(payloads.size(), 3);
        const QJsonObject e = object(payloads.at(1)).value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("server_error"));
        QCOMPARE(e.value(QStringLiteral("message")).toString(), error.message);
        QCOMPARE(payloads.at(2), QByteArrayLiteral("[DONE]"));
    }
};

QTEST_GUILESS_MAIN(ServerProtocolOutputTest)
#include "test_server_protocol_output.moc"
