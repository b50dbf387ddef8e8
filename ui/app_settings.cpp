// app_settings.cpp: AppSettings, the settings singleton for QML.
#include "ui/app_settings.h"

#include <QGuiApplication>
#include <QJSEngine>
#include <QLocale>
#include <QPalette>
#include <QPointer>

namespace lectern::ui {

namespace {
QPointer<AppSettings> g_instance;
}

AppSettings::AppSettings(QObject* parent) : app::Settings(parent), m_startupLanguage(language())
{
    connectSignals();
}

AppSettings::AppSettings(const QString& iniPath, QObject* parent)
    : app::Settings(iniPath, parent), m_startupLanguage(language())
{
    connectSignals();
}

void AppSettings::setInstance(AppSettings* settings)
{
    g_instance = settings;
}

AppSettings* AppSettings::create(QQmlEngine*, QJSEngine*)
{
    if (g_instance) {
        // The program owns it, not the QML engine.
        QJSEngine::setObjectOwnership(g_instance.data(), QJSEngine::CppOwnership);
        return g_instance.data();
    }
    return new AppSettings(nullptr);  // the engine owns it
}

chat::SamplingOverrides AppSettings::samplingForTurns() const
{
    const QVariantMap map = samplingOverrides();
    chat::SamplingOverrides sampling;
    if (map.contains(QStringLiteral("temperature")))
        sampling.temperature = map.value(QStringLiteral("temperature")).toDouble();
    if (map.contains(QStringLiteral("topP")))
        sampling.topP = map.value(QStringLiteral("topP")).toDouble();
    if (map.contains(QStringLiteral("topK")))
        sampling.topK = map.value(QStringLiteral("topK")).toInt();
    if (map.contains(QStringLiteral("presencePenalty")))
        sampling.presencePenalty = map.value(QStringLiteral("presencePenalty")).toDouble();
    if (map.contains(QStringLiteral("maxTokens")))
        sampling.maxTokens = map.value(QStringLiteral("maxTokens")).toInt();
    if (map.contains(QStringLiteral("seed")))
        sampling.seed = map.value(QStringLiteral("seed")).toULongLong();
    return sampling;
}

chat::ModelOptions AppSettings::modelOptions() const
{
    chat::ModelOptions options;
    options.modelPath = modelPath();
    options.device = chat::deviceFromName(device()).value_or(chat::ComputeDevice::Auto);
    if (contextLength() > 0)
        options.contextLength = contextLength();
    options.kvType = kvCachePrecision();
    options.visionPixels = visionPixels();
    options.videoSampling = videoSampling();
    return options;
}

app::VisionPixelBudget AppSettings::visionPixels() const
{
    app::VisionPixelBudget pixels;  // the minimums and the video budget stay the model's own
    pixels.imageMaxPixels = imageMaxPixels();
    return pixels;
}

app::VideoSampling AppSettings::videoSampling() const
{
    app::VideoSampling sampling;
    sampling.fps = videoFps();
    sampling.maxFrames = videoMaxFrames();
    return sampling;
}

AppSettings* AppSettings::instance()
{
    return g_instance.data();
}

void AppSettings::applyTheme()
{
    // Fusion draws with the application palette: a fixed light or dark one, or the platform's.
    const QString theme = app::Settings::theme();
    if (theme == QLatin1String("system")) {
        QGuiApplication::setPalette(QPalette());
        return;
    }
    const bool dark = theme == QLatin1String("dark");
    QPalette palette;
    const QColor window = dark ? QColor(0x2b, 0x2b, 0x2e) : QColor(0xf3, 0xf3, 0xf3);
    const QColor base = dark ? QColor(0x1e, 0x1e, 0x21) : QColor(0xff, 0xff, 0xff);
    const QColor text = dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x1f, 0x1f, 0x1f);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, dark ? QColor(0x33, 0x33, 0x37) : QColor(0xf7, 0xf7, 0xf7));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, dark ? QColor(0x9a, 0x9a, 0xa0) : QColor(0x6e, 0x6e, 0x73));
    palette.setColor(QPalette::Highlight, dark ? QColor(0x3d, 0x8b, 0xfd) : QColor(0x1a, 0x6d, 0xe0));
    palette.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Mid, dark ? QColor(0x55, 0x55, 0x5a) : QColor(0xc4, 0xc4, 0xc8));
    palette.setColor(QPalette::Light, dark ? QColor(0x44, 0x44, 0x48) : QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Dark, dark ? QColor(0x18, 0x18, 0x1a) : QColor(0xa0, 0xa0, 0xa4));
    palette.setColor(QPalette::Link, dark ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1a, 0x6d, 0xe0));
    QGuiApplication::setPalette(palette);
}

void AppSettings::connectSignals()
{
    connect(this, &app::Settings::themeChanged, this, &AppSettings::applyTheme);
    if (theme() != QLatin1String("system"))
        applyTheme();
}

QStringList AppSettings::languages()
{
    // English plus the translations under i18n/ (more arrive with the translation work).
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("ja"),
            QStringLiteral("zh_CN")};
}

QString AppSettings::languageDisplayName(const QString& language) const
{
    if (language.isEmpty())
        return tr("System language");
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

QString AppSettings::localPath(const QUrl& url) const
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

}  // namespace lectern::ui
