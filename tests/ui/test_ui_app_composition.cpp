// test_ui_app_composition.cpp: the composition `lectern` runs (ui/app_composition.h): a second launch's files handed
// over through two real SingleInstance objects open in a new conversation of the window, and the About dialog.
#include <QGuiApplication>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <future>
#include <memory>

#include "app/app_info.h"
#include "app/single_instance.h"
#include "ui/about_info.h"
#include "ui/app_composition.h"
#include "ui/chat_controller.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

using lectern::app::AppInfo;
using lectern::app::SingleInstance;
using lectern::ui::AppComposition;

class TestAppComposition : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(home_.isValid());
        // The composition opens the real database and settings: keep them in a fresh home.
        qputenv("XDG_DATA_HOME", home_.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", home_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_CACHE_HOME", home_.filePath(QStringLiteral("cache")).toUtf8());
        AppInfo::applyIdentity();
    }

    void init()
    {
        // A QML warning from the window (a broken binding, a misplaced attached property) is a failure.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/Lectern/")));
        composition_ = std::make_unique<AppComposition>();
        QString error;
        QVERIFY2(composition_->load(&error), qPrintable(error));
        window_ = composition_->window();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
        // Without a configured model the setup dialog opens first; these tests are about the window behind it.
        if (QObject* setup = window_->findChild<QObject*>(QStringLiteral("modelSetupDialog")))
            QMetaObject::invokeMethod(setup, "close");
    }

    void cleanup()
    {
        composition_.reset();
        QVERIFY(!window_);
    }

    void secondLaunchHandsItsFilesToANewConversation()
    {
        const QString first = writeFile(QStringLiteral("notes.txt"), "Meeting notes: the budget is 42 euros.\n");
        const QString second = writeFile(QStringLiteral("other.txt"), "Second file.\n");
        const QString name = QStringLiteral("lectern-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial_);

        // The running window listens, as ui/main.cpp sets it up.
        SingleInstance running(name);
        QString error;
        QVERIFY2(running.listen(&error), qPrintable(error));
        connect(&running, &SingleInstance::filesReceived, composition_.get(), &AppComposition::handOver);

        // Something typed before the hand-over is not what the handed files are for: a new conversation starts.
        QQuickItem* input = item("composerInput");
        input->setProperty("text", QStringLiteral("unrelated draft"));
        QObject* attachments = item("composer")->property("attachments").value<QObject*>();
        QVERIFY(attachments);
        QCOMPARE(attachments->property("count").toInt(), 0);

        // A second `lectern FILE...`: its own SingleInstance on another thread (sendToRunning blocks for the answer).
        std::future<bool> sent = std::async(std::launch::async, [name, first, second] {
            return SingleInstance(name).sendToRunning({first, second});
        });
        QTRY_COMPARE(attachments->property("count").toInt(), 2);
        QTRY_VERIFY(sent.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
        QVERIFY2(sent.get(), "the second launch got no answer from the running window");
        QCOMPARE(input->property("text").toString(), QString());
        QCOMPARE(composition_->chatController().currentConversationId(), 0.0);  // a fresh chat, not yet stored
        QTRY_VERIFY(!attachments->property("importing").toBool());
        QCOMPARE(attachments->property("readyCount").toInt(), 2);
        QVERIFY(window_->isVisible());

        // A second `lectern` without files only raises the window: the attachments stay.
        std::future<bool> raised = std::async(std::launch::async, [name] { return SingleInstance(name).sendToRunning({}); });
        QTRY_VERIFY(raised.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
        QVERIFY(raised.get());
        QCOMPARE(attachments->property("count").toInt(), 2);
        QVERIFY(window_->isVisible());
    }

    void filesOnTheCommandLineOpenInANewConversation()
    {
        const QString file = writeFile(QStringLiteral("start.txt"), "Opened at start.\n");
        composition_->openFiles({file});
        QObject* attachments = item("composer")->property("attachments").value<QObject*>();
        QTRY_COMPARE(attachments->property("count").toInt(), 1);
        composition_->openFiles({});  // nothing named: nothing changes
        QCOMPARE(attachments->property("count").toInt(), 1);
    }

    void aboutDialogShowsVersionDevicesAndLicences()
    {
        window_->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window_));
        QObject* dialog = window_->findChild<QObject*>(QStringLiteral("aboutDialog"));
        QVERIFY(dialog);
        QVERIFY(!dialog->property("visible").toBool());
        QTest::keyClick(window_, Qt::Key_F1);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QCOMPARE(item("aboutVersionLabel")->property("text").toString(),
                 QStringLiteral("Version %1").arg(QStringLiteral(LECTERN_EXPECTED_VERSION)));
        QCOMPARE(item("aboutNameLabel")->property("text").toString(), QStringLiteral("Lectern"));

        // The devices come from the engine on a worker thread; the label follows.
        const int typeId = qmlTypeId("Lectern", 1, 0, "AboutInfo");
        QVERIFY(typeId >= 0);
        auto* about = composition_->engine().singletonInstance<lectern::ui::AboutInfo*>(typeId);
        QVERIFY(about);
        QTRY_VERIFY_WITH_TIMEOUT(!about->scanningDevices() && !about->devices().isEmpty(), 30000);
        const QString devicesText = item("aboutDevicesLabel")->property("text").toString();
        QCOMPARE(devicesText, about->devices().join(QLatin1Char('\n')));

        const QString text = about->text();
        QVERIFY2(text.startsWith(QStringLiteral("Lectern %1\n").arg(QStringLiteral(LECTERN_EXPECTED_VERSION))),
                 qPrintable(text));
        for (const char* part : {"Qt ", "Poppler", "FFmpeg", "SQLite", "Vulkan loader", "Apache-2.0", "GPL-2.0-or-later"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
        // Mesa's licence is listed exactly when a Mesa driver (lavapipe here) is among the devices.
        QCOMPARE(text.contains(QStringLiteral("Mesa ")), devicesText.contains(QStringLiteral("Mesa")));

        // Escape closes it; the header's About button opens it again.
        QTest::keyClick(window_, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QQuickItem* button = item("aboutButton");
        QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier,
                          button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QTRY_VERIFY(dialog->property("visible").toBool());
    }

private:
    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = home_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QQuickItem* item(const char* objectName)
    {
        auto* found = window_->findChild<QQuickItem*>(QLatin1String(objectName));
        if (!found)
            qFatal("Main.qml has no item with objectName \"%s\"", objectName);
        return found;
    }

    QTemporaryDir home_;
    std::unique_ptr<AppComposition> composition_;
    QPointer<QQuickWindow> window_;
    int serial_ = 0;
};

QTEST_MAIN(TestAppComposition)
#include "test_ui_app_composition.moc"
