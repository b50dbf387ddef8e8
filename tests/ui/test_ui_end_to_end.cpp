// test_ui_end_to_end.cpp: the real window under Xvfb (ctest ui.end_to_end), composed as `lectern` composes it, with a
// tiny random-weight model made by lectern-cli: drops a PDF and a PNG through synthetic drop events, turns thinking on,
// types a question and sends it with Return, waits for the streamed answer, checks what SQLite kept (the database
// file opened read-only), saves a screenshot to the build folder, and drives new chat, search, attach and stop by
// keyboard alone.
#include <QDropEvent>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <memory>

#include "app/app_info.h"
#include "app/settings/settings.h"
#include "app/storage/database.h"
#include "ask_fixture.h"
#include "fixtures.h"
#include "ui/app_composition.h"
#include "ui/chat_controller.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

using lectern::app::AppInfo;
using lectern::ui::AppComposition;

class TestEndToEnd : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QGuiApplication::platformName() == QStringLiteral("xcb"),
                 "run under Xvfb with QT_QPA_PLATFORM=xcb (ctest ui.end_to_end does: xvfb-run -a)");
        QVERIFY(home_.isValid());
        qputenv("XDG_DATA_HOME", home_.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", home_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_CACHE_HOME", home_.filePath(QStringLiteral("cache")).toUtf8());
        AppInfo::applyIdentity();

        // A real model, configured as the settings page would: the window loads it at start.
        QString error;
        const QString model = lectern::chat::testing::makeTinyModel(home_.path(), &error);
        QVERIFY2(!model.isEmpty(), qPrintable(error));
        {
            lectern::app::Settings settings;
            settings.setModelPath(model);
            settings.setDevice(QStringLiteral("cpu"));
            settings.setContextLength(4096);
        }

        pdf_ = home_.filePath(QStringLiteral("report.pdf"));
        png_ = home_.filePath(QStringLiteral("chart.png"));
        QVERIFY(writeFile(pdf_, fixtures::makePdf({fixtures::pdfText(72, 700, 14, "Quarterly report: revenue rose 12 percent.")},
                                                  "Quarterly report")));
        QVERIFY(writeFile(png_, fixtures::encodeImage(fixtures::twoColourImage(64, 48, Qt::red, Qt::blue), "PNG")));

        composition_ = std::make_unique<AppComposition>();
        QVERIFY2(composition_->load(&error), qPrintable(error));
        window_ = composition_->window();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
        window_->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window_));
        QTRY_VERIFY_WITH_TIMEOUT(composition_->chatController().modelReady(), 60000);

        // A short answer keeps the test quick; the seed makes it the same every run.
        lectern::chat::SamplingOverrides sampling;
        sampling.maxTokens = 12;
        sampling.seed = 7;
        composition_->chatController().setSamplingOverrides(sampling);
    }

    void init()
    {
        // A QML warning from the window (a dialog that cannot load, a broken binding) is a failure.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/Lectern/")));
    }

    void cleanupTestCase()
    {
        composition_.reset();
        QVERIFY(!window_);
    }

    void dropSendAndStore()
    {
        // Drop both files onto the middle of the window, as a file manager would.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(pdf_), QUrl::fromLocalFile(png_)});
        const QPoint centre(window_->width() / 2, window_->height() / 2);
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_, &enter);
        QVERIFY2(enter.isAccepted(), "the window refused the dragged files");
        QTRY_VERIFY(item("dropOverlay")->isVisible());
        QDragMoveEvent move(centre + QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_, &move);
        QDropEvent drop(QPointF(centre + QPoint(5, 5)), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_, &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY(!item("dropOverlay")->isVisible());

        QObject* attachments = item("composer")->property("attachments").value<QObject*>();
        QVERIFY(attachments);
        QTRY_COMPARE(attachments->property("count").toInt(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!attachments->property("importing").toBool(), 30000);
        QCOMPARE(attachments->property("readyCount").toInt(), 2);
        QVERIFY(attachments->property("hasPdf").toBool());
        QVERIFY(attachments->property("hasImages").toBool());

        // Thinking on with a click on the switch.
        QQuickItem* thinking = item("thinkingSwitch");
        QVERIFY(!thinking->property("checked").toBool());
        click(thinking);
        QTRY_VERIFY(thinking->property("checked").toBool());
        QVERIFY(composition_->chatController().thinking());

        // Type the question and send it with Return.
        item("composerInput")->forceActiveFocus();
        typeText(QStringLiteral("What does the report say?"));
        QCOMPARE(item("composerInput")->property("text").toString(), QStringLiteral("What does the report say?"));
        QSignalSpy completed(&composition_->chatController(), &lectern::ui::ChatController::turnCompleted);
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(completed.count() == 1, 120000);
        QTRY_VERIFY(!composition_->chatController().busy());
        const QString turnError = completed.at(0).at(2).toString();
        QVERIFY2(turnError.isEmpty(), qPrintable(turnError));
        const qint64 conversationId = completed.at(0).at(0).toLongLong();
        const qint64 assistantId = completed.at(0).at(1).toLongLong();
        QVERIFY(conversationId > 0 && assistantId > 0);
        QCOMPARE(item("composerInput")->property("text").toString(), QString());  // sent: the composer is empty again
        QCOMPARE(attachments->property("count").toInt(), 0);
        QTRY_COMPARE(item("messageList")->property("count").toInt(), 2);

        // What SQLite kept, read straight from the file (read-only, its own connection).
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e-check"));
            db.setDatabaseName(lectern::storage::Database::defaultPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery conversation(db);
            QVERIFY(conversation.exec(QStringLiteral("SELECT thinking FROM conversations WHERE id = %1").arg(conversationId)));
            QVERIFY(conversation.next());
            QCOMPARE(conversation.value(0).toInt(), 1);

            QSqlQuery messages(db);
            QVERIFY(messages.exec(QStringLiteral("SELECT id, role, content, reasoning, generated_tokens, finish_reason "
                                                 "FROM messages WHERE conversation_id = %1 ORDER BY position")
                                      .arg(conversationId)));
            QVERIFY(messages.next());
            QCOMPARE(messages.value(1).toString(), QStringLiteral("user"));
            QCOMPARE(messages.value(2).toString(), QStringLiteral("What does the report say?"));
            const qint64 userId = messages.value(0).toLongLong();
            QVERIFY(messages.next());
            QCOMPARE(messages.value(0).toLongLong(), assistantId);
            QCOMPARE(messages.value(1).toString(), QStringLiteral("assistant"));
            // A random model says nothing sensible, but it says something: 12 tokens, reasoning or answer.
            QVERIFY(!(messages.value(2).toString() + messages.value(3).toString()).isEmpty());
            QCOMPARE(messages.value(4).toInt(), 12);
            QCOMPARE(messages.value(5).toString(), QStringLiteral("length"));
            QVERIFY(!messages.next());

            QSqlQuery stored(db);
            QVERIFY(stored.exec(QStringLiteral("SELECT original_path, kind, page_count, message_id FROM attachments "
                                               "WHERE conversation_id = %1 ORDER BY id").arg(conversationId)));
            QStringList paths;
            while (stored.next()) {
                paths.append(stored.value(0).toString());
                QCOMPARE(stored.value(3).toLongLong(), userId);
                if (stored.value(0).toString() == pdf_)
                    QCOMPARE(stored.value(2).toInt(), 1);
            }
            QCOMPARE(paths, QStringList({pdf_, png_}));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e-check"));

        // The answer on screen, captured for people to look at (the pointer moved off the switch: no tooltip).
        QTest::mouseMove(window_, item("messageList")->mapToScene(QPointF(20, 20)).toPoint());
        QTRY_VERIFY(!thinking->property("hovered").toBool());
        const QImage screenshot = window_->grabWindow();
        QVERIFY(!screenshot.isNull());
        const QString path = QStringLiteral(LECTERN_E2E_SCREENSHOT);
        QVERIFY2(screenshot.save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    void keyboardOnly()
    {
        lectern::ui::ChatController& chat = composition_->chatController();
        QVERIFY(chat.currentConversationId() > 0);

        // Ctrl+N: a new chat with the cursor in the composer.
        QTest::keyClick(window_, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(chat.currentConversationId(), 0.0);
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());

        // Ctrl+F: search the stored conversations; Escape clears the search.
        QTest::keyClick(window_, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(item("searchField")->hasActiveFocus());
        typeText(QStringLiteral("report"));
        QTRY_COMPARE(chat.searchHits().size(), 1);
        QTest::keyClick(window_, Qt::Key_Escape);
        QTRY_COMPARE(item("searchField")->property("text").toString(), QString());

        // Ctrl+O: the attach dialog opens; Escape closes it.
        item("composerInput")->forceActiveFocus();
        QObject* dialog = window_->findChild<QObject*>(QStringLiteral("attachFileDialog"));
        QVERIFY(dialog);
        QTest::keyClick(window_, Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(dialog->property("visible").toBool());
        if (QWindow* dialogWindow = QGuiApplication::focusWindow(); dialogWindow && dialogWindow != window_)
            QTest::keyClick(dialogWindow, Qt::Key_Escape);  // a dialog in a window of its own
        else
            QTest::keyClick(window_, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        window_->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window_));

        // Escape stops an answer at once: no token limit, so only the stop ends it.
        chat.setSamplingOverrides({});
        item("composerInput")->forceActiveFocus();
        typeText(QStringLiteral("Tell me more"));
        QSignalSpy completed(&chat, &lectern::ui::ChatController::turnCompleted);
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_VERIFY(chat.busy());
        QTest::keyClick(window_, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!chat.busy(), 10000);
        QTRY_COMPARE(completed.count(), 1);
    }

private:
    static bool writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    void click(QQuickItem* target)
    {
        QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier,
                          target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }

    // QTest::keyClicks exists only for widgets: type ASCII text into the window's focus item key by key.
    void typeText(const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClick(window_, c.toLatin1());
    }

    QQuickItem* item(const char* objectName)
    {
        auto* found = window_->findChild<QQuickItem*>(QLatin1String(objectName));
        if (!found)
            qFatal("Main.qml has no item with objectName \"%s\"", objectName);
        return found;
    }

    QTemporaryDir home_;
    QString pdf_;
    QString png_;
    std::unique_ptr<AppComposition> composition_;
    QPointer<QQuickWindow> window_;
};

QTEST_MAIN(TestEndToEnd)
#include "test_ui_end_to_end.moc"
