// test_ui_main_window.cpp: loads the real Main.qml through the Lectern QML module and checks what it shows.
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <memory>

#include "app/app_info.h"
#include "app/translations.h"
#include "ui/main_window.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

using lectern::app::AppInfo;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { AppInfo::applyIdentity(); }

    void init()
    {
        // Any QML warning (unknown property, binding loop, missing file) is a failure.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        engine_ = std::make_unique<QQmlApplicationEngine>();
        QString error;
        window_ = lectern::ui::loadMainWindow(*engine_, &error);
        QVERIFY2(window_, qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(window_));
    }

    void cleanup()
    {
        engine_.reset();
        QVERIFY(!window_);  // the engine owned the window
        removeTranslations();
    }

    void windowTitleSizeAndIcon()
    {
        QCOMPARE(window_->title(), QStringLiteral("Lectern"));
        QCOMPARE(window_->size(), QSize(1100, 720));
        QVERIFY(window_->minimumWidth() >= 640);
        QVERIFY(window_->minimumHeight() >= 400);
        const QIcon icon = QGuiApplication::windowIcon();
        QVERIFY2(!icon.pixmap(64, 64).isNull(), "the SVG window icon did not load (resource or SVG plugin missing)");
    }

    void headerShowsProductNameAndVersion()
    {
        QCOMPARE(item("productNameLabel")->property("text").toString(), QStringLiteral("Lectern"));
        QCOMPARE(item("versionLabel")->property("text").toString(), QStringLiteral(LECTERN_EXPECTED_VERSION));
        QVERIFY(item("productNameLabel")->isVisible());
        QVERIFY(item("versionLabel")->isVisible());
    }

    void sidebarIsEmptyPlaceholder()
    {
        QCOMPARE(item("conversationList")->property("count").toInt(), 0);
        QQuickItem* none = item("noConversationsLabel");
        QCOMPARE(none->property("text").toString(), QStringLiteral("No conversations yet"));
        QVERIFY(none->isVisible());
        QQuickItem* newChat = item("newChatButton");
        QCOMPARE(newChat->property("text").toString(), QStringLiteral("New chat"));
        QVERIFY(newChat->isEnabled());
        QVERIFY(!item("undoBar")->isVisible());
    }

    void keyboardReachesSearchAndNewChat()
    {
        // Without a configured model the setup dialog opens first; the shortcuts are for the window behind it.
        if (QObject* setup = window_->findChild<QObject*>(QStringLiteral("modelSetupDialog")))
            QMetaObject::invokeMethod(setup, "close");
        window_->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window_));
        QQuickItem* search = item("searchField");
        QVERIFY(!search->hasActiveFocus());
        QTest::keyClick(window_, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search->hasActiveFocus());
        typeText(QStringLiteral("abc"));
        QCOMPARE(search->property("text").toString(), QStringLiteral("abc"));
        QTest::keyClick(window_, Qt::Key_Escape);  // clears the search
        QCOMPARE(search->property("text").toString(), QString());
        item("composerInput")->forceActiveFocus();
        QTest::keyClick(window_, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(search->hasActiveFocus());
        QTest::keyClick(window_, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!search->hasActiveFocus());
    }

    void controlsHaveAccessibleNames()
    {
        for (const char* name : {"newChatButton", "searchField", "stopButton", "undoButton"}) {
            const QString accessible = accessibleName(item(name));
            QVERIFY2(!accessible.isEmpty(), name);
        }
    }

    void chatAreaStartsEmpty()
    {
        QCOMPARE(item("messageList")->property("count").toInt(), 0);
        QVERIFY(item("emptyState")->isVisible());
        QCOMPARE(item("emptyStateLabel")->property("text").toString(),
                 QStringLiteral("Drop PDFs, images or videos here, or type a question"));
        QVERIFY(item("emptyStateLabel")->isVisible());
    }

    void sendEnabledOnlyWithText()
    {
        QQuickItem* input = item("composerInput");
        QQuickItem* send = item("sendButton");
        QCOMPARE(input->property("text").toString(), QString());
        QVERIFY(!send->isEnabled());

        // Real typing: focus the composer and send key events to the window.
        input->forceActiveFocus();
        QVERIFY(input->hasActiveFocus());
        typeText(QStringLiteral("  "));
        QCOMPARE(input->property("text").toString(), QStringLiteral("  "));
        QVERIFY2(!send->isEnabled(), "whitespace alone must not be sendable");
        typeText(QStringLiteral("hi"));
        QVERIFY(send->isEnabled());
        QTest::keyClick(window_, Qt::Key_Backspace);
        QTest::keyClick(window_, Qt::Key_Backspace);
        QVERIFY(!send->isEnabled());
    }

    void sendButtonSubmitsTrimmedText()
    {
        QSignalSpy submitted(window_, SIGNAL(messageSubmitted(QString)));
        QVERIFY(submitted.isValid());
        item("composerInput")->setProperty("text", QStringLiteral("  What is on page 3?\n"));
        QQuickItem* send = item("sendButton");
        QVERIFY(send->isEnabled());
        QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier,
                          send->mapToScene(QPointF(send->width() / 2, send->height() / 2)).toPoint());
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(submitted.at(0).at(0).toString(), QStringLiteral("What is on page 3?"));
    }

    void returnSendsShiftReturnBreaksLine()
    {
        QSignalSpy submitted(window_, SIGNAL(messageSubmitted(QString)));
        QQuickItem* input = item("composerInput");
        input->forceActiveFocus();
        QTest::keyClick(window_, Qt::Key_Return);
        QCOMPARE(submitted.size(), 0);  // nothing to send yet
        typeText(QStringLiteral("first"));
        QTest::keyClick(window_, Qt::Key_Return, Qt::ShiftModifier);
        typeText(QStringLiteral("second"));
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(input->property("lineCount").toInt(), 2);
        QTest::keyClick(window_, Qt::Key_Return);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(submitted.at(0).at(0).toString().split(QRegularExpression(QStringLiteral("\\s+"))),
                 QStringList({QStringLiteral("first"), QStringLiteral("second")}));
    }

    void ctrlQQuits()
    {
        QSignalSpy quit(engine_.get(), &QQmlEngine::quit);
        window_->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window_));
        QTest::keyClick(window_, Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(quit.size(), 1);
    }

    void firstFrameHasContent()
    {
        const QImage frame = window_->grabWindow();
        QVERIFY(!frame.isNull());
        QCOMPARE(frame.size(), window_->size() * window_->devicePixelRatio());
        // A blank or single-colour frame means nothing was drawn; text, icon and controls give many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < frame.height(); y += 3)
            for (int x = 0; x < frame.width(); x += 3)
                colours.insert(frame.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    }

    void closesCleanly()
    {
        QSignalSpy visibleChanged(window_, &QWindow::visibleChanged);
        QPointer<QQuickWindow> window = window_;
        QVERIFY(window_->close());  // as the window manager's close button does; Ctrl+Q is tested above
        QCOMPARE(visibleChanged.size(), 1);
        QCOMPARE(visibleChanged.at(0).at(0).toBool(), false);
        for (QWindow* topLevel : QGuiApplication::topLevelWindows())
            QVERIFY2(!topLevel->isVisible(), "a window stayed open after the main window closed");
        // Tearing down the engine destroys the window without warnings (failOnWarning) or crashes.
        engine_.reset();
        QVERIFY(!window);
    }

    void germanTranslation()
    {
        const QString loaded = lectern::app::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Austria));
        QCOMPARE(loaded, QStringLiteral(":/i18n/lectern_de.qm"));  // de_AT falls back to de
        engine_->retranslate();
        QCOMPARE(item("newChatButton")->property("text").toString(), QStringLiteral("Neuer Chat"));
        QCOMPARE(item("noConversationsLabel")->property("text").toString(), QStringLiteral("Noch keine Unterhaltungen"));
        QCOMPARE(item("emptyStateLabel")->property("text").toString(),
                 QStringLiteral("PDFs, Bilder oder Videos hierher ziehen oder eine Frage eingeben"));
        QCOMPARE(item("sendButton")->property("text").toString(), QStringLiteral("Senden"));
        // Names and numbers are not translated.
        QCOMPARE(item("productNameLabel")->property("text").toString(), QStringLiteral("Lectern"));
        QCOMPARE(window_->title(), QStringLiteral("Lectern"));
    }

    void unknownLanguageKeepsEnglish()
    {
        QCOMPARE(lectern::app::installTranslations(*qApp, QLocale(QLocale::French, QLocale::France)), QString());
        engine_->retranslate();
        QCOMPARE(item("newChatButton")->property("text").toString(), QStringLiteral("New chat"));
    }

private:
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

    // The Accessible.name attached property of a QML item.
    static QString accessibleName(QQuickItem* item)
    {
        for (QObject* child : item->children())
            if (QString::fromLatin1(child->metaObject()->className()).startsWith(QStringLiteral("QQuickAccessibleAttached")))
                return child->property("name").toString();
        return {};
    }

    static void removeTranslations()
    {
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    std::unique_ptr<QQmlApplicationEngine> engine_;
    QPointer<QQuickWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "test_ui_main_window.moc"
