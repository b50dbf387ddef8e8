// app_composition.h: the desktop app as one object: conversation storage, chat controller, settings, the local API
// server and the QML main window, composed the same way for `lectern` (ui/main.cpp) and for the end-to-end tests.
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

#include "app/storage/database.h"



namespace lectern::ui {

class AppSettings;
class ChatController;
class ExtractionController;
class ServerController;

class AppComposition : public QObject {
    Q_OBJECT

public:
    // Opens the database at storage::Database::defaultPath() (a file Lectern must not touch leaves the window usable
    // with nothing kept, and says why), makes the chat controller and the settings, and registers both as the QML
    // singletons. Nothing is shown before load().
    explicit AppComposition(QObject* parent = nullptr);
    ~AppComposition() override;

    // Loads Main.qml. Returns false with *error saying what failed.
    bool load(QString* error);

    QQmlApplicationEngine& engine() { return *m_engine; }
    QQuickWindow* window() const { return m_window; }
    ChatController& chatController() { return *m_chatController; }
    AppSettings& appSettings() { return *m_appSettings; }
    // The local API server (settings → Local API server), on the chat controller's ChatService.
    ServerController& serverController() { return *m_serverController; }
    const std::optional<storage::Database>& database() const { return m_database; }

    // `lectern FILE...` and files handed over by a second launch: a new conversation with the files as its
    // attachments, ready for a question. Empty files: nothing changes.
    void openFiles(const QStringList& files);
    // Shows the window, raises it and asks the window manager to activate it.
    void activate();
    // SingleInstance::filesReceived: the files (if any) in a new conversation, and the window to the front.
    void handOver(const QStringList& files);

private:
    std::optional<storage::Database> m_database;
    std::unique_ptr<ChatController> m_chatController;
    std::unique_ptr<AppSettings> m_appSettings;
    std::unique_ptr<ExtractionController> m_extractionController;  // the Extract view's (QML singleton)
    // Its ApiServer queues on m_chatController's ChatService: made after it, destroyed before it.
    std::unique_ptr<ServerController> m_serverController;
    QString m_serverNotice;  // the server's start failure shown in the window, until it starts or is turned off
    std::unique_ptr<QQmlApplicationEngine> m_engine;  // last: the window goes before what it uses
    QPointer<QQuickWindow> m_window;
};

}  // namespace lectern::ui
