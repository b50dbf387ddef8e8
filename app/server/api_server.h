// api_server.h: the local OpenAI-compatible HTTP server (off by default): routes, API key, request limits and
// server-sent-event streaming, with every completion queued on ChatService's inference worker, the window's model.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace lectern::chat {
class ChatService;
}

namespace lectern::server {

struct ServerOptions {
    QString host = QStringLiteral("127.0.0.1");  // loopback unless the user chooses otherwise
    quint16 port = 8080;                         // 0: any free port (port() says which)
    QString apiKey;                              // empty: no key needed; else "Authorization: Bearer <key>"
    qint64 maxBodyBytes = qint64(64) << 20;      // larger request bodies get 413
    int maxQueued = 16;                          // completions running or waiting beyond this get 429
    bool allowFilePaths = true;                  // image_url may name a local file
};

// Routes: GET /health (no key needed), GET /v1/models, POST /v1/chat/completions. Every error is a JSON body in
// OpenAI's shape with the matching status (400 malformed, 401 key, 404 path or model, 405 method, 413 size,
// 429 queue full, 503 no model). A client that disconnects cancels its completion.
// Lives on the UI (or headless main) thread; HTTP requests are served on the server's own threads.
// The ChatService must outlive the server.
class ApiServer : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool listening READ isListening NOTIFY listeningChanged)
    Q_PROPERTY(QString url READ url NOTIFY listeningChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY listeningChanged)
    Q_PROPERTY(int activeRequests READ activeRequests NOTIFY activityChanged)

public:
    explicit ApiServer(chat::ChatService& chat, QObject* parent = nullptr);
    ~ApiServer() override;  // stop()

    // Binds and starts serving; false when it cannot (port in use, bad host): errorString() says why.
    bool start(const ServerOptions& options);
    // Stops listening (the port is free at once), cancels running and queued completions, lets the requests in
    // flight answer (an error event ends a stream) and returns; connections left idle by clients close in the
    // background within the 2 s keep-alive timeout (start() and the destructor wait for them).
    void stop();

    bool isListening() const;
    QString url() const;          // "http://127.0.0.1:8080"; empty when not listening
    quint16 port() const;         // the bound port; 0 when not listening
    QString errorString() const;  // why the last start() failed; empty otherwise
    int activeRequests() const;   // completions running or queued
    int runningRequests() const;  // of those, the one running (0 or 1: one engine)
    int queuedRequests() const;   // of those, the ones waiting for the engine
    qint64 servedRequests() const;

signals:
    void listeningChanged();
    void activityChanged();                    // activeRequests changed; emitted on the server object's thread
    void requestLogged(const QString& line);   // "POST /v1/chat/completions 200 (1.2 s)"

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace lectern::server
