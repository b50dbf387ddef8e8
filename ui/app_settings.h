// app_settings.h: the user's settings (app::Settings) as the QML singleton AppSettings, plus the choices the
// settings page offers. The stored properties are app::Settings' (its metatypes are extracted for QML tooling).
#pragma once

#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "app/chat/chat_types.h"
#include "app/settings/settings.h"

class QQmlEngine;
class QJSEngine;

namespace lectern::ui {

// The stored properties (model, device, context, KV precision, theme, language, sampling overrides, image budget,
// download address) and their signals are app::Settings' own: one list, seen by QML through the base class.
class AppSettings : public lectern::app::Settings {  // qualified in full: QML tooling looks the base up by this name
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QStringList imageResolutions READ imageResolutions CONSTANT)
    // Tokens kept free for the answer when "auto" image resolution picks a preset.
    Q_PROPERTY(int answerReserveTokens READ answerReserveTokens CONSTANT)
    Q_PROPERTY(QStringList devices READ devices CONSTANT)
    Q_PROPERTY(QStringList kvCachePrecisions READ kvCachePrecisions CONSTANT)
    Q_PROPERTY(QStringList themes READ themes CONSTANT)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    Q_PROPERTY(int maxContextLength READ maxContextLength CONSTANT)
    Q_PROPERTY(int minContextLength READ minContextLength CONSTANT)
    // The language the app started with; a different `language` takes effect after a restart.
    Q_PROPERTY(QString startupLanguage READ startupLanguage CONSTANT)

public:
    // No default argument on purpose: Qt 6.4 builds a default-constructible QML singleton with `new T` and never
    // asks create(), which left QML with a second AppSettings whose changes the program's instance never signalled.
    explicit AppSettings(QObject* parent);
    // A settings file of its own (tests); the default constructor uses the platform's usual place.
    explicit AppSettings(const QString& iniPath, QObject* parent = nullptr);

    // The instance QML gets as the AppSettings singleton (not owned). Without one, each QML engine makes its own.
    static void setInstance(AppSettings* settings);
    static AppSettings* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    // The advanced panel's overrides as ChatService takes them.
    chat::SamplingOverrides samplingForTurns() const;
    // The model, device, context and image token budget as ChatService::loadModel takes them.
    chat::ModelOptions modelOptions() const;
    // The image token budget (image resolution preset, video fps and frame budget) for the engine and for the
    // attachments' estimates (ImportOptions::visionPixels, ImportOptions::video): the same values in both places.
    app::VisionPixelBudget visionPixels() const;
    app::VideoSampling videoSampling() const;
    static AppSettings* instance();  // the one set with setInstance, or null

    // The settings themselves (this object): for code written against app::Settings.
    app::Settings& settings() { return *this; }

    // "" (system) and the locales with a translation.
    static QStringList languages();
    // The language's own name for the settings page ("Deutsch"); "" gives "System language" in the UI language.
    Q_INVOKABLE QString languageDisplayName(const QString& language) const;
    Q_INVOKABLE int languageIndex(const QString& language) const { return int(languages().indexOf(language)); }
    // A file-system path from a file:// URL of the file dialogs.
    Q_INVOKABLE QString localPath(const QUrl& url) const;
    QString startupLanguage() const { return m_startupLanguage; }

private:
    void connectSignals();
    void applyTheme();

    QString m_startupLanguage;
};

}  // namespace lectern::ui
