// test_ui_api_server.cpp: the local API server in the desktop app (AppComposition, ServerController, the settings
// page and the status line): on at launch when the setting is, off stops it (connection refused), a port or key
// change restarts it, a taken port gives the error text and a notice with the setting left on, and with the tiny
// random-weight model the status line follows the requests running and waiting while a chat turn waits for them.
#include <QAccessible>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <memory>

#include "app/app_info.h"
#include "app/settings/settings.h"
#include "app/translations.h"
#include "ask_fixture.h"
#include "ui/app_composition.h"
#include "ui/app_settings.h"
#include "ui/chat_controller.h"
#include "ui/server_controller.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

using lectern::ui::AppComposition;
using lectern::ui::ServerController;

namespace {

// A port nobody listens on right now (the kernel's pick for an ephemeral port).
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot find a free port: %s", qPrintable(probe.errorString()));
    return probe.serverPort();
}

struct HttpResult {
    int status = 0;  // 0: no HTTP answer (see error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
};

}  // namespace

class TestApiServerUi : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<AppComposition> m_composition;
    QPointer<QQuickWindow> m_window;
    QNetworkAccessManager m_network;
    quint16 m_launchPort = 0;

    ServerController& server() { return m_composition->serverController(); }
    lectern::app::Settings& settings() { return m_composition->appSettings().settings(); }

    QQuickItem* item(const char* objectName)
    {
        auto* found = m_window->findChild<QQuickItem*>(QLatin1String(objectName));
        if (!found)
            qFatal("Main.qml has no item with objectName \"%s\"", objectName);
        return found;
    }

    void click(QQuickItem* target)
    {
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier,
                          target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }

    // The visible one of several items of that name (one per message row: list rows are found through the
    // visual tree, not the object tree), or null.
    QQuickItem* visibleItem(const char* objectName, QQuickItem* root = nullptr)
    {
        for (QQuickItem* child : (root ? root : m_window->contentItem())->childItems()) {
            if (!child->isVisible())
                continue;
            if (child->objectName() == QLatin1String(objectName))
                return child;
            if (QQuickItem* found = visibleItem(objectName, child))
                return found;
        }
        return nullptr;
    }

    static QUrl url(quint16 port, const char* path)
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QLatin1String(path)));
    }

    static QNetworkRequest request(const QUrl& url, const QString& key = {})
    {
        QNetworkRequest request(url);
        request.setTransferTimeout(60000);
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        return request;
    }

    HttpResult finish(QNetworkReply* reply)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(60000))
            qWarning("no answer from %s", qPrintable(reply->url().toString()));
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        reply->deleteLater();
        return result;
    }

    HttpResult get(quint16 port, const char* path, const QString& key = {})
    {
        return finish(m_network.get(request(url(port, path), key)));
    }

    QNetworkReply* postCompletion(quint16 port, const QJsonObject& body)
    {
        QNetworkRequest post = request(url(port, "/v1/chat/completions"));
        post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return m_network.post(post, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    void verifyHealth(quint16 port)
    {
        const HttpResult health = get(port, "/health");
        QCOMPARE(health.status, 200);
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(health.body, &parseError);
        QVERIFY2(json.isObject(), health.body.constData());
        const QString status = json.object().value(QLatin1String("status")).toString();
        QVERIFY2(status == QLatin1String("ok") || status == QLatin1String("no_model"), health.body.constData());
        QVERIFY(json.object().contains(QLatin1String("busy")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        for (const char* variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
            qputenv(variable, m_home.filePath(QLatin1String(variable)).toLocal8Bit());
        lectern::app::AppInfo::applyIdentity();
        // English with its plural forms ("1 request", "2 requests"), whatever the test machine's locale is.
        QCOMPARE(lectern::app::installTranslations(*qApp, QStringLiteral("en")), QStringLiteral(":/i18n/lectern_en.qm"));

        // Switched on by an earlier session: the app starts serving at launch.
        m_launchPort = freePort();
        {
            lectern::app::Settings stored;
            stored.setServerPort(m_launchPort);
            stored.setServerEnabled(true);
        }
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/Lectern/")));
        m_composition = std::make_unique<AppComposition>();
        QString error;
        QVERIFY2(m_composition->load(&error), qPrintable(error));
        m_window = m_composition->window();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        if (QObject* setup = m_window->findChild<QObject*>(QStringLiteral("modelSetupDialog")))
            QMetaObject::invokeMethod(setup, "close");
    }

    void cleanupTestCase()
    {
        m_composition.reset();
        QVERIFY(!m_window);
    }

    void serverStartsAtLaunchAndTheStatusLineOpensItsSettings()
    {
        QVERIFY2(server().listening(), qPrintable(server().settingsStatusText()));
        QCOMPARE(server().port(), int(m_launchPort));
        verifyHealth(m_launchPort);
        const QString expected = QStringLiteral("API server on :%1").arg(m_launchPort);
        QCOMPARE(server().statusText(), expected);
        QCOMPARE(server().settingsStatusText(), QStringLiteral("Listening on http://127.0.0.1:%1/v1").arg(m_launchPort));
        QCOMPARE(item("statusServerLabel")->property("text").toString(), expected);
        QQuickItem* button = item("statusServerButton");
        QVERIFY(button->isVisible());
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(button);
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Name), expected + QStringLiteral(". Open the API server settings"));

        // A click on the indicator opens the settings at the server's section, its switch focused.
        QObject* dialog = m_window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        click(button);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QQuickItem* serverSwitch = item("settingsServerSwitch");
        QTRY_VERIFY(serverSwitch->hasActiveFocus());
        QVERIFY(serverSwitch->property("checked").toBool());
        QCOMPARE(item("settingsServerUrl")->property("text").toString(),
                 QStringLiteral("http://127.0.0.1:%1/v1").arg(m_launchPort));
        QCOMPARE(item("settingsServerStatus")->property("text").toString(), server().settingsStatusText());
        QVERIFY(item("settingsServerKeyNote")->property("text").toString().contains(settings().fileName()));

        // The switch writes the program's settings object, whose signal (re)starts the server: QML's AppSettings
        // singleton is that object, not a second one over the same file.
        const int typeId = qmlTypeId("Lectern", 1, 0, "AppSettings");
        QVERIFY(typeId >= 0);
        QCOMPARE(m_composition->engine().singletonInstance<lectern::ui::AppSettings*>(typeId),
                 &m_composition->appSettings());
        // The switch itself (keyboard: Space) turns the server off, and on again.
        QElapsedTimer stopping;
        stopping.start();
        QTest::keyClick(m_window, Qt::Key_Space);
        qInfo("switched off in %lld ms", stopping.elapsed());
        QTRY_VERIFY(!settings().serverEnabled());
        QVERIFY(!server().listening());
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(settings().serverEnabled());
        QVERIFY(server().listening());
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void switchingOffStopsListening()
    {
        const quint16 port = quint16(server().port());
        // The GETs so far left a kept-alive connection: turning the server off must not wait for it.
        QElapsedTimer stopping;
        stopping.start();
        settings().setServerEnabled(false);
        qInfo("stopped in %lld ms", stopping.elapsed());
        QVERIFY(!server().listening());
        const HttpResult refused = get(port, "/health");
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.error, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(server().statusText(), QString());
        QCOMPARE(server().settingsStatusText(), QStringLiteral("Off"));
        QVERIFY(!item("statusServerButton")->isVisible());

        settings().setServerEnabled(true);
        QVERIFY(server().listening());
        verifyHealth(port);
    }

    void portChangeRestartsOnTheNewPort()
    {
        const quint16 oldPort = quint16(server().port());
        const quint16 newPort = freePort();
        QVERIFY(newPort != oldPort);
        settings().setServerPort(newPort);
        QTRY_COMPARE(server().port(), int(newPort));
        QVERIFY(server().listening());
        verifyHealth(newPort);
        QCOMPARE(get(oldPort, "/health").error, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(server().baseUrl(), QStringLiteral("http://127.0.0.1:%1/v1").arg(newPort));
        QCOMPARE(item("settingsServerUrl")->property("text").toString(), server().baseUrl());
        QCOMPARE(server().statusText(), QStringLiteral("API server on :%1").arg(newPort));
    }

    void apiKeyChangeRestartsWithTheKey()
    {
        const QString key = server().generateApiKey();
        QVERIFY2(QRegularExpression(QStringLiteral("^sk-lectern-[0-9a-f]{32}$")).match(key).hasMatch(), qPrintable(key));
        QVERIFY(server().generateApiKey() != key);
        const quint16 port = quint16(server().port());
        settings().setServerApiKey(key);
        QTRY_COMPARE(get(port, "/v1/models").status, 401);
        QCOMPARE(get(port, "/v1/models", QStringLiteral("sk-wrong")).status, 401);
        QCOMPARE(get(port, "/v1/models", key).status, 200);
        verifyHealth(port);  // never needs the key
        settings().setServerApiKey(QString());
        QTRY_COMPARE(get(port, "/v1/models").status, 200);
    }

    void keyFieldGenerateShowAndCopy()
    {
        QObject* dialog = m_window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(QMetaObject::invokeMethod(dialog, "openServerSection"));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QQuickItem* field = item("settingsServerApiKey");
        QCOMPARE(field->property("echoMode").toInt(), 2);  // TextInput.Password

        // "Generate" stores a new random key and shows it in the (hidden) field.
        click(item("settingsServerGenerateKey"));
        const QString key = settings().serverApiKey();
        QVERIFY2(QRegularExpression(QStringLiteral("^sk-lectern-[0-9a-f]{32}$")).match(key).hasMatch(), qPrintable(key));
        QCOMPARE(field->property("text").toString(), key);
        click(item("settingsServerShowKey"));
        QCOMPARE(field->property("echoMode").toInt(), 0);  // TextInput.Normal

        // A key no HTTP header can carry is refused, and the note says why.
        field->setProperty("text", QStringLiteral("two words"));
        QVERIFY(QMetaObject::invokeMethod(field, "editingFinished"));
        QCOMPARE(settings().serverApiKey(), key);
        QCOMPARE(item("settingsServerKeyNote")->property("text").toString(),
                 QStringLiteral("An API key cannot contain spaces or characters outside ASCII."));

        // "Copy" puts the base URL on the clipboard.
        click(item("settingsServerCopyUrl"));
        QCOMPARE(QGuiApplication::clipboard()->text(), server().baseUrl());

        field->setProperty("text", QString());
        QVERIFY(QMetaObject::invokeMethod(field, "editingFinished"));
        QCOMPARE(settings().serverApiKey(), QString());
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void portInUseShowsTheErrorAndKeepsTheSettingOn()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        const quint16 taken = blocker.serverPort();
        QSignalSpy failed(&server(), &ServerController::startFailed);
        m_composition->chatController().clearError();
        settings().setServerPort(taken);
        QTRY_VERIFY(!server().errorString().isEmpty());
        QVERIFY(!server().listening());
        QVERIFY(settings().serverEnabled());  // tried again at the next launch
        QCOMPARE(failed.size(), 1);
        const QString error = server().errorString();
        QCOMPARE(server().settingsStatusText(), QStringLiteral("Could not start: %1").arg(error));
        QCOMPARE(server().statusText(), QStringLiteral("API server could not start"));
        QCOMPARE(item("settingsServerStatus")->property("text").toString(), server().settingsStatusText());
        QCOMPARE(item("statusServerLabel")->property("text").toString(), server().statusText());
        // The window's notice (its error banner): not a modal dialog.
        QVERIFY2(m_composition->chatController().lastError().contains(error),
                 qPrintable(m_composition->chatController().lastError()));

        // The port is free again: "Try again" starts it.
        blocker.close();
        server().retry();
        QVERIFY2(server().listening(), qPrintable(server().settingsStatusText()));
        QCOMPARE(server().errorString(), QString());
        verifyHealth(taken);
        QCOMPARE(m_composition->chatController().lastError(), QString());  // the notice went with the problem
    }

    void statusFollowsRequestsAndTheChatWaitsForThem()
    {
        QTemporaryDir modelDir;
        QString error;
        const QString model = lectern::chat::testing::makeTinyModel(modelDir.path(), &error);
        QVERIFY2(!model.isEmpty(), qPrintable(error));
        lectern::ui::ChatController& chat = m_composition->chatController();
        QSignalSpy loaded(&chat, &lectern::ui::ChatController::modelLoaded);
        chat.loadModel(model, QStringLiteral("cpu"), 2048);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !chat.lastError().isEmpty(), 60000);
        QVERIFY2(chat.modelReady(), qPrintable(chat.lastError()));
        const quint16 port = quint16(server().port());
        QVERIFY(server().listening());

        // A streamed answer with thinking on and no token limit: the random model keeps reasoning until the client
        // goes away.
        QNetworkReply* stream = postCompletion(
            port, QJsonObject{{QStringLiteral("messages"),
                               QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                      {QStringLiteral("content"), QStringLiteral("Think long.")}}}},
                              {QStringLiteral("stream"), true},
                              {QStringLiteral("enable_thinking"), true},
                              {QStringLiteral("seed"), 3}});
        QTRY_VERIFY_WITH_TIMEOUT(stream->bytesAvailable() > 0 || stream->isFinished(), 60000);
        QVERIFY2(!stream->isFinished(), stream->readAll().constData());
        QCOMPARE(server().activeRequests(), 1);
        QCOMPARE(server().statusText(), QStringLiteral("API: 1 request running"));
        QCOMPARE(item("statusServerLabel")->property("text").toString(), server().statusText());
        QVERIFY(item("statusServerBusy")->isVisible());

        // A second request waits for the first.
        QNetworkReply* second = postCompletion(
            port, QJsonObject{{QStringLiteral("messages"),
                               QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                      {QStringLiteral("content"), QStringLiteral("Hello")}}}},
                              {QStringLiteral("max_tokens"), 2},
                              {QStringLiteral("seed"), 1}});
        QTRY_COMPARE(server().activeRequests(), 2);
        QCOMPARE(server().statusText(), QStringLiteral("API: 1 request running, 1 waiting"));
        QCOMPARE(item("statusServerLabel")->property("text").toString(), server().statusText());

        // A question from the window now waits for both, and says so.
        QSignalSpy completed(&chat, &lectern::ui::ChatController::turnCompleted);
        QVERIFY2(chat.send(QStringLiteral("Think long too."), {}, true), qPrintable(chat.lastError()));
        QCOMPARE(chat.apiRequestsAhead(), 2);
        QTRY_VERIFY(visibleItem("apiWaitLabel"));
        QCOMPARE(visibleItem("apiWaitLabel")->property("text").toString(), QStringLiteral("Waiting for 2 API requests…"));

        // The first client goes away: its completion is cancelled, the second is answered, then the question starts.
        stream->abort();
        stream->deleteLater();
        const HttpResult secondAnswer = finish(second);
        QCOMPARE(secondAnswer.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(chat.turnRunning(), 60000);
        QCOMPARE(chat.apiRequestsAhead(), 0);
        QTRY_COMPARE(server().activeRequests(), 0);
        QTRY_VERIFY(!visibleItem("apiWaitLabel"));

        // While the window's turn has the model, an API request waits behind it.
        QNetworkReply* queued = postCompletion(
            port, QJsonObject{{QStringLiteral("messages"),
                               QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                      {QStringLiteral("content"), QStringLiteral("Hi")}}}},
                              {QStringLiteral("max_tokens"), 2},
                              {QStringLiteral("seed"), 1}});
        QTRY_COMPARE(server().activeRequests(), 1);
        QCOMPARE(server().runningRequests(), 0);
        QCOMPARE(server().statusText(), QStringLiteral("API: 1 request waiting"));
        QVERIFY(chat.turnRunning());

        // The turn ends; the waiting request runs and is answered.
        chat.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!completed.isEmpty(), 60000);
        const HttpResult answer = finish(queued);
        QCOMPARE(answer.status, 200);
        QVERIFY2(QJsonDocument::fromJson(answer.body).object().contains(QLatin1String("choices")), answer.body.constData());
        QTRY_COMPARE(server().activeRequests(), 0);
        QCOMPARE(server().statusText(), QStringLiteral("API server on :%1").arg(port));
        QVERIFY(!item("statusServerBusy")->isVisible());
    }
};

QTEST_MAIN(TestApiServerUi)
#include "test_ui_api_server.moc"
