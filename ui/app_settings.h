// app_settings.h: the user's settings (app::Settings) as the QML singleton AppSettings, plus the choices the
// settings page offers. The properties forward to app::Settings so that QML tooling sees them in this module.
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

class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString modelPath READ modelPath WRITE setModelPath NOTIFY modelPathChanged)
    Q_PROPERTY(bool hasModel READ hasModel NOTIFY modelPathChanged)
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY contextLengthChanged)
    Q_PROPERTY(QString kvCachePrecision READ kvCachePrecision WRITE setKvCachePrecision NOTIFY kvCachePrecisionChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QVariantMap samplingOverrides READ samplingOverrides WRITE setSamplingOverrides NOTIFY
                   samplingOverridesChanged)
    Q_PROPERTY(QString imageResolution READ imageResolution WRITE setImageResolution NOTIFY visionBudgetChanged)
    Q_PROPERTY(double videoFps READ videoFps WRITE setVideoFps NOTIFY visionBudgetChanged)
    Q_PROPERTY(int videoMaxFrames READ videoMaxFrames WRITE setVideoMaxFrames NOTIFY visionBudgetChanged)
    Q_PROPERTY(QStringList imageResolutions READ imageResolutions CONSTANT)
    Q_PROPERTY(QString downloadUrl READ downloadUrl WRITE setDownloadUrl NOTIFY downloadChanged)
    Q_PROPERTY(QString downloadSha256 READ downloadSha256 WRITE setDownloadSha256 NOTIFY downloadChanged)
    Q_PROPERTY(QStringList devices READ devices CONSTANT)
    Q_PROPERTY(QStringList kvCachePrecisions READ kvCachePrecisions CONSTANT)
    Q_PROPERTY(QStringList themes READ themes CONSTANT)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    Q_PROPERTY(int maxContextLength READ maxContextLength CONSTANT)
    Q_PROPERTY(int minContextLength READ minContextLength CONSTANT)
    // The language the app started with; a different `language` takes effect after a restart.
    Q_PROPERTY(QString startupLanguage READ startupLanguage CONSTANT)

public:
    explicit AppSettings(QObject* parent = nullptr);
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

    app::Settings& settings() { return m_settings; }

    QString modelPath() const { return m_settings.modelPath(); }
    bool hasModel() const { return m_settings.hasModel(); }
    QString device() const { return m_settings.device(); }
    int contextLength() const { return m_settings.contextLength(); }
    QString kvCachePrecision() const { return m_settings.kvCachePrecision(); }
    QString theme() const { return m_settings.theme(); }
    QString language() const { return m_settings.language(); }
    QVariantMap samplingOverrides() const { return m_settings.samplingOverrides(); }
    QString imageResolution() const { return m_settings.imageResolution(); }
    double videoFps() const { return m_settings.videoFps(); }
    int videoMaxFrames() const { return m_settings.videoMaxFrames(); }
    void setImageResolution(const QString& value) { m_settings.setImageResolution(value); }
    void setVideoFps(double value) { m_settings.setVideoFps(value); }
    void setVideoMaxFrames(int value) { m_settings.setVideoMaxFrames(value); }
    static QStringList imageResolutions() { return app::Settings::imageResolutions(); }
    QString downloadUrl() const { return m_settings.downloadUrl(); }
    QString downloadSha256() const { return m_settings.downloadSha256(); }
    void setModelPath(const QString& value) { m_settings.setModelPath(value); }
    void setDevice(const QString& value) { m_settings.setDevice(value); }
    void setContextLength(int value) { m_settings.setContextLength(value); }
    void setKvCachePrecision(const QString& value) { m_settings.setKvCachePrecision(value); }
    void setTheme(const QString& value) { m_settings.setTheme(value); }
    void setLanguage(const QString& value) { m_settings.setLanguage(value); }
    void setSamplingOverrides(const QVariantMap& value) { m_settings.setSamplingOverrides(value); }
    void setDownloadUrl(const QString& value) { m_settings.setDownloadUrl(value); }
    void setDownloadSha256(const QString& value) { m_settings.setDownloadSha256(value); }
    Q_INVOKABLE void setSamplingOverride(const QString& key, const QVariant& value)
    {
        m_settings.setSamplingOverride(key, value);
    }
    Q_INVOKABLE void clearSamplingOverrides() { m_settings.clearSamplingOverrides(); }

    static QStringList devices() { return app::Settings::devices(); }
    static QStringList kvCachePrecisions() { return app::Settings::kvCachePrecisions(); }
    static QStringList themes() { return app::Settings::themes(); }
    static int maxContextLength() { return app::Settings::maxContextLength(); }
    static int minContextLength() { return app::Settings::minContextLength(); }
    // "" (system) and the locales with a translation.
    static QStringList languages();
    // The language's own name for the settings page ("Deutsch"); "" gives "System language" in the UI language.
    Q_INVOKABLE QString languageDisplayName(const QString& language) const;
    Q_INVOKABLE int languageIndex(const QString& language) const { return int(languages().indexOf(language)); }
    // A file-system path from a file:// URL of the file dialogs.
    Q_INVOKABLE QString localPath(const QUrl& url) const;
    QString startupLanguage() const { return m_startupLanguage; }

signals:
    void modelPathChanged();
    void deviceChanged();
    void contextLengthChanged();
    void kvCachePrecisionChanged();
    void themeChanged();
    void languageChanged();
    void samplingOverridesChanged();
    void visionBudgetChanged();
    void downloadChanged();

private:
    void connectSignals();
    void applyTheme();

    app::Settings m_settings;
    QString m_startupLanguage;
};

}  // namespace lectern::ui
