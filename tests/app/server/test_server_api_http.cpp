// test_server_api_http.cpp: the ApiServer over real HTTP (QNetworkAccessManager and a raw socket as clients) with
// ChatService and the tiny random-weight model on the CPU: health, models, plain and streamed completions, a
// cancelled stream, queueing, and a JSON error with the right status for every bad request.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

#include "app/chat/chat_service.h"
#include "app/server/api_server.h"
#include "app/storage/database.h"
#include "tests/app/chat/ask_fixture.h"

using namespace lectern;
using lectern::chat::testing::makeTinyModel;
using lectern::chat::testing::promptTokenCount;

namespace {

const QByteArray kKey = QByteArrayLiteral("test-key-123");
constexpr qint64 kMaxBody = 64 * 1024;
constexpr int kMaxQueued = 3;

struct HttpReply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray contentType;
    QString transportError;  // empty when an HTTP answer came
};

// The events of a server-sent-event stream: the JSON of each "data:" line and whether "data: [DONE]" ended it.
struct SseEvents {
    QList<QJsonObject> chunks;
    bool done = false;
    QString problem;  // a line that is neither
};

SseEvents parseSse(const QByteArray& body)
{
    SseEvents events;
    for (const QByteArray& block : body.split('\n')) {
        const QByteArray line = block.trimmed();
        if (line.isEmpty() || line.startsWith(':'))
            continue;
        if (!line.startsWith("data: ")) {
            events.problem = QString::fromUtf8(line);
            continue;
        }
        const QByteArray data = line.mid(6);
        if (data == "[DONE]") {
            events.done = true;
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            events.problem = QString::fromUtf8(data);
        else
            events.chunks.append(document.object());
    }
    return events;
}

QByteArray chatBody(const QString& question, int maxTokens, bool stream, bool thinking = false)
{
    QJsonObject body{{QStringLiteral("model"), QStringLiteral("tiny")},
                     {QStringLiteral("messages"),
                      QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                             {QStringLiteral("content"), question}}}},
                     {QStringLiteral("max_tokens"), maxTokens},
                     {QStringLiteral("temperature"), 0},
                     {QStringLiteral("enable_thinking"), thinking},
                     {QStringLiteral("stream"), stream}};
    if (stream)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

}  // namespace

class ServerApiHttpTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void healthNeedsNoKey();
    void modelsListsTheLoadedModel();
    void wrongOrMissingKeyIs401();
    void unknownPathIs404AndWrongMethodIs405();
    void malformedBodiesAre400();
    void oversizedBodiesAre413();
    void completionUsageMatchesTheEngine();
    void streamEqualsTheNonStreamingAnswer();
    void thinkingGoesToReasoningContent();
    void contextOverflowIs400();
    void abortedStreamCancelsTheCompletion();
    void clientsThatLeaveCancelQueuedAndPlainRequests();
    void concurrentRequestsAreQueuedAndAnswered();
    void fullQueueIs429();
    void portInUseFailsWithAMessage();
    void withoutAModelEverythingSaysSo();
    void everyJobFinishesOnceWhenTheServiceGoes();
    void stopEndsLiveRequests();

private:
    // base: the server's URL; empty: m_server's.
    QNetworkRequest request(const QString& path, const QByteArray& key, const QString& base = {}) const;
    HttpReply send(const QByteArray& method, const QString& path, const QByteArray& body = {},
                   const QByteArray& key = kKey, int timeoutMs = 60000, const QString& base = {});
    // Sends raw bytes on a new connection and reads until the server closes it or the timeout.
    HttpReply sendRaw(const QList<QByteArray>& pieces, int timeoutMs = 20000);
    QJsonObject health();
    // Polls /health until pred holds or the timeout passes.
    bool waitForHealth(const std::function<bool(const QJsonObject&)>& pred, int timeoutMs);
    void checkJsonError(const HttpReply& reply, int status, const QString& type, const QString& code = {});

    QTemporaryDir m_dir;
    QString m_model;
    std::optional<storage::Database> m_database;
    std::unique_ptr<chat::ChatService> m_chat;
    std::unique_ptr<server::ApiServer> m_server;
    QNetworkAccessManager m_network;
    qint64 m_contextLength = 512;
};

void ServerApiHttpTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_model = makeTinyModel(m_dir.path(), &error);
    QVERIFY2(!m_model.isEmpty(), qPrintable(error));
    storage::StorageResult<storage::Database> database = storage::Database::open(m_dir.filePath(QStringLiteral("db.sqlite")));
    QVERIFY2(database.ok(), qPrintable(database.status().message()));
    m_database = database.value();
    m_chat = std::make_unique<chat::ChatService>(*m_database);
    QSignalSpy loaded(m_chat.get(), &chat::ChatService::modelLoaded);
    QSignalSpy failed(m_chat.get(), &chat::ChatService::modelLoadFailed);
    QVERIFY(!m_chat->currentModel());
    m_chat->loadModel({m_model, chat::ComputeDevice::Cpu, m_contextLength});
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(m_chat->currentModel());
    QCOMPARE(m_chat->currentModel()->modelName, QStringLiteral("tiny"));

    m_server = std::make_unique<server::ApiServer>(*m_chat);
    server::ServerOptions options;
    options.port = 0;
    options.apiKey = QString::fromLatin1(kKey);
    options.maxBodyBytes = kMaxBody;
    options.maxQueued = kMaxQueued;
    QSignalSpy listening(m_server.get(), &server::ApiServer::listeningChanged);
    QVERIFY2(m_server->start(options), qPrintable(m_server->errorString()));
    QVERIFY(m_server->isListening());
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->url(), QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
    QCOMPARE(listening.count(), 1);
}

void ServerApiHttpTest::cleanupTestCase()
{
    m_server.reset();
    m_chat.reset();
}

QNetworkRequest ServerApiHttpTest::request(const QString& path, const QByteArray& key, const QString& base) const
{
    QNetworkRequest request(QUrl((base.isEmpty() ? m_server->url() : base) + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    return request;
}

HttpReply ServerApiHttpTest::send(const QByteArray& method, const QString& path, const QByteArray& body,
                                  const QByteArray& key, int timeoutMs, const QString& base)
{
    QNetworkReply* reply = m_network.sendCustomRequest(request(path, key, base), method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpReply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.transportError = QStringLiteral("timed out");
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    out.json = QJsonDocument::fromJson(out.body).object();
    if (out.status == 0 && out.transportError.isEmpty())
        out.transportError = reply->errorString();
    reply->deleteLater();
    return out;
}

HttpReply ServerApiHttpTest::sendRaw(const QList<QByteArray>& pieces, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    HttpReply out;
    if (!socket.waitForConnected(5000)) {
        out.transportError = socket.errorString();
        return out;
    }
    for (const QByteArray& piece : pieces) {
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
        socket.write(piece);
        socket.waitForBytesWritten(2000);
    }
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(200))
            received += socket.readAll();
        const int headerEnd = received.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray headers = received.left(headerEnd).toLower();
            const int at = headers.indexOf("content-length:");
            if (at >= 0) {
                const qint64 length = headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                if (received.size() - headerEnd - 4 >= length)
                    break;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState) {
            received += socket.readAll();
            break;
        }
    }
    const int headerEnd = received.indexOf("\r\n\r\n");
    if (!received.startsWith("HTTP/1.1 ") || headerEnd < 0) {
        out.transportError = QStringLiteral("no HTTP answer: ") + QString::fromLatin1(received.left(200));
        return out;
    }
    out.status = received.mid(9, 3).toInt();
    out.body = received.mid(headerEnd + 4);
    out.json = QJsonDocument::fromJson(out.body).object();
    return out;
}

QJsonObject ServerApiHttpTest::health()
{
    return send("GET", QStringLiteral("/health"), {}, {}).json;
}

bool ServerApiHttpTest::waitForHealth(const std::function<bool(const QJsonObject&)>& pred, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (pred(health()))
            return true;
        QTest::qWait(50);
    }
    return false;
}

void ServerApiHttpTest::checkJsonError(const HttpReply& reply, int status, const QString& type, const QString& code)
{
    QVERIFY2(reply.transportError.isEmpty() || reply.status != 0, qPrintable(reply.transportError));
    QVERIFY2(reply.status == status, qPrintable(QStringLiteral("status %1, expected %2: %3")
                                                    .arg(reply.status).arg(status).arg(QString::fromUtf8(reply.body))));
    const QJsonObject error = reply.json.value(QStringLiteral("error")).toObject();
    QVERIFY2(!error.isEmpty(), qPrintable(QStringLiteral("not a JSON error: ") + QString::fromUtf8(reply.body)));
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(error.value(QStringLiteral("type")).toString(), type);
    if (!code.isEmpty())
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
}

void ServerApiHttpTest::healthNeedsNoKey()
{
    const HttpReply reply = send("GET", QStringLiteral("/health"), {}, {});
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.startsWith("application/json"));
    QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(reply.json.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
    QCOMPARE(reply.json.value(QStringLiteral("busy")).toBool(true), false);
    for (const char* key : {"running", "queued", "served", "cancelled"})
        QVERIFY2(reply.json.value(QLatin1String(key)).isDouble(), key);
}

void ServerApiHttpTest::modelsListsTheLoadedModel()
{
    const HttpReply reply = send("GET", QStringLiteral("/v1/models"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    const QJsonArray data = reply.json.value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("tiny"));
}

void ServerApiHttpTest::wrongOrMissingKeyIs401()
{
    checkJsonError(send("GET", QStringLiteral("/v1/models"), {}, {}), 401, QStringLiteral("authentication_error"),
                   QStringLiteral("invalid_api_key"));
    checkJsonError(send("GET", QStringLiteral("/v1/models"), {}, "test-key-124"), 401,
                   QStringLiteral("authentication_error"), QStringLiteral("invalid_api_key"));
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("Hi"), 2, false), "x"),
                   401, QStringLiteral("authentication_error"), QStringLiteral("invalid_api_key"));
    // The body of a refused POST was read: the next request on the same kept-alive connection is served.
    QCOMPARE(send("GET", QStringLiteral("/v1/models")).status, 200);
}

void ServerApiHttpTest::unknownPathIs404AndWrongMethodIs405()
{
    checkJsonError(send("GET", QStringLiteral("/v1/nothing")), 404, QStringLiteral("not_found_error"));
    checkJsonError(send("POST", QStringLiteral("/v2/chat"), "{}"), 404, QStringLiteral("not_found_error"));
    checkJsonError(send("GET", QStringLiteral("/v1/chat/completions")), 405, QStringLiteral("invalid_request_error"),
                   QStringLiteral("method_not_allowed"));
    checkJsonError(send("POST", QStringLiteral("/v1/models"), "{}"), 405, QStringLiteral("invalid_request_error"),
                   QStringLiteral("method_not_allowed"));
    checkJsonError(send("DELETE", QStringLiteral("/health"), {}, {}), 405, QStringLiteral("invalid_request_error"),
                   QStringLiteral("method_not_allowed"));
}

void ServerApiHttpTest::malformedBodiesAre400()
{
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), "{\"messages\": [", kKey), 400,
                   QStringLiteral("invalid_request_error"));
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), "[1, 2]", kKey), 400,
                   QStringLiteral("invalid_request_error"));
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), "{\"messages\": []}", kKey), 400,
                   QStringLiteral("invalid_request_error"));
    // A request line cpp-httplib cannot read.
    const HttpReply garbage = sendRaw({QByteArrayLiteral("NONSENSE\r\n\r\n")});
    checkJsonError(garbage, 400, QStringLiteral("invalid_request_error"));
    QCOMPARE(health().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void ServerApiHttpTest::oversizedBodiesAre413()
{
    // With a Content-Length.
    const QByteArray big(kMaxBody + 1024, 'x');
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), big), 413,
                   QStringLiteral("invalid_request_error"), QStringLiteral("request_too_large"));
    // Chunked, without a Content-Length: the limit is found while reading.
    QList<QByteArray> pieces{QByteArrayLiteral("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                               "Authorization: Bearer ") + kKey +
                             QByteArrayLiteral("\r\nContent-Type: application/json\r\n"
                                               "Transfer-Encoding: chunked\r\n\r\n")};
    const QByteArray chunk(16 * 1024, 'y');
    for (int i = 0; i < 6; ++i)
        pieces.append(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    pieces.append(QByteArrayLiteral("0\r\n\r\n"));
    checkJsonError(sendRaw(pieces), 413, QStringLiteral("invalid_request_error"), QStringLiteral("request_too_large"));
    // The rest of the refused body is not read as a request: the server answers once, then closes the connection
    // (every connection serves one request, so that stopping the server never waits for an idle one).
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    for (const QByteArray& piece : std::as_const(pieces)) {
        socket.write(piece);
        socket.waitForBytesWritten(2000);
    }
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000) {
        if (socket.waitForReadyRead(200))
            received += socket.readAll();
    }
    received += socket.readAll();
    QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, "the server kept the connection open");
    QVERIFY2(received.startsWith("HTTP/1.1 413") && received.endsWith("}}"), received.constData());
    QCOMPARE(received.count("HTTP/1.1 "), 1);
    QCOMPARE(health().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void ServerApiHttpTest::completionUsageMatchesTheEngine()
{
    const HttpReply reply = send("POST", QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("Hello there"), 6, false));
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(reply.json.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(reply.json.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
    const QJsonObject choice = reply.json.value(QStringLiteral("choices")).toArray().first().toObject();
    QCOMPARE(choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("assistant"));
    const QJsonObject usage = reply.json.value(QStringLiteral("usage")).toObject();
    // The prompt counted independently: lectern-cli renders the same conversation and tokenizes it.
    QString error;
    const QJsonObject conversation{
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), QStringLiteral("Hello there")}}}},
        {QStringLiteral("enable_thinking"), false}};
    const std::optional<qint64> expected = promptTokenCount(m_model, conversation, m_dir.path(), &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(usage.value(QStringLiteral("prompt_tokens")).toInteger(), *expected);
    const qint64 completion = usage.value(QStringLiteral("completion_tokens")).toInteger();
    QVERIFY(completion >= 1 && completion <= 6);
    QCOMPARE(usage.value(QStringLiteral("total_tokens")).toInteger(), *expected + completion);
    if (completion == 6)
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("length"));
    QVERIFY(m_server->servedRequests() >= 1);
}

void ServerApiHttpTest::streamEqualsTheNonStreamingAnswer()
{
    const QString question = QStringLiteral("Tell me a story");
    const HttpReply plain = send("POST", QStringLiteral("/v1/chat/completions"), chatBody(question, 24, false));
    QVERIFY2(plain.status == 200, plain.body.constData());
    const QJsonObject message =
        plain.json.value(QStringLiteral("choices")).toArray().first().toObject().value(QStringLiteral("message")).toObject();

    const HttpReply streamed = send("POST", QStringLiteral("/v1/chat/completions"), chatBody(question, 24, true));
    QCOMPARE(streamed.status, 200);
    QVERIFY2(streamed.contentType.startsWith("text/event-stream"), streamed.contentType.constData());
    const SseEvents events = parseSse(streamed.body);
    QVERIFY2(events.problem.isEmpty(), qPrintable(events.problem));
    QVERIFY(events.done);
    QVERIFY(events.chunks.size() >= 3);
    QString content, reasoning, finishReason;
    QJsonObject usage;
    QString id;
    for (const QJsonObject& chunk : events.chunks) {
        QCOMPARE(chunk.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion.chunk"));
        if (id.isEmpty())
            id = chunk.value(QStringLiteral("id")).toString();
        QCOMPARE(chunk.value(QStringLiteral("id")).toString(), id);  // one id for the whole stream
        if (chunk.contains(QStringLiteral("usage")) && chunk.value(QStringLiteral("usage")).isObject())
            usage = chunk.value(QStringLiteral("usage")).toObject();
        const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
        if (choices.isEmpty())
            continue;
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
        content += delta.value(QStringLiteral("content")).toString();
        reasoning += delta.value(QStringLiteral("reasoning_content")).toString();
        if (choice.value(QStringLiteral("finish_reason")).isString())
            finishReason = choice.value(QStringLiteral("finish_reason")).toString();
    }
    QCOMPARE(content, message.value(QStringLiteral("content")).toString());
    QCOMPARE(reasoning, message.value(QStringLiteral("reasoning_content")).toString());
    QCOMPARE(finishReason,
             plain.json.value(QStringLiteral("choices")).toArray().first().toObject().value(QStringLiteral("finish_reason")).toString());
    QCOMPARE(usage, plain.json.value(QStringLiteral("usage")).toObject());
}

void ServerApiHttpTest::thinkingGoesToReasoningContent()
{
    // The random model never closes its reasoning block: everything it writes is reasoning.
    const HttpReply reply = send("POST", QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("Why?"), 8, false, true));
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject message =
        reply.json.value(QStringLiteral("choices")).toArray().first().toObject().value(QStringLiteral("message")).toObject();
    QVERIFY2(!message.value(QStringLiteral("reasoning_content")).toString().isEmpty(), reply.body.constData());
    const QJsonObject details =
        reply.json.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens_details")).toObject();
    QVERIFY(details.value(QStringLiteral("reasoning_tokens")).toInteger() > 0);
}

void ServerApiHttpTest::contextOverflowIs400()
{
    QStringList words;
    for (int i = 0; i < 700; ++i)
        words << QStringLiteral("word%1").arg(i);
    const HttpReply plain = send("POST", QStringLiteral("/v1/chat/completions"), chatBody(words.join(QLatin1Char(' ')), 4, false));
    checkJsonError(plain, 400, QStringLiteral("invalid_request_error"), QStringLiteral("context_length_exceeded"));
    QVERIFY2(plain.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(
                 QString::number(m_contextLength)),
             plain.body.constData());
    // Streaming: the same status, not a 200 stream with an error inside.
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), chatBody(words.join(QLatin1Char(' ')), 4, true)),
                   400, QStringLiteral("invalid_request_error"), QStringLiteral("context_length_exceeded"));
}

void ServerApiHttpTest::abortedStreamCancelsTheCompletion()
{
    const qint64 cancelledBefore = health().value(QStringLiteral("cancelled")).toInteger();
    QNetworkReply* reply = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                          chatBody(QStringLiteral("Count to a thousand"), 400, true));
    QByteArray received;
    connect(reply, &QNetworkReply::readyRead, reply, [&] { received += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.count("data: ") >= 3, 30000);  // generating
    reply->abort();
    reply->deleteLater();
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(waitForHealth([&](const QJsonObject& h) {
                 return h.value(QStringLiteral("cancelled")).toInteger() == cancelledBefore + 1 &&
                        h.value(QStringLiteral("running")).toInt() == 0 && !h.value(QStringLiteral("busy")).toBool();
             }, 10000),
             QJsonDocument(health()).toJson().constData());
    qInfo("worker free %lld ms after the abort", qint64(timer.elapsed()));
    // And it serves the next one.
    const HttpReply next = send("POST", QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("Again"), 2, false));
    QCOMPARE(next.status, 200);
}

void ServerApiHttpTest::clientsThatLeaveCancelQueuedAndPlainRequests()
{
    const QJsonObject before = health();
    const qint64 served = before.value(QStringLiteral("served")).toInteger();
    const qint64 cancelled = before.value(QStringLiteral("cancelled")).toInteger();
    // One long stream runs; a plain request and a stream wait behind it; their clients leave while they wait.
    QNetworkReply* running = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                            chatBody(QStringLiteral("Count to a thousand"), 450, true));
    QVERIFY(waitForHealth([](const QJsonObject& h) { return h.value(QStringLiteral("running")).toInt() == 1; }, 20000));
    QNetworkReply* waitingPlain = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                                 chatBody(QStringLiteral("Plain"), 450, false));
    QNetworkReply* waitingStream = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                                  chatBody(QStringLiteral("Stream"), 450, true));
    QVERIFY2(waitForHealth([](const QJsonObject& h) { return h.value(QStringLiteral("queued")).toInt() == 2; }, 20000),
             QJsonDocument(health()).toJson().constData());
    waitingPlain->abort();
    waitingStream->abort();
    // Both leave the queue as cancelled while the first still runs: neither is run for nobody.
    QVERIFY2(waitForHealth([&](const QJsonObject& h) {
                 return h.value(QStringLiteral("queued")).toInt() == 0 &&
                        h.value(QStringLiteral("cancelled")).toInteger() == cancelled + 2;
             }, 5000),
             QJsonDocument(health()).toJson().constData());
    // The first one ends as it would have (answered in full or stopped at the context).
    QVERIFY2(waitForHealth([&](const QJsonObject& h) {
                 return !h.value(QStringLiteral("busy")).toBool() &&
                        h.value(QStringLiteral("served")).toInteger() == served + 1 &&
                        h.value(QStringLiteral("cancelled")).toInteger() == cancelled + 2;
             }, 60000),
             QJsonDocument(health()).toJson().constData());

    // A plain (non-streaming) request whose client leaves while it generates stops too.
    QNetworkReply* plain = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                          chatBody(QStringLiteral("Count to a thousand"), 450, false));
    QVERIFY(waitForHealth([](const QJsonObject& h) { return h.value(QStringLiteral("running")).toInt() == 1; }, 20000));
    plain->abort();
    QVERIFY2(waitForHealth([&](const QJsonObject& h) {
                 return !h.value(QStringLiteral("busy")).toBool() &&
                        h.value(QStringLiteral("cancelled")).toInteger() == cancelled + 3;
             }, 5000),
             QJsonDocument(health()).toJson().constData());
    QCOMPARE(health().value(QStringLiteral("served")).toInteger(), served + 1);
    for (QNetworkReply* reply : {running, waitingPlain, waitingStream, plain})
        reply->deleteLater();
    // The key's scheme name is case-insensitive.
    QNetworkRequest lower(QUrl(m_server->url() + QStringLiteral("/v1/models")));
    lower.setRawHeader("Authorization", "bearer " + kKey);
    QNetworkReply* models = m_network.get(lower);
    QTRY_VERIFY_WITH_TIMEOUT(models->isFinished(), 20000);
    QCOMPARE(models->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    models->deleteLater();
}

void ServerApiHttpTest::concurrentRequestsAreQueuedAndAnswered()
{
    QSignalSpy activity(m_server.get(), &server::ApiServer::activityChanged);
    QSignalSpy logged(m_server.get(), &server::ApiServer::requestLogged);
    QNetworkReply* first = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                          chatBody(QStringLiteral("First"), 12, false));
    QNetworkReply* second = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                           chatBody(QStringLiteral("Second"), 12, false));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 60000);
    for (QNetworkReply* reply : {first, second}) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(json.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        reply->deleteLater();
    }
    QTRY_VERIFY(activity.count() >= 4);  // each: queued, running, finished
    QTRY_COMPARE(m_server->activeRequests(), 0);
    QTRY_VERIFY(logged.count() >= 2);
    bool found = false;
    for (const QList<QVariant>& line : std::as_const(logged))
        found = found || line.first().toString().startsWith(QStringLiteral("POST /v1/chat/completions 200 ("));
    QVERIFY2(found, qPrintable(logged.first().first().toString()));
}

void ServerApiHttpTest::fullQueueIs429()
{
    // kMaxQueued long streams fill the queue (one runs, the rest wait); the next request is refused.
    QList<QNetworkReply*> streams;
    for (int i = 0; i < kMaxQueued; ++i)
        streams.append(m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                      chatBody(QStringLiteral("Go on %1").arg(i), 450, true)));
    QVERIFY2(waitForHealth([](const QJsonObject& h) {
                 return h.value(QStringLiteral("running")).toInt() + h.value(QStringLiteral("queued")).toInt() == kMaxQueued;
             }, 20000),
             QJsonDocument(health()).toJson().constData());
    const QJsonObject busy = health();
    QVERIFY(busy.value(QStringLiteral("busy")).toBool());
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("One more"), 2, false)),
                   429, QStringLiteral("rate_limit_error"), QStringLiteral("queue_full"));
    for (QNetworkReply* reply : std::as_const(streams)) {
        reply->abort();
        reply->deleteLater();
    }
    // Queued ones are cancelled before they start, the running one at its next token.
    QVERIFY2(waitForHealth([](const QJsonObject& h) { return !h.value(QStringLiteral("busy")).toBool(); }, 20000),
             QJsonDocument(health()).toJson().constData());
}

void ServerApiHttpTest::portInUseFailsWithAMessage()
{
    server::ApiServer second(*m_chat);
    server::ServerOptions options;
    options.port = m_server->port();
    QVERIFY(!second.start(options));
    QVERIFY(!second.isListening());
    QVERIFY2(second.errorString().contains(QString::number(m_server->port())), qPrintable(second.errorString()));
    QVERIFY2(second.errorString().contains(QStringLiteral("in use")), qPrintable(second.errorString()));
    // The first one still serves.
    QCOMPARE(health().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void ServerApiHttpTest::withoutAModelEverythingSaysSo()
{
    chat::ChatService empty(*m_database);
    server::ApiServer server(empty);
    server::ServerOptions options;
    options.port = 0;
    QVERIFY2(server.start(options), qPrintable(server.errorString()));
    const HttpReply health = send("GET", QStringLiteral("/health"), {}, {}, 20000, server.url());
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("no_model"));
    QVERIFY(health.json.value(QStringLiteral("model")).isNull());
    const HttpReply models = send("GET", QStringLiteral("/v1/models"), {}, {}, 20000, server.url());
    QCOMPARE(models.status, 200);
    QVERIFY(models.json.value(QStringLiteral("data")).toArray().isEmpty());
    checkJsonError(send("POST", QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("Hi"), 2, false), {}, 20000,
                        server.url()),
                   503,
                   QStringLiteral("server_error"), QStringLiteral("no_model_loaded"));
    // Submitted directly, the worker says the same.
    auto job = std::make_shared<chat::CompletionJob>();
    std::optional<chat::CompletionOutcome> outcome;
    job->onFinished = [&](const chat::CompletionOutcome& o) { outcome = o; };
    empty.submitCompletion(job);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
    QCOMPARE(int(outcome->errorKind), int(chat::CompletionOutcome::ErrorKind::NoModel));
    QVERIFY(!outcome->error.isEmpty());
}

void ServerApiHttpTest::everyJobFinishesOnceWhenTheServiceGoes()
{
    // Jobs still queued when the service is destroyed finish (cancelled or run), each exactly once.
    std::vector<std::shared_ptr<std::atomic<int>>> calls;
    {
        chat::ChatService service(*m_database);
        service.loadModel({m_model, chat::ComputeDevice::Cpu, 256});
        for (int i = 0; i < 20; ++i) {
            auto job = std::make_shared<chat::CompletionJob>();
            job->request.messages.push_back(ChatMessage::make(ChatRole::User, "Hello"));
            job->settings.max_tokens = 4;
            auto count = std::make_shared<std::atomic<int>>(0);
            job->onFinished = [count](const chat::CompletionOutcome&) { ++*count; };
            calls.push_back(count);
            service.submitCompletion(job);
        }
    }
    for (const auto& count : calls)
        QCOMPARE(count->load(), 1);
}

void ServerApiHttpTest::stopEndsLiveRequests()
{
    QNetworkReply* reply = m_network.post(request(QStringLiteral("/v1/chat/completions"), kKey),
                                          chatBody(QStringLiteral("Keep going"), 450, true));
    QByteArray received;
    connect(reply, &QNetworkReply::readyRead, reply, [&] { received += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.count("data: ") >= 2, 30000);
    QElapsedTimer timer;
    timer.start();
    m_server->stop();
    // It answers what is in flight, but does not wait for the clients' idle kept-alive connections (2 s).
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!m_server->isListening());
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    received += reply->readAll();
    reply->deleteLater();
    // The stream ended with an error event rather than being cut.
    QVERIFY2(received.contains("server_stopping") || received.contains("[DONE]"), received.right(300).constData());
    // The worker is free: a turn-less completion runs through ChatService directly.
    auto job = std::make_shared<chat::CompletionJob>();
    std::atomic<bool> finished{false};
    job->onFinished = [&](const chat::CompletionOutcome&) { finished = true; };
    job->cancel = true;
    m_chat->submitCompletion(job);
    QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 5000);
}

QTEST_GUILESS_MAIN(ServerApiHttpTest)
#include "test_server_api_http.moc"
