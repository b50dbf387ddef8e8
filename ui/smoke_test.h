// smoke_test.h: --smoke-test: waits for the main window's first frame, prints what it shows, then quits.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "app/command_line.h"

class QQmlEngine;
class QQuickWindow;

namespace lectern::ui {

// Exit code 0 after the first frame when every expected part of the window is there and QML reported no
// warning; 1 when a part is missing, QML warned (a broken binding, a missing file), the screenshot cannot be
// saved, or no frame arrives within the timeout.
class SmokeTest : public QObject {
    Q_OBJECT

public:
    SmokeTest(app::LaunchOptions options, QString translationFile, QObject* parent = nullptr);

    // Before the window is loaded: collect the engine's QML warnings from the start.
    void watch(QQmlEngine& engine);
    // After it is loaded: wait for its first frame.
    void start(QQuickWindow* window, int timeoutMs = 60000);

private:
    void onFirstFrame();
    void onTimeout();
    void finish(int exitCode, const QString& report);

    QPointer<QQuickWindow> window_;
    app::LaunchOptions options_;
    QString translationFile_;
    QStringList qmlWarnings_;
    QTimer timeout_;
    bool done_ = false;
};

}  // namespace lectern::ui
