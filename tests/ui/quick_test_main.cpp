// quick_test_main.cpp: runs the QtQuickTest files in tests/ui/qml against the Lectern QML module (linked in
// statically), with the same Controls style as the program.
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(LecternPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }
    // The module's files are resources under qrc:/Lectern.
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(lectern_ui, Setup)
#include "quick_test_main.moc"
