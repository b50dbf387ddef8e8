// server_controller.h: the local OpenAI-compatible API server in the desktop app (QML singleton ServerController):
// starts and stops server::ApiServer as the settings say, restarts it on a port or key change, and words its state
// for the settings page and the status line.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

#include "app/server/api_server.h"

class QQmlEngine;
class QJSEngine;

namespace lectern::app {
class Settings;
}
namespace lectern::chat {
class ChatService;
}

namespace lectern::ui {

// Lives on the UI thread. The server's requests run on ChatService's inference worker between the window's turns,
// so the window never waits on them; this object only follows the counts the server reports.
// A start that fails (the port is taken) leaves the setting on, so the next launch tries again: the error shows in
// the settings page and the status line, and startFailed carries it to the window's notice.
class ServerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // A server exists (the window has a chat service: a database could be opened).
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool enabled READ enabled NOTIFY stateChanged)
    Q_PROPERTY(bool listening READ listening NOTIFY stateChanged)
    // The port the server listens on, else the settings' port.
    Q_PROPERTY(int port READ port NOTIFY stateChanged)
    // "http://127.0.0.1:PORT/v1": what OpenAI clients take as their base URL.
    Q_PROPERTY(QString baseUrl READ baseUrl NOTIFY stateChanged)
    // Why the last start failed while the setting is on; empty otherwise.
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)
    Q_PROPERTY(int activeRequests READ activeRequests NOTIFY activityChanged)
    Q_PROPERTY(int runningRequests READ runningRequests NOTIFY activityChanged)
    Q_PROPERTY(int waitingRequests READ waitingRequests NOTIFY activityChanged)
    // The status line's words: "" when the server is off, "API server on :8080", "API: 1 request running, 2 waiting".
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    // The settings page's status line: off, listening (and busy), or the error.
    Q_PROPERTY(QString settingsStatusText READ settingsStatusText NOTIFY statusTextChanged)
    // The file the settings (the API key among them) are kept in, in plain text.
    Q_PROPERTY(QString settingsFile READ settingsFile CONSTANT)

public:
    // settings and chat must outlive the controller; with no chat service (no database) there is no server.
    // Nothing starts before applySettings(); from then on the server follows the settings.
    ServerController(app::Settings* settings, chat::ChatService* chat, QObject* parent = nullptr);
    ~ServerController() override;  // stops the server before the chat service goes

    // The instance QML gets as the ServerController singleton (not owned). Without one, each QML engine gets its
    // own controller with no server.
    static void setInstance(ServerController* controller);
    static ServerController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    bool available() const { return m_server != nullptr; }
    bool enabled() const;
    bool listening() const;
    int port() const;
    QString baseUrl() const;
    QString errorString() const;
    int activeRequests() const;
    int runningRequests() const;
    int waitingRequests() const;
    QString statusText() const;
    QString settingsStatusText() const;
    QString settingsFile() const;
    server::ApiServer* server() const { return m_server.get(); }

    // A new random API key (128 bits from the system's secure generator): "sk-lectern-" and 32 hex digits.
    Q_INVOKABLE QString generateApiKey() const;
    Q_INVOKABLE void copyToClipboard(const QString& text) const;
    // Starts or stops the server as the settings say (at launch, after startFailed is connected).
    void applySettings();
    // Starts the server again after a failed start (the port was freed meanwhile).
    Q_INVOKABLE void retry();

signals:
    void stateChanged();
    void activityChanged();
    void statusTextChanged();
    // A start failed: the message for the window's notice.
    void startFailed(const QString& message);

private:
    void apply();           // brings the server in line with the settings
    void scheduleApply();   // the same, after typing in the port or key field settled
    void onListeningChanged();
    void onActivityChanged();
    void refreshStatusTexts();  // statusTextChanged when either status text changed

    app::Settings* m_settings = nullptr;
    std::unique_ptr<server::ApiServer> m_server;
    server::ServerOptions m_started;  // what the running server was started with
    QTimer m_restartTimer;
    int m_active = 0;   // running + waiting
    int m_running = 0;
    QString m_lastStatus;
    QString m_lastSettingsStatus;
};

}  // namespace lectern::ui
