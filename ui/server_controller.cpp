// server_controller.cpp: ServerController, the API server's switch, restarts and words (see server_controller.h).
#include "ui/server_controller.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJSEngine>
#include <QRandomGenerator>

#include <algorithm>

#include "app/settings/settings.h"

namespace lectern::ui {

namespace {

QPointer<ServerController> g_instance;

// Typing a port or a key changes the setting on every commit (and a spin box's arrow on every step): the server
// restarts once the changes settle.
constexpr int kRestartDelayMs = 300;

const QString kLoopback = QStringLiteral("127.0.0.1");  // the app serves this computer only (`lectern serve --host`
                                                        // is the way to serve others)

}  // namespace

ServerController::ServerController(app::Settings* settings, chat::ChatService* chat, QObject* parent)
    : QObject(parent), m_settings(settings)
{
    m_restartTimer.setSingleShot(true);
    m_restartTimer.setInterval(kRestartDelayMs);
    connect(&m_restartTimer, &QTimer::timeout, this, &ServerController::apply);
    if (!m_settings)
        return;
    connect(m_settings, &app::Settings::serverEnabledChanged, this, &ServerController::apply);
    connect(m_settings, &app::Settings::serverPortChanged, this, &ServerController::scheduleApply);
    connect(m_settings, &app::Settings::serverApiKeyChanged, this, &ServerController::scheduleApply);
    if (!chat)
        return;
    m_server = std::make_unique<server::ApiServer>(*chat);
    connect(m_server.get(), &server::ApiServer::listeningChanged, this, &ServerController::onListeningChanged);
    connect(m_server.get(), &server::ApiServer::activityChanged, this, &ServerController::onActivityChanged);
}

ServerController::~ServerController()
{
    if (m_server) {
        m_server->disconnect(this);
        m_server->stop();
        m_server.reset();
    }
}

void ServerController::setInstance(ServerController* controller)
{
    g_instance = controller;
}

ServerController* ServerController::create(QQmlEngine*, QJSEngine*)
{
    if (g_instance) {
        // The program owns it, not the QML engine.
        QJSEngine::setObjectOwnership(g_instance.data(), QJSEngine::CppOwnership);
        return g_instance.data();
    }
    return new ServerController(nullptr, nullptr);  // the engine owns it
}

bool ServerController::enabled() const
{
    return m_settings && m_settings->serverEnabled();
}

bool ServerController::listening() const
{
    return m_server && m_server->isListening();
}

int ServerController::port() const
{
    if (listening())
        return m_server->port();
    return m_settings ? m_settings->serverPort() : app::Settings::defaultServerPort();
}

QString ServerController::baseUrl() const
{
    return QStringLiteral("http://%1:%2/v1").arg(kLoopback).arg(port());
}

QString ServerController::errorString() const
{
    if (!enabled() || listening() || !m_server)
        return {};
    return m_server->errorString();
}

int ServerController::activeRequests() const
{
    return m_active;
}

int ServerController::runningRequests() const
{
    return m_running;
}

int ServerController::waitingRequests() const
{
    return m_active - m_running;
}

QString ServerController::statusText() const
{
    if (!enabled() || !m_server)
        return {};
    if (!listening())
        return errorString().isEmpty() ? tr("API server starting…") : tr("API server could not start");
    const int running = runningRequests();
    const int waiting = waitingRequests();
    if (running > 0 && waiting > 0)
        return tr("API: %1, %2").arg(tr("%n request(s) running", "", running), tr("%n waiting", "", waiting));
    if (running > 0)
        return tr("API: %n request(s) running", "", running);
    if (waiting > 0)
        return tr("API: %n request(s) waiting", "", waiting);
    return tr("API server on :%1").arg(port());
}

QString ServerController::settingsStatusText() const
{
    if (!m_server)
        return tr("Not available: no database could be opened.");
    if (!enabled())
        return tr("Off");
    if (!listening()) {
        const QString error = errorString();
        return error.isEmpty() ? tr("Starting…") : tr("Could not start: %1").arg(error);
    }
    if (m_active > 0)
        return tr("Listening on %1 · %2").arg(baseUrl(), statusText());
    return tr("Listening on %1").arg(baseUrl());
}

QString ServerController::settingsFile() const
{
    return m_settings ? m_settings->fileName() : QString();
}

QString ServerController::generateApiKey() const
{
    QString key = QStringLiteral("sk-lectern-");
    QRandomGenerator* random = QRandomGenerator::system();
    for (int i = 0; i < 4; ++i)
        key += QStringLiteral("%1").arg(random->generate(), 8, 16, QLatin1Char('0'));
    return key;
}

void ServerController::copyToClipboard(const QString& text) const
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void ServerController::applySettings()
{
    apply();
}

void ServerController::retry()
{
    apply();
}

void ServerController::scheduleApply()
{
    m_restartTimer.start();
}

void ServerController::apply()
{
    m_restartTimer.stop();
    if (!m_server || !m_settings)
        return;
    if (!m_settings->serverEnabled()) {
        if (m_server->isListening())
            m_server->stop();
        onListeningChanged();
        return;
    }
    server::ServerOptions options;
    options.host = kLoopback;
    options.port = quint16(m_settings->serverPort());
    options.apiKey = m_settings->serverApiKey();
    if (m_server->isListening()) {
        if (options.port == m_started.port && options.apiKey == m_started.apiKey)
            return;
        m_server->stop();  // the running and queued requests end ("cancelled"); their clients see the close
    }
    if (m_server->start(options)) {
        m_started = options;
    } else {
        const QString error = m_server->errorString();
        emit startFailed(tr("The local API server could not start: %1").arg(error));
    }
    onListeningChanged();
}

void ServerController::refreshStatusTexts()
{
    const QString status = statusText();
    const QString settingsStatus = settingsStatusText();
    if (status != m_lastStatus || settingsStatus != m_lastSettingsStatus) {
        m_lastStatus = status;
        m_lastSettingsStatus = settingsStatus;
        emit statusTextChanged();
    }
}

void ServerController::onListeningChanged()
{
    if (!listening() && m_active != 0)
        onActivityChanged();  // a stopped server has nothing running
    emit stateChanged();
    refreshStatusTexts();
}

void ServerController::onActivityChanged()
{
    const bool listening = m_server && m_server->isListening();
    m_running = listening ? m_server->runningRequests() : 0;
    m_active = listening ? m_running + m_server->queuedRequests() : 0;
    emit activityChanged();
    refreshStatusTexts();
}

}  // namespace lectern::ui
