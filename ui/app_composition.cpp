// app_composition.cpp: composes storage, chat controller, settings and the main window (see app_composition.h).
#include "ui/app_composition.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QUrl>
#include <QVariantList>

#include <cstdio>

#include "ui/app_settings.h"
#include "ui/chat_controller.h"
#include "ui/extraction_controller.h"
#include "ui/main_window.h"
#include "ui/server_controller.h"

namespace lectern::ui {

AppComposition::AppComposition(QObject* parent) : QObject(parent)
{
    QString databaseError;
    {
        storage::StorageResult<storage::Database> opened = storage::Database::open(storage::Database::defaultPath());
        if (opened.ok())
            m_database = opened.value();
        else
            databaseError = opened.status().message();
    }
    m_chatController = std::make_unique<ChatController>(m_database);
    ChatController::setInstance(m_chatController.get());
    // The user's settings (QML singleton AppSettings); the advanced sampling overrides apply to every turn.
    m_appSettings = std::make_unique<AppSettings>(nullptr);
    AppSettings::setInstance(m_appSettings.get());
    m_chatController->setSamplingOverrides(m_appSettings->samplingForTurns());
    connect(m_appSettings.get(), &AppSettings::samplingOverridesChanged, m_chatController.get(),
            [this] { m_chatController->setSamplingOverrides(m_appSettings->samplingForTurns()); });
    // The image token budget: the engine's preprocessing (the attachments' estimates follow it on their own).
    m_chatController->setVisionBudget(m_appSettings->visionPixels(), m_appSettings->videoSampling());
    connect(m_appSettings.get(), &AppSettings::visionBudgetChanged, m_chatController.get(), [this] {
        m_chatController->setVisionBudget(m_appSettings->visionPixels(), m_appSettings->videoSampling());
    });
    if (!m_database) {
        const QString message =
            QCoreApplication::translate("main", "Conversations cannot be kept: %1").arg(databaseError);
        std::fprintf(stderr, "lectern: %s\n", message.toUtf8().constData());
        m_chatController->showError(message);
    }
    // Extraction batches (the Extract view): their own worker and model, the same database.
    m_extractionController = std::make_unique<ExtractionController>(m_database);
    ExtractionController::setInstance(m_extractionController.get());
    // The local API server: on at launch when the setting is (a failed start is shown, the setting stays on).
    m_serverController = std::make_unique<ServerController>(m_appSettings.get(), m_chatController->chatService());
    ServerController::setInstance(m_serverController.get());
    connect(m_serverController.get(), &ServerController::startFailed, this, [this](const QString& message) {
        m_serverNotice = message;
        m_chatController->showError(message);
    });
    connect(m_serverController.get(), &ServerController::stateChanged, this, [this] {
        // Started after all (or switched off): the failure notice no longer holds.
        if (m_serverNotice.isEmpty() || !m_serverController->errorString().isEmpty())
            return;
        if (m_chatController->lastError() == m_serverNotice)
            m_chatController->clearError();
        m_serverNotice.clear();
    });
    connect(m_serverController.get(), &ServerController::activityChanged, m_chatController.get(),
            [this] { m_chatController->setApiActivity(m_serverController->activeRequests()); });
    m_serverController->applySettings();
    m_engine = std::make_unique<QQmlApplicationEngine>();
}

AppComposition::~AppComposition()
{
    m_engine.reset();
    ServerController::setInstance(nullptr);
    m_serverController.reset();  // stops the server while the chat service still runs
    ExtractionController::setInstance(nullptr);
    m_extractionController.reset();
    if (m_appSettings)
        AppSettings::setInstance(nullptr);
    ChatController::setInstance(nullptr);
}

bool AppComposition::load(QString* error)
{
    m_window = loadMainWindow(*m_engine, error);
    return m_window != nullptr;
}

void AppComposition::openFiles(const QStringList& files)
{
    if (files.isEmpty() || !m_window)
        return;
    QVariantList urls;
    for (const QString& file : files)
        urls.append(QUrl::fromLocalFile(file));
    QMetaObject::invokeMethod(m_window, "openFilesInNewChat", Q_ARG(QVariant, QVariant(urls)));
}

void AppComposition::activate()
{
    if (!m_window)
        return;
    if (m_window->windowStates() & Qt::WindowMinimized)
        m_window->setWindowStates(m_window->windowStates() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void AppComposition::handOver(const QStringList& files)
{
    openFiles(files);
    activate();
}

}  // namespace lectern::ui
