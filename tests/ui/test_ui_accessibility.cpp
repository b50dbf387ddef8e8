// test_ui_accessibility.cpp: a sweep over every control the real window shows (the chat view, the first-run model
// dialog, the settings (with the local API server section), About and page-range dialogs, the Extract view): each
// button, combo box, text field, spin box, slider and switch has an accessible name and takes the keyboard focus
// with Tab, so everything works without a mouse. The local API server is on (listening on a free port), so its
// status-line indicator and its settings (the switch enabled) are swept too.
#include <QAccessible>
#include <QGuiApplication>
#include <QSet>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <memory>
#include <optional>

#include "app/app_info.h"
#include "app/chat/chat_service.h"
#include "app/storage/database.h"
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/server_controller.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

namespace {

// The Qt Quick Controls types a user operates; their inner parts (a combo box's text, a spin box's field) are
// part of the control and not checked on their own.
bool isControl(const QObject* item)
{
    for (const QMetaObject* meta = item->metaObject(); meta; meta = meta->superClass()) {
        const QLatin1String name(meta->className());
        if (name == QLatin1String("QQuickAbstractButton") || name == QLatin1String("QQuickComboBox")
            || name == QLatin1String("QQuickSpinBox") || name == QLatin1String("QQuickSlider")
            || name == QLatin1String("QQuickTextField") || name == QLatin1String("QQuickTextArea"))
            return true;
    }
    return false;
}

QString describe(QQuickItem* item)
{
    const QString name = item->objectName();
    QString text = item->property("text").toString();
    if (text.isEmpty())
        text = item->property("placeholderText").toString();
    return QStringLiteral("%1 \"%2\" (%3)").arg(name.isEmpty() ? QStringLiteral("<no objectName>") : name, text,
                                                QString::fromLatin1(item->metaObject()->className()));
}

// Every item Tab reaches from `start`, following the focus chain round once (what QQuickWindow does on Tab).
QSet<QQuickItem*> tabChain(QQuickItem* start)
{
    QSet<QQuickItem*> reached;
    QQuickItem* item = start;
    for (int step = 0; item && step < 2000; ++step) {
        item = item->nextItemInFocusChain(true);
        if (!item || reached.contains(item))
            break;
        reached.insert(item);
    }
    return reached;
}

bool isItemView(const QQuickItem* item)
{
    for (const QMetaObject* meta = item->metaObject(); meta; meta = meta->superClass()) {
        const QLatin1String name(meta->className());
        if (name == QLatin1String("QQuickListView") || name == QLatin1String("QQuickTableView")
            || name == QLatin1String("QQuickGridView"))
            return true;
    }
    return false;
}

// The control itself, or a part of it (a spin box's text field), is in the chain; or the list it is a row of is
// (the arrow keys move between rows).
bool reachable(QQuickItem* control, const QSet<QQuickItem*>& chain)
{
    for (QQuickItem* item : chain)
        for (QQuickItem* up = item; up; up = up->parentItem())
            if (up == control)
                return true;
    for (QQuickItem* up = control->parentItem(); up; up = up->parentItem())
        if (isItemView(up) && chain.contains(up))
            return true;
    return false;
}

// Every visible control below root; problems get one line each.
void sweep(QQuickItem* root, const QSet<QQuickItem*>& chain, QStringList* checked, QStringList* problems)
{
    const QList<QQuickItem*> children = root->childItems();
    for (QQuickItem* item : children) {
        if (!item->isVisible() || item->opacity() == 0.0)
            continue;
        if (!isControl(item)) {
            sweep(item, chain, checked, problems);
            continue;
        }
        checked->append(describe(item));
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(item);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            problems->append(QStringLiteral("no accessible name: ") + describe(item));
        if (item->isEnabled() && !reachable(item, chain))
            problems->append(QStringLiteral("not reachable with Tab: ") + describe(item));
    }
}

}  // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<lectern::storage::Database> m_database;
    std::unique_ptr<lectern::chat::ChatService> m_chat;
    std::unique_ptr<lectern::ui::AppSettings> m_settings;
    std::unique_ptr<lectern::ui::ServerController> m_server;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;

    QObject* object(const char* name) const { return m_window->findChild<QObject*>(QLatin1String(name)); }

    // The item of a popup (dialog): its header, content and footer; Tab stays inside it.
    QQuickItem* popupItem(const char* name) const
    {
        QObject* popup = object(name);
        QQuickItem* content = popup ? popup->property("contentItem").value<QQuickItem*>() : nullptr;
        return content ? content->parentItem() : nullptr;
    }

    static QQuickItem* firstControl(QQuickItem* root)
    {
        for (QQuickItem* item : root->childItems()) {
            if (!item->isVisible())
                continue;
            if (isControl(item) && item->isEnabled())
                return item;
            if (QQuickItem* found = firstControl(item))
                return found;
        }
        return nullptr;
    }

    // Sweeps root (the window's content, or an open dialog) and fails with every problem found: Tab starts at
    // the first control and must reach every other one.
    void check(const char* where, QQuickItem* root, int atLeast)
    {
        QVERIFY2(root, where);
        QQuickItem* first = firstControl(root);
        QVERIFY2(first, where);
        QSet<QQuickItem*> chain = tabChain(first);
        chain.insert(first);
        QStringList checked;
        QStringList problems;
        sweep(root, chain, &checked, &problems);
        qInfo("%s: %d controls", where, int(checked.size()));
        QVERIFY2(checked.size() >= atLeast,
                 qPrintable(QStringLiteral("%1: only %2 controls found:\n%3").arg(QLatin1String(where)).arg(checked.size())
                                .arg(checked.join(QLatin1Char('\n')))));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QLatin1String(where) + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char* variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
            qputenv(variable, m_dir.filePath(QLatin1String(variable)).toLocal8Bit());
        lectern::app::AppInfo::applyIdentity();

        // The local API server switched on (on a port free now), behind the window's QML singletons.
        lectern::storage::StorageResult<lectern::storage::Database> opened =
            lectern::storage::Database::open(m_dir.filePath(QStringLiteral("lectern.db")));
        QVERIFY2(opened.ok(), qPrintable(opened.status().message()));
        m_database = opened.value();
        m_chat = std::make_unique<lectern::chat::ChatService>(*m_database);
        m_settings = std::make_unique<lectern::ui::AppSettings>(nullptr);
        lectern::ui::AppSettings::setInstance(m_settings.get());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        m_settings->setServerPort(port);
        m_settings->setServerEnabled(true);
        m_server = std::make_unique<lectern::ui::ServerController>(m_settings.get(), m_chat.get());
        lectern::ui::ServerController::setInstance(m_server.get());
        m_server->applySettings();
        QVERIFY2(m_server->listening(), qPrintable(m_server->settingsStatusText()));

        m_engine = std::make_unique<QQmlApplicationEngine>();
        QString error;
        m_window = lectern::ui::loadMainWindow(*m_engine, &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        lectern::ui::ServerController::setInstance(nullptr);
        m_server.reset();
        lectern::ui::AppSettings::setInstance(nullptr);
        m_settings.reset();
        m_chat.reset();
    }

    // No model configured: the first-run dialog is open over the chat view.
    void firstRunDialog()
    {
        QObject* setup = object("modelSetupDialog");
        QVERIFY(setup);
        QTRY_VERIFY(setup->property("opened").toBool());
        check("first-run dialog", popupItem("modelSetupDialog"), 5);
        QVERIFY(QMetaObject::invokeMethod(setup, "close"));
        QTRY_VERIFY(!setup->property("visible").toBool());
    }

    void chatView() { check("chat view", m_window->contentItem(), 10); }

    void settingsDialog()
    {
        QObject* settings = object("settingsDialog");
        QVERIFY(settings);
        QVERIFY(QMetaObject::invokeMethod(settings, "open"));
        QTRY_VERIFY(settings->property("opened").toBool());
        check("settings dialog", popupItem("settingsDialog"), 18);
        QVERIFY(QMetaObject::invokeMethod(settings, "close"));
        QTRY_VERIFY(!settings->property("visible").toBool());
    }

    // The other dialogs: About, and the composer's page range (standard buttons named by the dialogs).
    void smallDialogs()
    {
        for (const char* name : {"aboutDialog", "pageRangeDialog"}) {
            QObject* dialog = object(name);
            QVERIFY2(dialog, name);
            QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
            QTRY_VERIFY(dialog->property("opened").toBool());
            check(name, popupItem(name), 1);
            QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
            QTRY_VERIFY(!dialog->property("visible").toBool());
        }
    }

    void extractView()
    {
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QObject* view = object("extractView");
        QVERIFY(view);
        QTRY_VERIFY(view->property("visible").toBool());
        check("Extract view", m_window->contentItem(), 10);
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(!view->property("visible").toBool());
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_ui_accessibility.moc"
