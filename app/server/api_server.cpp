// api_server.cpp: the ApiServer on cpp-httplib: its listen thread and thread pool, the API key, body limits, JSON
// errors for every failure, /health, /v1/models and /v1/chat/completions (plain and server-sent events), with each
// completion queued on ChatService's worker and cancelled when its client goes away or the server stops.
#include "app/server/api_server.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <vector>

#include "app/chat/chat_service.h"
#include "app/server/api_errors.h"
#include "app/server/client_connection.h"
#include "app/server/completion_channel.h"
#include "app/server/openai_protocol.h"

namespace lectern::server {

namespace {

using Clock = std::chrono::steady_clock;
using chat::CompletionJob;
using chat::CompletionOutcome;

constexpr auto kPollInterval = std::chrono::milliseconds(200);  // how often a waiting request looks at stop / its client
constexpr size_t kMaxDrainBytes = size_t(256) << 20;  // a chunked body this far over the limit is cut off
constexpr auto kKeepAliveAfter = std::chrono::seconds(5);       // SSE comment after this much silence (long prompts)

std::string toStd(const QByteArray& bytes)
{
    return std::string(bytes.constData(), size_t(bytes.size()));
}

void answerJson(httplib::Response& res, int status, const QByteArray& body)
{
    res.status = status;
    res.set_content(toStd(body), "application/json");
}

void answerError(httplib::Response& res, const ApiError& error)
{
    answerJson(res, error.httpStatus, errorJson(error));
}

// Compares without stopping at the first difference, so that the time taken does not tell how much of a key matched.
bool sameSecret(const std::string& given, const std::string& expected)
{
    unsigned char diff = given.size() == expected.size() ? 0 : 1;
    const size_t n = expected.size();
    for (size_t i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
    return diff == 0;
}

// The loopback and any-address hosts print as themselves; an IPv6 literal gets brackets in URLs.
QString hostForUrl(const QString& host)
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
}

}  // namespace

// What the HTTP threads, the worker's callbacks and the server object share; outlives the ApiServer while a job
// queued on the worker still holds it.
struct ServerState {
    mutable std::mutex mutex;
    QPointer<ApiServer> owner;  // cleared (under mutex) when the server object goes
    int running = 0;
    int queued = 0;
    qint64 served = 0;
    qint64 cancelled = 0;
    std::set<std::shared_ptr<CompletionJob>> live;  // submitted and not yet answered

    void notifyActivity()
    {
        // Under the mutex: the owner cannot be destroyed between the check and the post.
        std::lock_guard lock(mutex);
        if (ApiServer* server = owner.data())
            QMetaObject::invokeMethod(server, [server] { emit server->activityChanged(); }, Qt::QueuedConnection);
    }

    void log(const QString& line)
    {
        std::lock_guard lock(mutex);
        if (ApiServer* server = owner.data())
            QMetaObject::invokeMethod(server, [server, line] { emit server->requestLogged(line); }, Qt::QueuedConnection);
    }
};

struct ApiServer::Impl {
    chat::ChatService* chat = nullptr;
    std::shared_ptr<ServerState> state = std::make_shared<ServerState>();
    ServerOptions options;
    std::unique_ptr<httplib::Server> http;
    std::thread listenThread;
    std::atomic<bool> stopping{false};
    // Stopped servers whose threads still end (a connection that has not sent its request holds its thread for the
    // keep-alive timeout: cpp-httplib 0.11 does not wake it on stop); joined by start() and the destructor.
    std::vector<std::thread> reapers;
    bool listening = false;
    quint16 port = 0;
    QString url;
    QString errorString;

    std::optional<ModelContext> modelContext() const;
    void installRoutes();
    // The API key check (everything but /health); false with a 401 in res. In the handlers, not before routing:
    // cpp-httplib reads the body only after the pre-routing handler, and closing a connection with the body unread
    // makes the kernel reset it, so that the client may never see the 401.
    bool authorized(const httplib::Request& req, httplib::Response& res) const;
    // POST, PUT, PATCH and DELETE on any path, once the body is read (within the limit).
    void routeWithBody(const httplib::Request& req, const std::string& body, httplib::Response& res);
    void wrongMethod(const httplib::Request& req, httplib::Response& res, const char* allowed) const;
    void handleCompletion(const httplib::Request& req, const std::string& body, httplib::Response& res);
    // Submits the job (counted as queued and live); false with a 429 in res when the queue is full.
    bool submit(const std::shared_ptr<CompletionJob>& job, httplib::Response& res);
    void forget(const std::shared_ptr<CompletionJob>& job);
    QByteArray healthJson() const;
};

std::optional<ModelContext> ApiServer::Impl::modelContext() const
{
    const std::optional<chat::ModelInfo> info = chat->currentModel();
    if (!info)
        return std::nullopt;
    ModelContext model;
    model.modelId = info->modelName;
    model.thinkingByDefault = info->thinkingByDefault;
    model.vision = info->vision;
    model.contextLength = info->contextLength;
    model.visionPixels = info->visionPixels;
    model.allowFilePaths = options.allowFilePaths;
    return model;
}

QByteArray ApiServer::Impl::healthJson() const
{
    const std::optional<chat::ModelInfo> info = chat->currentModel();
    std::lock_guard lock(state->mutex);
    const QJsonObject health{
        {QStringLiteral("status"), info ? QStringLiteral("ok") : QStringLiteral("no_model")},
        {QStringLiteral("model"), info ? QJsonValue(info->modelName) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("busy"), state->running + state->queued > 0},
        {QStringLiteral("running"), state->running},
        {QStringLiteral("queued"), state->queued},
        {QStringLiteral("served"), state->served},
        {QStringLiteral("cancelled"), state->cancelled}};
    return QJsonDocument(health).toJson(QJsonDocument::Compact);
}

bool ApiServer::Impl::submit(const std::shared_ptr<CompletionJob>& job, httplib::Response& res)
{
    {
        std::lock_guard lock(state->mutex);
        if (state->running + state->queued >= options.maxQueued) {
            answerError(res, ApiErrors::queueFull(state->running + state->queued));
            return false;
        }
        ++state->queued;
        state->live.insert(job);
    }
    // Counted on the worker: queued -> running when it starts, then served or cancelled when it ends.
    std::shared_ptr<ServerState> shared = state;
    auto started = std::make_shared<std::atomic<bool>>(false);
    std::function<void()> onStarted = std::move(job->onStarted);
    job->onStarted = [shared, started, onStarted] {
        {
            std::lock_guard lock(shared->mutex);
            --shared->queued;
            ++shared->running;
        }
        started->store(true);
        shared->notifyActivity();
        if (onStarted)
            onStarted();
    };
    CompletionJob* raw = job.get();
    std::function<void(const CompletionOutcome&)> onFinished = std::move(job->onFinished);
    job->onFinished = [shared, started, onFinished, raw](const CompletionOutcome& outcome) {
        {
            std::lock_guard lock(shared->mutex);
            if (started->load())
                --shared->running;
            else
                --shared->queued;
            if (raw->cancel.load())
                ++shared->cancelled;
            else
                ++shared->served;
        }
        shared->notifyActivity();
        if (onFinished)
            onFinished(outcome);
    };
    state->notifyActivity();
    chat->submitCompletion(job);
    return true;
}

void ApiServer::Impl::forget(const std::shared_ptr<CompletionJob>& job)
{
    std::lock_guard lock(state->mutex);
    state->live.erase(job);
}

void ApiServer::Impl::handleCompletion(const httplib::Request& req, const std::string& body, httplib::Response& res)
{
    const std::optional<ModelContext> model = modelContext();
    if (!model)
        return answerError(res, ApiErrors::noModel());
    ParsedCompletion parsed = parseChatCompletion(QByteArray::fromStdString(body), *model);
    if (parsed.error)
        return answerError(res, *parsed.error);
    ChatCompletionParams& params = parsed.params;

    auto job = std::make_shared<CompletionJob>();
    job->request = std::move(params.request);
    job->settings = params.settings;
    std::shared_ptr<CompletionChannel> channel = CompletionChannel::attach(*job);
    if (!submit(job, res))
        return;

    // A client that hangs up cancels its completion, also while it waits in the queue or runs without streaming.
    const ClientConnection client = ClientConnection::find(req.local_addr, req.local_port, req.remote_addr,
                                                           req.remote_port);
    // While the answer's status is not sent: gives up (and answers) when the server stops or the client left.
    auto gaveUp = [&] {
        const bool serverStopping = stopping.load();
        if (!serverStopping && !client.hungUp())
            return false;
        job->cancel = true;  // the worker skips it, or stops at the next token; counted as cancelled
        forget(job);
        answerError(res, serverStopping ? ApiErrors::stopping() : ApiErrors::clientClosed());
        return true;
    };

    const QString id = newCompletionId();
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const QString modelId = params.model.isEmpty() ? model->modelId : params.model;

    if (!params.stream) {
        // Wait for the whole answer, watching the client.
        std::optional<CompletionOutcome> outcome;
        while (!outcome) {
            if (gaveUp())
                return;
            outcome = channel->take(kPollInterval).outcome;
        }
        forget(job);
        if (!outcome->ok())
            return answerError(res, ApiErrors::forOutcome(*outcome));
        if (const std::optional<ApiError> error = ApiErrors::forResult(*outcome->result))
            return answerError(res, *error);
        return answerJson(res, 200, completionJson(id, created, modelId, *outcome->result));
    }

    // Streaming: hold the answer's status until the request is accepted (its prompt counted and fitting), so that
    // an oversized or rejected prompt still gets its 4xx; then send events as pieces arrive.
    struct Stream {
        ChatStreamEncoder encoder;
        std::vector<lectern::AssistantDelta> pending;  // taken while waiting for the start
        bool headerSent = false;
        bool finished = false;
        Clock::time_point lastWrite = Clock::now();
    };
    auto stream = std::make_shared<Stream>(Stream{ChatStreamEncoder(id, created, modelId, params.includeUsage)});
    while (true) {
        if (gaveUp())
            return;
        ChannelEvents events = channel->take(kPollInterval);
        std::move(events.deltas.begin(), events.deltas.end(), std::back_inserter(stream->pending));
        if (events.outcome) {
            if (!events.outcome->ok()) {
                forget(job);
                return answerError(res, ApiErrors::forOutcome(*events.outcome));
            }
            // Finished before we looked: stream it all at once.
            auto outcome = std::make_shared<CompletionOutcome>(*events.outcome);
            res.set_header("Cache-Control", "no-cache");
            res.set_header("X-Accel-Buffering", "no");
            res.set_chunked_content_provider(
                "text/event-stream",
                [stream, outcome](size_t, httplib::DataSink& sink) {
                    QByteArray bytes = stream->encoder.start();
                    for (const lectern::AssistantDelta& delta : stream->pending)
                        bytes += stream->encoder.piece(delta);
                    const std::optional<ApiError> error = ApiErrors::forResult(*outcome->result);
                    bytes += error ? stream->encoder.error(*error) : stream->encoder.finish(*outcome->result);
                    if (!sink.write(bytes.constData(), size_t(bytes.size())))
                        return false;
                    sink.done();
                    return true;
                });
            forget(job);
            return;
        }
        if (events.started)
            break;
    }

    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Accel-Buffering", "no");
    std::shared_ptr<ServerState> shared = state;
    std::atomic<bool>* stoppingFlag = &stopping;
    res.set_chunked_content_provider(
        "text/event-stream",
        [stream, channel, job, stoppingFlag, client](size_t, httplib::DataSink& sink) {
            auto write = [&](const QByteArray& bytes) {
                if (bytes.isEmpty())
                    return true;
                stream->lastWrite = Clock::now();
                return sink.write(bytes.constData(), size_t(bytes.size()));
            };
            auto clientGone = [&] {
                job->cancel = true;  // the worker stops at the next token; counted as cancelled
                return false;
            };
            if (!stream->headerSent) {
                stream->headerSent = true;
                QByteArray bytes = stream->encoder.start();
                for (const lectern::AssistantDelta& delta : stream->pending)
                    bytes += stream->encoder.piece(delta);
                stream->pending.clear();
                if (!write(bytes))
                    return clientGone();
            }
            if (stoppingFlag->load()) {
                job->cancel = true;
                write(stream->encoder.error(ApiErrors::stopping()));
                sink.done();
                return true;
            }
            ChannelEvents events = channel->take(kPollInterval);
            QByteArray bytes;
            for (const lectern::AssistantDelta& delta : events.deltas)
                bytes += stream->encoder.piece(delta);
            if (events.outcome) {
                stream->finished = true;
                if (!events.outcome->ok())
                    bytes += stream->encoder.error(ApiErrors::forOutcome(*events.outcome));
                else if (const std::optional<ApiError> error = ApiErrors::forResult(*events.outcome->result))
                    bytes += stream->encoder.error(*error);
                else
                    bytes += stream->encoder.finish(*events.outcome->result);
            } else if (bytes.isEmpty() && Clock::now() - stream->lastWrite > kKeepAliveAfter) {
                bytes = QByteArrayLiteral(": keep-alive\n\n");  // an SSE comment: finds a client that left
            }
            // A write into the socket's buffer may succeed after the client left: look at the socket too.
            if (!write(bytes) || (sink.is_writable && !sink.is_writable()) || client.hungUp())
                return clientGone();
            if (stream->finished)
                sink.done();
            return true;
        },
        [job, shared](bool success) {
            if (!success)
                job->cancel = true;  // the client went away mid-stream
            std::lock_guard lock(shared->mutex);
            shared->live.erase(job);
        });
}

bool ApiServer::Impl::authorized(const httplib::Request& req, httplib::Response& res) const
{
    const std::string key = options.apiKey.toStdString();
    if (key.empty())
        return true;
    const std::string header = req.get_header_value("Authorization");
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    const std::string prefix = "bearer ";
    const bool bearer = header.size() > prefix.size() &&
        std::equal(prefix.begin(), prefix.end(), header.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
    const size_t keyStart = bearer ? header.find_first_not_of(' ', prefix.size()) : std::string::npos;
    if (keyStart != std::string::npos && sameSecret(header.substr(keyStart), key))
        return true;
    answerError(res, ApiErrors::unauthorized(!header.empty()));
    res.set_header("WWW-Authenticate", "Bearer");
    return false;
}

void ApiServer::Impl::installRoutes()
{
    httplib::Server& server = *http;
    std::shared_ptr<ServerState> shared = state;

    // The request's start time, for the log line.
    static thread_local std::optional<Clock::time_point> requestStart;
    server.set_pre_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        requestStart = Clock::now();
        // A request read just as the server stops.
        if (!stopping.load())
            return httplib::Server::HandlerResponse::Unhandled;
        answerError(res, ApiErrors::stopping());
        return httplib::Server::HandlerResponse::Handled;
    });

    server.set_logger([shared](const httplib::Request& req, const httplib::Response& res) {
        const double seconds =
            requestStart ? std::chrono::duration<double>(Clock::now() - *requestStart).count() : 0.0;
        requestStart.reset();
        shared->log(QStringLiteral("%1 %2 %3 (%4 s)")
                        .arg(QString::fromStdString(req.method), QString::fromStdString(req.path))
                        .arg(res.status)
                        .arg(seconds, 0, 'f', 1));
    });

    // Statuses cpp-httplib sets itself (404, 413, 400 for an unreadable request, ...) get a JSON body too.
    const qint64 maxBody = options.maxBodyBytes;
    server.set_error_handler(httplib::Server::HandlerWithResponse([maxBody](const httplib::Request& req,
                                                                           httplib::Response& res) {
        if (!res.body.empty() || res.is_chunked_content_provider_ || res.content_length_ > 0)
            return httplib::Server::HandlerResponse::Unhandled;
        const ApiError error = ApiErrors::forStatus(res.status, QString::fromStdString(req.path), maxBody);
        answerError(res, error);
        return httplib::Server::HandlerResponse::Handled;
    }));

    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        QString what = QStringLiteral("unknown error");
        try {
            if (ep)
                std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = QString::fromUtf8(e.what());
        } catch (...) {
        }
        answerError(res, ApiErrors::exception(what));
    });

    server.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
        answerJson(res, 200, healthJson());
    });
    server.Get("/v1/models", [this](const httplib::Request& req, httplib::Response& res) {
        if (authorized(req, res))
            answerJson(res, 200, modelsJson(modelContext(), QDateTime::currentSecsSinceEpoch()));
    });
    server.Get("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
        wrongMethod(req, res, "POST");
    });

    // Every request with a body, on any path, goes through one reader with the size limit: cpp-httplib 0.11
    // enforces set_payload_max_length only for a Content-Length, and reads chunked bodies to any size.
    const auto withBody = [this](const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) {
        // No Content-Length and no Transfer-Encoding: no body (RFC 9112 §6.3); cpp-httplib 0.11 would wait for
        // the client to close the connection instead.
        if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
            return routeWithBody(req, std::string(), res);
        std::string body;
        bool tooLarge = false;
        const size_t limit = size_t(std::max<qint64>(1, options.maxBodyBytes));
        size_t received = 0;
        const bool read = reader([&](const char* data, size_t length) {
            received += length;
            if (received > limit) {
                // Past the limit: drain (up to a bound) rather than stop: closing the connection with the rest
                // unread would reset it before the client has read the 413.
                tooLarge = true;
                body.clear();
                return received - limit <= kMaxDrainBytes;
            }
            body.append(data, length);
            return true;
        });
        // A Content-Length over set_payload_max_length: cpp-httplib skipped the body and set 413 itself.
        if (tooLarge || res.status == 413) {
            res.status = 413;  // the error handler writes the JSON
            return;
        }
        if (!read) {
            res.status = 400;
            return;
        }
        routeWithBody(req, body, res);
    };
    const auto withoutBody = [this](const httplib::Request& req, httplib::Response& res) {
        routeWithBody(req, req.body, res);
    };
    server.Post(".*", withBody);
    server.Put(".*", withBody);
    server.Patch(".*", withBody);
    server.Delete(".*", withBody);
    server.Post(".*", withoutBody);
    server.Put(".*", withoutBody);
    server.Patch(".*", withoutBody);
    server.Delete(".*", withoutBody);
}

void ApiServer::Impl::routeWithBody(const httplib::Request& req, const std::string& body, httplib::Response& res)
{
    if (req.path == "/v1/chat/completions") {
        if (req.method != "POST")
            return wrongMethod(req, res, "POST");
        if (authorized(req, res))
            handleCompletion(req, body, res);
        return;
    }
    if (req.path == "/health" || req.path == "/v1/models")
        return wrongMethod(req, res, "GET");
    res.status = 404;  // the error handler writes the JSON
}

void ApiServer::Impl::wrongMethod(const httplib::Request& req, httplib::Response& res, const char* allowed) const
{
    if (req.path != "/health" && !authorized(req, res))
        return;
    res.set_header("Allow", allowed);
    answerError(res, ApiErrors::methodNotAllowed(QString::fromStdString(req.path), QString::fromStdString(req.method),
                                                  QString::fromLatin1(allowed)));
}

ApiServer::ApiServer(chat::ChatService& chat, QObject* parent) : QObject(parent), d(std::make_unique<Impl>())
{
    d->chat = &chat;
    d->state->owner = this;
}

ApiServer::~ApiServer()
{
    stop();
    for (std::thread& reaper : d->reapers)
        reaper.join();
    // Every server thread has ended: deliver what they posted and the event loop has not (the last requests' log
    // lines, when the loop stopped first).
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    std::lock_guard lock(d->state->mutex);
    d->state->owner.clear();
}

bool ApiServer::start(const ServerOptions& options)
{
    stop();
    // The handlers of a stopped server read the options and the stop flag until its last thread has ended.
    for (std::thread& reaper : d->reapers)
        reaper.join();
    d->reapers.clear();
    d->options = options;
    d->errorString.clear();
    d->stopping = false;
    // A client that leaves mid-answer must not kill the process: cpp-httplib 0.11 writes without MSG_NOSIGNAL.
    std::signal(SIGPIPE, SIG_IGN);

    d->http = std::make_unique<httplib::Server>();
    httplib::Server& server = *d->http;
    // SO_REUSEADDR only: cpp-httplib's default also sets SO_REUSEPORT, which would let a second server share the port.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server.set_payload_max_length(size_t(std::max<qint64>(1, options.maxBodyBytes)));
    // Reading a large body (pictures) may take a while; writes wait for a slow reader, not for the model (the
    // stream's provider returns every kPollInterval whether or not a piece arrived).
    server.set_read_timeout(60, 0);
    server.set_write_timeout(60, 0);
    // One request per connection: cpp-httplib 0.11 keeps an idle kept-alive connection's thread waiting, also after
    // stop(), and start() / the destructor must wait for those threads (the window would freeze for the wait).
    // A local server loses nothing measurable by it. A connection that never sends a request waits at most 2 s.
    server.set_keep_alive_max_count(1);
    server.set_keep_alive_timeout(2);
    // Enough threads that every queued completion, plus /health and the 429s, can be answered at once.
    const size_t threads = size_t(std::max(1, options.maxQueued)) + 4;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    d->installRoutes();

    const std::string host = options.host.toStdString();
    errno = 0;
    int port = options.port;
    bool bound = false;
    if (options.port == 0) {
        port = server.bind_to_any_port(host);
        bound = port > 0;
    } else {
        bound = server.bind_to_port(host, options.port);
    }
    if (!bound) {
        const int error = errno;
        if (error == EADDRINUSE)
            d->errorString = tr("Port %1 on %2 is in use by another program. Choose another port, or stop the other "
                                "program.")
                                 .arg(options.port)
                                 .arg(options.host);
        else if (error == EACCES)
            d->errorString = tr("Port %1 on %2 needs administrator rights. Choose a port above 1023.")
                                 .arg(options.port)
                                 .arg(options.host);
        else
            d->errorString = tr("Cannot listen on %1 port %2: %3. Check that the address belongs to this computer "
                                "(127.0.0.1 for this computer only).")
                                 .arg(options.host)
                                 .arg(options.port)
                                 .arg(error ? QString::fromLocal8Bit(std::strerror(error)) : tr("the address is not usable"));
        d->http.reset();
        emit listeningChanged();
        return false;
    }
    d->port = quint16(port);
    d->url = QStringLiteral("http://%1:%2").arg(hostForUrl(options.host)).arg(port);
    httplib::Server* raw = d->http.get();
    d->listenThread = std::thread([raw] { raw->listen_after_bind(); });
    d->listening = true;
    emit listeningChanged();
    return true;
}

void ApiServer::stop()
{
    if (!d->http)
        return;
    d->stopping = true;
    {
        std::lock_guard lock(d->state->mutex);
        for (const std::shared_ptr<CompletionJob>& job : d->state->live)
            job->cancel = true;
    }
    // Let the requests in flight answer first (an error event ends a stream, a 503 a waiting request): once stopped,
    // cpp-httplib no longer calls a stream's provider and would cut it off.
    const auto deadline = Clock::now() + 15 * kPollInterval;
    while (Clock::now() < deadline) {
        {
            std::lock_guard lock(d->state->mutex);
            if (d->state->live.empty())
                break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    d->http->stop();  // closes the listening socket: the port is free again
    // listen_after_bind returns once its thread pool has finished; the server object must outlive that.
    d->reapers.emplace_back([thread = std::move(d->listenThread), http = std::move(d->http)]() mutable {
        if (thread.joinable())
            thread.join();
        http.reset();
    });
    const bool was = d->listening;
    d->listening = false;
    d->port = 0;
    d->url.clear();
    if (was)
        emit listeningChanged();
}

bool ApiServer::isListening() const { return d->listening; }
QString ApiServer::url() const { return d->url; }
quint16 ApiServer::port() const { return d->port; }
QString ApiServer::errorString() const { return d->errorString; }

int ApiServer::activeRequests() const
{
    std::lock_guard lock(d->state->mutex);
    return d->state->running + d->state->queued;
}

int ApiServer::runningRequests() const
{
    std::lock_guard lock(d->state->mutex);
    return d->state->running;
}

int ApiServer::queuedRequests() const
{
    std::lock_guard lock(d->state->mutex);
    return d->state->queued;
}

qint64 ApiServer::servedRequests() const
{
    std::lock_guard lock(d->state->mutex);
    return d->state->served;
}

}  // namespace lectern::server
