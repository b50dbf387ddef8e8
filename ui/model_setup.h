// model_setup.h: what the first-run screen and the settings page need to pick a model: Qwen3.5 models found on
// this computer (scanned off the UI thread), a check of a chosen path, and the model download with progress.
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "app/settings/model_downloader.h"

namespace lectern::ui {

class ModelSetup : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Maps {name, path, source, format, size} for each model found, sorted by name.
    Q_PROPERTY(QVariantList models READ models NOTIFY modelsChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY modelsChanged)
    Q_PROPERTY(bool downloading READ downloading NOTIFY downloadChanged)
    Q_PROPERTY(double downloadFraction READ downloadFraction NOTIFY downloadChanged)  // -1 while the size is unknown
    Q_PROPERTY(QString downloadText READ downloadText NOTIFY downloadChanged)
    Q_PROPERTY(QString downloadError READ downloadError NOTIFY downloadChanged)

public:
    explicit ModelSetup(QObject* parent = nullptr);

    QVariantList models() const { return m_models; }
    bool scanning() const { return m_scanning; }
    bool downloading() const { return m_downloader.isRunning(); }
    double downloadFraction() const;
    QString downloadText() const;
    QString downloadError() const { return m_downloadError; }

    // Looks through Ollama's store and the HuggingFace cache on a pool thread: -> modelsChanged.
    Q_INVOKABLE void scan();
    // "" when path looks like a model Lectern can open (a GGUF file, or a folder with config.json); otherwise why
    // not, in words for the user.
    Q_INVOKABLE QString checkModelPath(const QString& path) const;
    // Downloads into the app's data folder (models/<file name of the URL>), resuming an earlier attempt.
    Q_INVOKABLE void startDownload(const QString& url, const QString& sha256);
    Q_INVOKABLE void cancelDownload();
    Q_INVOKABLE QString formatSize(double bytes) const;
    static QString downloadFolder();

signals:
    void modelsChanged();
    void downloadChanged();
    void downloadFinished(const QString& path);

private:
    QVariantList m_models;
    bool m_scanning = false;
    app::ModelDownloader m_downloader;
    QString m_downloadError;
};

}  // namespace lectern::ui
