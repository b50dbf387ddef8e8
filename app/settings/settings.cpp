// settings.cpp: QSettings-backed user settings with validation on read and write.
#include "app/settings/settings.h"

#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace lectern::app {

namespace {

const QString kModelPath = QStringLiteral("model/path");
const QString kDevice = QStringLiteral("model/device");
const QString kContext = QStringLiteral("model/contextLength");
const QString kKvPrecision = QStringLiteral("model/kvCachePrecision");
const QString kTheme = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kServer = QStringLiteral("server/enabled");
const QString kServerPort = QStringLiteral("server/port");
const QString kServerApiKey = QStringLiteral("server/apiKey");
const QString kSamplingGroup = QStringLiteral("sampling/");
const QString kImageResolution = QStringLiteral("vision/imageResolution");
const QString kVideoFps = QStringLiteral("vision/videoFps");
const QString kVideoMaxFrames = QStringLiteral("vision/videoMaxFrames");
const QString kDownloadUrl = QStringLiteral("download/url");
const QString kDownloadSha = QStringLiteral("download/sha256");

bool isIntegerKey(const QString& key)
{
    return key == QLatin1String("topK") || key == QLatin1String("maxTokens") || key == QLatin1String("seed");
}

// The value as stored for key, or an invalid QVariant when it is not a usable number for that key.
QVariant validSamplingValue(const QString& key, const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (isIntegerKey(key)) {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        if (!ok || number < 0 || (key != QLatin1String("seed") && number == 0))
            return {};
        return number;
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return {};
    if (key == QLatin1String("temperature") && (number < 0.0 || number > 5.0))
        return {};
    if (key == QLatin1String("topP") && (number <= 0.0 || number > 1.0))
        return {};
    if (key == QLatin1String("presencePenalty") && (number < -2.0 || number > 2.0))
        return {};
    return number;
}

}  // namespace

QStringList Settings::devices()
{
    return {QStringLiteral("auto"), QStringLiteral("vulkan"), QStringLiteral("cpu")};
}

QStringList Settings::kvCachePrecisions()
{
    return {QStringLiteral("f16"), QStringLiteral("q8_0")};
}

QStringList Settings::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QStringList Settings::samplingKeys()
{
    return {QStringLiteral("temperature"), QStringLiteral("topP"),      QStringLiteral("topK"),
            QStringLiteral("presencePenalty"), QStringLiteral("maxTokens"), QStringLiteral("seed")};
}

QStringList Settings::imageResolutions()
{
    return {QStringLiteral("auto"), QStringLiteral("max"), QStringLiteral("high"), QStringLiteral("medium"),
            QStringLiteral("low")};
}

QStringList Settings::imageResolutionPresets()
{
    return {QStringLiteral("max"), QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")};
}

QString Settings::autoImageResolution(const std::function<qint64(qint64 maxPixels)>& tokensAt, qint64 tokensLeft)
{
    const QStringList presets = imageResolutionPresets();
    for (const QString& preset : presets)  // largest first
        if (tokensAt(imageMaxPixelsFor(preset)) <= tokensLeft)
            return preset;
    return presets.last();
}

qint64 Settings::imageMaxPixelsFor(const QString& resolution)
{
    if (resolution == QLatin1String("max") || resolution == QLatin1String("auto"))
        return 16777216;  // 4096 x 4096: the Qwen3.5 processor's longest_edge
    if (resolution == QLatin1String("high"))
        return 4194304;   // 2048 x 2048
    if (resolution == QLatin1String("medium"))
        return 1048576;   // 1024 x 1024
    if (resolution == QLatin1String("low"))
        return 262144;    // 512 x 512
    return 0;
}

QString Settings::defaultDownloadUrl()
{
    return QStringLiteral("https://huggingface.co/Qwen/Qwen3.5-0.8B-GGUF/resolve/main/Qwen3.5-0.8B-Q8_0.gguf");
}

Settings::Settings(QObject* parent) : QObject(parent), m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString& iniPath, QObject* parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

Settings::~Settings()
{
    m_settings->sync();
}

QString Settings::choice(const QString& key, const QStringList& allowed) const
{
    const QString value = m_settings->value(key).toString();
    return allowed.contains(value) ? value : allowed.constFirst();
}

bool Settings::store(const QString& key, const QVariant& value)
{
    if (m_settings->contains(key) && m_settings->value(key) == value)
        return false;
    m_settings->setValue(key, value);
    return true;
}

QString Settings::modelPath() const { return m_settings->value(kModelPath).toString(); }
QString Settings::device() const { return choice(kDevice, devices()); }
QString Settings::kvCachePrecision() const { return choice(kKvPrecision, kvCachePrecisions()); }
QString Settings::theme() const { return choice(kTheme, themes()); }
QString Settings::language() const { return m_settings->value(kLanguage).toString(); }
bool Settings::serverEnabled() const { return m_settings->value(kServer, false).toBool(); }
QString Settings::serverApiKey() const { return m_settings->value(kServerApiKey).toString(); }
QString Settings::fileName() const { return m_settings->fileName(); }

int Settings::contextLength() const
{
    bool ok = false;
    const int tokens = m_settings->value(kContext, 0).toInt(&ok);
    if (!ok || tokens <= 0)
        return 0;
    return std::clamp(tokens, minContextLength(), maxContextLength());
}

int Settings::serverPort() const
{
    bool ok = false;
    const int port = m_settings->value(kServerPort, defaultServerPort()).toInt(&ok);
    if (!ok || port < minServerPort() || port > maxServerPort())
        return defaultServerPort();
    return port;
}

QVariantMap Settings::samplingOverrides() const
{
    QVariantMap overrides;
    for (const QString& key : samplingKeys()) {
        const QVariant value = validSamplingValue(key, m_settings->value(kSamplingGroup + key));
        if (value.isValid())
            overrides.insert(key, value);
    }
    return overrides;
}

QString Settings::imageResolution() const { return choice(kImageResolution, imageResolutions()); }

double Settings::videoFps() const
{
    bool ok = false;
    const double fps = m_settings->value(kVideoFps, defaultVideoFps()).toDouble(&ok);
    if (!ok || !std::isfinite(fps) || fps <= 0.0)
        return defaultVideoFps();
    return std::clamp(fps, minVideoFps(), maxVideoFps());
}

int Settings::videoMaxFrames() const
{
    bool ok = false;
    const int frames = m_settings->value(kVideoMaxFrames, defaultVideoMaxFrames()).toInt(&ok);
    if (!ok || frames <= 0)
        return defaultVideoMaxFrames();
    return std::clamp(frames, minVideoMaxFrames(), maxVideoMaxFrames());
}

QString Settings::downloadUrl() const
{
    const QString url = m_settings->value(kDownloadUrl).toString();
    return url.isEmpty() ? defaultDownloadUrl() : url;
}

QString Settings::downloadSha256() const
{
    return m_settings->value(kDownloadSha).toString();
}

void Settings::setModelPath(const QString& path)
{
    if (store(kModelPath, path))
        emit modelPathChanged();
}

void Settings::setDevice(const QString& device)
{
    if (devices().contains(device) && store(kDevice, device))
        emit deviceChanged();
}

void Settings::setContextLength(int tokens)
{
    const int value = tokens <= 0 ? 0 : std::clamp(tokens, minContextLength(), maxContextLength());
    if (store(kContext, value))
        emit contextLengthChanged();
}

void Settings::setKvCachePrecision(const QString& precision)
{
    if (kvCachePrecisions().contains(precision) && store(kKvPrecision, precision))
        emit kvCachePrecisionChanged();
}

void Settings::setTheme(const QString& theme)
{
    if (themes().contains(theme) && store(kTheme, theme))
        emit themeChanged();
}

void Settings::setLanguage(const QString& language)
{
    static const QRegularExpression localeName(QStringLiteral("^([a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2})?)?$"));
    if (localeName.match(language).hasMatch() && store(kLanguage, language))
        emit languageChanged();
}

void Settings::setServerEnabled(bool enabled)
{
    if (store(kServer, enabled))
        emit serverEnabledChanged();
}

void Settings::setServerPort(int port)
{
    if (port >= minServerPort() && port <= maxServerPort() && store(kServerPort, port))
        emit serverPortChanged();
}

void Settings::setServerApiKey(const QString& key)
{
    // The key travels in an HTTP header: printable ASCII without spaces, so that what the user sees is what a
    // client must send.
    static const QRegularExpression headerSafe(QStringLiteral("^[\\x21-\\x7e]*$"));
    const QString value = key.trimmed();
    if (headerSafe.match(value).hasMatch() && store(kServerApiKey, value))
        emit serverApiKeyChanged();
}

void Settings::setSamplingOverrides(const QVariantMap& overrides)
{
    const QVariantMap before = samplingOverrides();
    for (const QString& key : samplingKeys()) {
        const QVariant value = validSamplingValue(key, overrides.value(key));
        if (value.isValid())
            m_settings->setValue(kSamplingGroup + key, value);
        else
            m_settings->remove(kSamplingGroup + key);
    }
    if (samplingOverrides() != before)
        emit samplingOverridesChanged();
}

void Settings::setSamplingOverride(const QString& key, const QVariant& value)
{
    if (!samplingKeys().contains(key))
        return;
    QVariantMap overrides = samplingOverrides();
    overrides.insert(key, value);
    setSamplingOverrides(overrides);
}

void Settings::clearSamplingOverrides()
{
    setSamplingOverrides({});
}

void Settings::setImageResolution(const QString& resolution)
{
    if (imageResolutions().contains(resolution) && store(kImageResolution, resolution))
        emit visionBudgetChanged();
}

void Settings::setVideoFps(double fps)
{
    if (!std::isfinite(fps))
        return;
    if (store(kVideoFps, std::clamp(fps, minVideoFps(), maxVideoFps())))
        emit visionBudgetChanged();
}

void Settings::setVideoMaxFrames(int frames)
{
    if (store(kVideoMaxFrames, std::clamp(frames, minVideoMaxFrames(), maxVideoMaxFrames())))
        emit visionBudgetChanged();
}

void Settings::setDownloadUrl(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!url.isEmpty() && (!parsed.isValid() || parsed.scheme().isEmpty()))
        return;
    if (store(kDownloadUrl, url))
        emit downloadChanged();
}

void Settings::setDownloadSha256(const QString& sha256)
{
    static const QRegularExpression hex(QStringLiteral("^([0-9a-f]{64})?$"));
    const QString value = sha256.trimmed().toLower();
    if (hex.match(value).hasMatch() && store(kDownloadSha, value))
        emit downloadChanged();
}

void Settings::sync()
{
    m_settings->sync();
}

}  // namespace lectern::app
