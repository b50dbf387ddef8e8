// test_ui_extract_view.cpp: in the real main window (Main.qml), the header's Extract button and Ctrl+E switch the main
// area between the chat and the Extract view, which shows its controls with accessible names; no QML warnings.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <memory>

#include "app/app_info.h"
#include "ui/main_window.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

class TestExtractView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { lectern::app::AppInfo::applyIdentity(); }

    void init()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QString error;
        m_window = lectern::ui::loadMainWindow(*m_engine, &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        if (QObject* setup = m_window->findChild<QObject*>(QStringLiteral("modelSetupDialog")))
            QMetaObject::invokeMethod(setup, "close");
    }

    void cleanup() { m_engine.reset(); }

    void extractButtonOpensTheViewWithItsControls()
    {
        QQuickItem* view = item("extractView");
        QQuickItem* button = item("extractButton");
        QVERIFY(!view->isVisible());
        QVERIFY(item("composerInput")->isVisible());
        QVERIFY(!button->property("checked").toBool());

        const QPointF centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
        QTRY_VERIFY(view->isVisible());
        QVERIFY(button->property("checked").toBool());
        QVERIFY(!item("composerInput")->isVisible());
        QVERIFY(!item("sidebar")->isVisible());
        for (const char* name : {"templatePicker", "schemaEditor", "extractAddButton", "extractStartButton",
                                 "extractPauseButton", "extractCancelButton", "extractRerunButton",
                                 "extractExportCsvButton", "extractExportJsonButton", "extractQueue",
                                 "extractResultsTable"}) {
            QQuickItem* control = item(name);
            QVERIFY2(control->isVisible(), name);
            QVERIFY2(!accessibleName(control).isEmpty(), name);
        }
        QVERIFY(item("templatePicker")->property("count").toInt() >= 6);  // five templates and "Custom schema"
        QVERIFY(!item("schemaEditor")->property("text").toString().isEmpty());
        QCOMPARE(item("schemaProblemLabel")->property("text").toString(), QStringLiteral("Schema OK"));

        // The keyboard: Ctrl+E goes back to the chat and to the Extract view again.
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(!view->isVisible());
        QVERIFY(item("composerInput")->isVisible());
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(view->isVisible());
        // Tab reaches the schema editor.
        item("templatePicker")->forceActiveFocus();
        bool reached = false;
        for (int i = 0; i < 12 && !reached; ++i) {
            QTest::keyClick(m_window, Qt::Key_Tab);
            reached = item("schemaEditor")->hasActiveFocus();
        }
        QVERIFY(reached);
    }

private:
    QQuickItem* item(const char* objectName)
    {
        auto* found = m_window->findChild<QQuickItem*>(QLatin1String(objectName));
        if (!found)
            qFatal("Main.qml has no item with objectName \"%s\"", objectName);
        return found;
    }

    static QString accessibleName(QQuickItem* item)
    {
        for (QObject* child : item->children())
            if (QString::fromLatin1(child->metaObject()->className()).startsWith(QLatin1String("QQuickAccessibleAttached")))
                return child->property("name").toString();
        return {};
    }

    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

QTEST_MAIN(TestExtractView)
#include "test_ui_extract_view.moc"
