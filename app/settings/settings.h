// settings.h: the user's persistent choices (model, device, context, KV cache precision, theme, language, sampling
// overrides, image token budget, model download address, the local API server), stored with QSettings and exposed
// as notifying properties for the UI.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

class QSettings;

namespace lectern::app {

// Every property falls back to its default when the stored value is missing or not one of the allowed values,
// so a hand-edited or older settings file never puts the app into an unknown state.
class Settings : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString modelPath READ modelPath WRITE setModelPath NOTIFY modelPathChanged)
    Q_PROPERTY(bool hasModel READ hasModel NOTIFY modelPathChanged)
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY contextLengthChanged)
    Q_PROPERTY(QString kvCachePrecision READ kvCachePrecision WRITE setKvCachePrecision NOTIFY kvCachePrecisionChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool serverEnabled READ serverEnabled WRITE setServerEnabled NOTIFY serverEnabledChanged)
    Q_PROPERTY(int serverPort READ serverPort WRITE setServerPort NOTIFY serverPortChanged)
    Q_PROPERTY(QString serverApiKey READ serverApiKey WRITE setServerApiKey NOTIFY serverApiKeyChanged)
    Q_PROPERTY(QVariantMap samplingOverrides READ samplingOverrides WRITE setSamplingOverrides NOTIFY
                   samplingOverridesChanged)
    Q_PROPERTY(QString imageResolution READ imageResolution WRITE setImageResolution NOTIFY visionBudgetChanged)
    Q_PROPERTY(double videoFps READ videoFps WRITE setVideoFps NOTIFY visionBudgetChanged)
    Q_PROPERTY(int videoMaxFrames READ videoMaxFrames WRITE setVideoMaxFrames NOTIFY visionBudgetChanged)
    Q_PROPERTY(QString downloadUrl READ downloadUrl WRITE setDownloadUrl NOTIFY downloadChanged)
    Q_PROPERTY(QString downloadSha256 READ downloadSha256 WRITE setDownloadSha256 NOTIFY downloadChanged)

public:
    // The allowed values, first one is the default.
    static QStringList devices();          // "auto", "vulkan", "cpu"
    static QStringList kvCachePrecisions();  // "f16", "q8_0"
    static QStringList themes();           // "system", "light", "dark"
    // Keys of samplingOverrides(): temperature, topP, topK, presencePenalty, maxTokens, seed.
    static QStringList samplingKeys();
    // Image resolution (the vision token budget per picture, qwen35.md §7.2): "auto" (the default, see
    // autoImageResolution), or a preset: "max" (the model's own limit, 16,777,216 pixels: up to 16,384 tokens),
    // "high" (4,194,304: 4,096), "medium" (1,048,576: 1,024), "low" (262,144: 256). Pictures above the limit are
    // scaled down; the minimum stays the model's 65,536 pixels.
    static QStringList imageResolutions();        // "auto" first, then the presets
    static QStringList imageResolutionPresets();  // the presets, largest first
    // 0 for an unknown name; "auto" gives the largest (the engine's limit: the composer picks the preset).
    static qint64 imageMaxPixelsFor(const QString& resolution);
    bool imageResolutionIsAuto() const { return imageResolution() == QLatin1String("auto"); }
    // What "auto" picks for a question's pictures: the largest preset whose tokens (tokensAt(its max pixels))
    // fit tokensLeft, the context left after the conversation, the typed text and answerReserveTokens(); never
    // below the smallest preset (then the context meter warns and offers the explicit choices).
    static QString autoImageResolution(const std::function<qint64(qint64 maxPixels)>& tokensAt, qint64 tokensLeft);
    static int answerReserveTokens() { return 1024; }
    // Video sampling (qwen35.md §7.4): frames per second of video, and the frame budget (most frames per clip).
    static double defaultVideoFps() { return 2.0; }
    static double minVideoFps() { return 0.1; }
    static double maxVideoFps() { return 30.0; }
    static int defaultVideoMaxFrames() { return 768; }
    static int minVideoMaxFrames() { return 4; }  // the model samples at least 4 frames
    static int maxVideoMaxFrames() { return 768; }
    static int minContextLength() { return 512; }
    static int maxContextLength() { return 262144; }  // Qwen3.5's native context (qwen35.md)
    static QString defaultDownloadUrl();
    // The local API server (off by default) listens on 127.0.0.1:serverPort; only `lectern serve --host` binds
    // elsewhere.
    static int defaultServerPort() { return 8080; }
    static int minServerPort() { return 1; }
    static int maxServerPort() { return 65535; }

    // The platform's usual place (QSettings with the application's organisation and name).
    explicit Settings(QObject* parent = nullptr);
    // An INI file at iniPath (tests, portable installs).
    explicit Settings(const QString& iniPath, QObject* parent = nullptr);
    ~Settings() override;

    QString modelPath() const;
    bool hasModel() const { return !modelPath().isEmpty(); }
    QString device() const;
    int contextLength() const;  // 0: the model's own context length
    QString kvCachePrecision() const;
    QString theme() const;
    QString language() const;   // "" follows the system; otherwise a locale name such as "de" or "zh_CN"
    bool serverEnabled() const;
    int serverPort() const;
    // "" (no key needed) or the key clients must send as "Authorization: Bearer <key>". Stored in plain text in
    // the settings file (fileName()), like the rest of the settings.
    QString serverApiKey() const;
    QVariantMap samplingOverrides() const;  // only the keys that are set; values are double or qlonglong
    QString imageResolution() const;
    qint64 imageMaxPixels() const { return imageMaxPixelsFor(imageResolution()); }
    double videoFps() const;
    int videoMaxFrames() const;
    QString downloadUrl() const;
    QString downloadSha256() const;  // lower-case hex, or "" to skip the check

    void setModelPath(const QString& path);
    void setDevice(const QString& device);            // unknown values are ignored
    void setContextLength(int tokens);                // 0 or clamped to [min, max]
    void setKvCachePrecision(const QString& precision);
    void setTheme(const QString& theme);
    void setLanguage(const QString& language);
    void setServerEnabled(bool enabled);
    void setServerPort(int port);                   // outside [minServerPort, maxServerPort]: ignored
    void setServerApiKey(const QString& key);       // trimmed; a key with spaces or control characters is ignored
    void setSamplingOverrides(const QVariantMap& overrides);  // unknown keys and non-numbers are dropped
    void setImageResolution(const QString& resolution);  // unknown names are ignored
    void setVideoFps(double fps);                         // clamped to [minVideoFps, maxVideoFps]; NaN ignored
    void setVideoMaxFrames(int frames);                   // clamped to [minVideoMaxFrames, maxVideoMaxFrames]
    void setDownloadUrl(const QString& url);
    void setDownloadSha256(const QString& sha256);

    Q_INVOKABLE void setSamplingOverride(const QString& key, const QVariant& value);  // invalid value: unset
    Q_INVOKABLE void clearSamplingOverrides();
    Q_INVOKABLE void sync();  // writes pending changes now (they are also written on destruction)
    QString fileName() const;

signals:
    void modelPathChanged();
    void deviceChanged();
    void contextLengthChanged();
    void kvCachePrecisionChanged();
    void themeChanged();
    void languageChanged();
    void serverEnabledChanged();
    void serverPortChanged();
    void serverApiKeyChanged();
    void samplingOverridesChanged();
    void visionBudgetChanged();  // image resolution, video fps or frame budget
    void downloadChanged();

private:
    QString choice(const QString& key, const QStringList& allowed) const;
    bool store(const QString& key, const QVariant& value);  // true when the stored value changed

    std::unique_ptr<QSettings> m_settings;
};

}  // namespace lectern::app
