// smoke_test.cpp: reads the rendered window's parts by objectName and reports them on stdout.
#include "ui/smoke_test.h"

#include <QCoreApplication>
#include <QImage>
#include <QQmlEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <cstdio>
#include <utility>

namespace lectern::ui {

namespace {

QString graphicsApiName(QSGRendererInterface::GraphicsApi api)
{
    switch (api) {
    case QSGRendererInterface::Software: return QStringLiteral("software");
    case QSGRendererInterface::OpenGL: return QStringLiteral("OpenGL");
    case QSGRendererInterface::Vulkan: return QStringLiteral("Vulkan");
    case QSGRendererInterface::Direct3D11: return QStringLiteral("Direct3D 11");
    case QSGRendererInterface::Metal: return QStringLiteral("Metal");
    case QSGRendererInterface::OpenVG: return QStringLiteral("OpenVG");
    case QSGRendererInterface::Null: return QStringLiteral("null");
    default: return QStringLiteral("unknown");
    }
}

QString quoted(const QString& text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

}  // namespace

SmokeTest::SmokeTest(app::LaunchOptions options, QString translationFile, QObject* parent)
    : QObject(parent), options_(std::move(options)), translationFile_(std::move(translationFile))
{
    timeout_.setSingleShot(true);
    connect(&timeout_, &QTimer::timeout, this, &SmokeTest::onTimeout);
}

void SmokeTest::watch(QQmlEngine& engine)
{
    connect(&engine, &QQmlEngine::warnings, this, [this](const QList<QQmlError>& warnings) {
        for (const QQmlError& warning : warnings)
            qmlWarnings_.append(warning.toString());
    });
}

void SmokeTest::start(QQuickWindow* window, int timeoutMs)
{
    window_ = window;
    // frameSwapped comes from the render thread with the threaded render loop: queue it to this thread.
    connect(window, &QQuickWindow::frameSwapped, this, &SmokeTest::onFirstFrame, Qt::QueuedConnection);
    timeout_.start(timeoutMs);
}

void SmokeTest::onFirstFrame()
{
    if (done_ || !window_)
        return;

    QStringList missing;
    auto find = [&](const char* name) -> QObject* {
        QObject* object = window_->findChild<QObject*>(QLatin1String(name));
        if (!object)
            missing.append(QLatin1String(name));
        return object;
    };
    auto text = [&](const char* name) {
        QObject* object = find(name);
        return object ? object->property("text").toString() : QString();
    };
    auto enabledWord = [&](const char* name) {
        QObject* object = find(name);
        return object && object->property("enabled").toBool() ? QStringLiteral("enabled") : QStringLiteral("disabled");
    };

    QStringList lines;
    lines << QStringLiteral("smoke test: first frame rendered, %1x%2, graphics API %3")
                 .arg(window_->width())
                 .arg(window_->height())
                 .arg(graphicsApiName(window_->rendererInterface()->graphicsApi()));
    lines << QStringLiteral("title: ") + quoted(window_->title());
    lines << QStringLiteral("header: ") + quoted(text("productNameLabel")) + QLatin1Char(' ')
                 + quoted(text("versionLabel"));
    const QString newChat = text("newChatButton");
    lines << QStringLiteral("sidebar: ") + quoted(text("noConversationsLabel")) + QStringLiteral(", button ")
                 + quoted(newChat) + QLatin1Char(' ') + enabledWord("newChatButton");
    QObject* messageList = find("messageList");
    const int messageCount = messageList ? messageList->property("count").toInt() : -1;
    lines << QStringLiteral("chat: %1 messages, ").arg(messageCount) + quoted(text("emptyStateTitle"))
                 + QLatin1Char(' ') + quoted(text("emptyStateLabel"));
    const QString composerText = text("composerInput");
    lines << QStringLiteral("composer: %1 characters, button ").arg(composerText.size()) + quoted(text("sendButton"))
                 + QLatin1Char(' ') + enabledWord("sendButton");
    QObject* thinking = find("thinkingSwitch");
    QObject* composer = find("composer");
    const int attachments = composer && composer->property("attachments").value<QObject*>()
                                ? composer->property("attachments").value<QObject*>()->property("count").toInt()
                                : -1;
    lines << QStringLiteral("composer extras: button ") + quoted(text("attachButton")) + QStringLiteral(", switch ")
                 + quoted(text("thinkingSwitch")) + (thinking && thinking->property("checked").toBool()
                                                         ? QStringLiteral(" on")
                                                         : QStringLiteral(" off"))
                 + QStringLiteral(", context ") + quoted(text("contextMeterLabel"))
                 + QStringLiteral(", %1 attachments").arg(attachments);
    QObject* setup = find("modelSetupDialog");
    lines << QStringLiteral("model setup: ") + quoted(text("modelSetupTitle"))
                 + (setup && setup->property("visible").toBool() ? QStringLiteral(" shown") : QStringLiteral(" hidden"))
                 + QStringLiteral(", status ") + quoted(text("statusModelLabel"));
    lines << QStringLiteral("files: %1").arg(options_.files.size())
                 + (options_.files.isEmpty() ? QString() : QStringLiteral(": ") + options_.files.join(QStringLiteral(", ")));
    lines << QStringLiteral("translation: ") + (translationFile_.isEmpty() ? QStringLiteral("none") : translationFile_);

    if (!missing.isEmpty() || !qmlWarnings_.isEmpty()) {
        if (!missing.isEmpty())
            lines << QStringLiteral("smoke test FAILED: the window has no ") + missing.join(QStringLiteral(", "));
        if (!qmlWarnings_.isEmpty())
            lines << QStringLiteral("smoke test FAILED: QML warned:\n  ") + qmlWarnings_.join(QStringLiteral("\n  "));
        finish(1, lines.join(QLatin1Char('\n')));
        return;
    }

    if (!options_.screenshotPath.isEmpty()) {
        const QImage image = window_->grabWindow();
        if (image.isNull() || !image.save(options_.screenshotPath)) {
            lines << QStringLiteral("smoke test FAILED: could not save the screenshot to ") + options_.screenshotPath;
            finish(1, lines.join(QLatin1Char('\n')));
            return;
        }
        lines << QStringLiteral("screenshot: %1 (%2x%3)").arg(options_.screenshotPath).arg(image.width()).arg(image.height());
    }
    lines << QStringLiteral("smoke test passed");
    finish(0, lines.join(QLatin1Char('\n')));
}

void SmokeTest::onTimeout()
{
    finish(1, QStringLiteral("smoke test FAILED: the window rendered no frame within %1 s")
                  .arg(timeout_.interval() / 1000));
}

void SmokeTest::finish(int exitCode, const QString& report)
{
    if (done_)
        return;
    done_ = true;
    timeout_.stop();
    std::FILE* stream = exitCode == 0 ? stdout : stderr;
    std::fputs((report + QLatin1Char('\n')).toUtf8().constData(), stream);
    std::fflush(stream);
    // Quit through the event loop, as a user closing the window would: the engine and window are torn down
    // normally when main() returns.
    QCoreApplication::exit(exitCode);
}

}  // namespace lectern::ui
