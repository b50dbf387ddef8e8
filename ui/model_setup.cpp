// model_setup.cpp: model discovery on the thread pool, path checks and the download for the setup screens.
#include "ui/model_setup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QStandardPaths>
#include <QThreadPool>
#include <QUrl>
#include <QVariantMap>

#include "app/settings/model_discovery.h"

namespace lectern::ui {

ModelSetup::ModelSetup(QObject* parent) : QObject(parent)
{
    connect(&m_downloader, &app::ModelDownloader::progress, this, &ModelSetup::downloadChanged);
    connect(&m_downloader, &app::ModelDownloader::runningChanged, this, &ModelSetup::downloadChanged);
    connect(&m_downloader, &app::ModelDownloader::failed, this, [this](const QString& message) {
        m_downloadError = message;
        emit downloadChanged();
    });
    connect(&m_downloader, &app::ModelDownloader::finished, this, &ModelSetup::downloadFinished);
}

void ModelSetup::scan()
{
    if (m_scanning)
        return;
    m_scanning = true;
    emit modelsChanged();
    QPointer<ModelSetup> self(this);
    const app::ModelDiscovery::Roots roots = app::ModelDiscovery::defaultRoots();
    QThreadPool::globalInstance()->start([self, roots] {
        const QList<app::DiscoveredModel> found = app::ModelDiscovery::discover(roots);
        QVariantList models;
        for (const app::DiscoveredModel& model : found)
            models.append(QVariantMap{{QStringLiteral("name"), model.name},
                                      {QStringLiteral("path"), model.path},
                                      {QStringLiteral("source"), model.source},
                                      {QStringLiteral("format"), model.format},
                                      {QStringLiteral("size"), model.sizeBytes}});
        QMetaObject::invokeMethod(
            qApp,
            [self, models] {
                if (!self)
                    return;
                self->m_models = models;
                self->m_scanning = false;
                emit self->modelsChanged();
            },
            Qt::QueuedConnection);
    });
}

QString ModelSetup::checkModelPath(const QString& path) const
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return tr("%1 does not exist.").arg(path);
    if (info.isDir()) {
        if (!QFileInfo::exists(QDir(path).filePath(QStringLiteral("config.json"))))
            return tr("The folder %1 has no config.json: choose a HuggingFace model folder.").arg(path);
        return {};
    }
    const QString architecture = app::ModelDiscovery::ggufArchitecture(path);
    if (architecture.isEmpty())
        return tr("%1 is not a GGUF model file.").arg(info.fileName());
    if (!app::ModelDiscovery::isQwen35Architecture(architecture))
        return tr("%1 is a %2 model; Lectern runs Qwen3.5 models.").arg(info.fileName(), architecture);
    return {};
}

QString ModelSetup::downloadFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models");
}

void ModelSetup::startDownload(const QString& url, const QString& sha256)
{
    const QUrl parsed(url);
    QString name = QFileInfo(parsed.path()).fileName();
    if (name.isEmpty())
        name = QStringLiteral("model.gguf");
    m_downloadError.clear();
    m_downloader.start(parsed, QDir(downloadFolder()).filePath(name), sha256);
    emit downloadChanged();
}

void ModelSetup::cancelDownload()
{
    m_downloader.cancel();
}

double ModelSetup::downloadFraction() const
{
    const qint64 total = m_downloader.total();
    return total > 0 ? double(m_downloader.received()) / double(total) : -1.0;
}

QString ModelSetup::formatSize(double bytes) const
{
    return QLocale().formattedDataSize(qint64(bytes));
}

QString ModelSetup::downloadText() const
{
    const qint64 total = m_downloader.total();
    if (total > 0)
        return tr("%1 of %2").arg(formatSize(double(m_downloader.received())), formatSize(double(total)));
    return formatSize(double(m_downloader.received()));
}

}  // namespace lectern::ui
