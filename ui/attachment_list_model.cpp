// attachment_list_model.cpp: attachments imported through ImportService, thumbnails made on the thread pool.
#include "ui/attachment_list_model.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <climits>

#include "app/importers/import_cache.h"
#include "app/importers/import_service.h"
#include "app/importers/importer.h"
#include "app/importers/text_token_estimator.h"
#include "app/settings/settings.h"
#include "ui/app_settings.h"

namespace lectern::ui {

namespace {

constexpr int kThumbnailSide = 96;  // logical pixels in the chip: 48; twice that for high-DPI screens

QString stateName(bool done, const app::ImportedDocument& document)
{
    if (!done)
        return QStringLiteral("importing");
    return document.ok() ? QStringLiteral("ready") : QStringLiteral("failed");
}

QString pngDataUrl(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

}  // namespace

AttachmentListModel::AttachmentListModel(QObject* parent)
    : AttachmentListModel(app::ImportCache::defaultDirectory(), parent)
{
}

AttachmentListModel::AttachmentListModel(const QString& cacheDirectory, QObject* parent)
    : QAbstractListModel(parent), m_service(std::make_unique<app::ImportService>(cacheDirectory))
{
    connect(m_service.get(), &app::ImportService::importProgress, this,
            [this](quint64 job, double fraction, const QString&) { onImportProgress(job, fraction); });
    connect(m_service.get(), &app::ImportService::importFinished, this, &AttachmentListModel::onImportFinished);
}

AttachmentListModel::~AttachmentListModel()
{
    m_service->disconnect(this);
    m_service->cancelAll();
}

int AttachmentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QHash<int, QByteArray> AttachmentListModel::roleNames() const
{
    return {{PathRole, "path"},           {FileNameRole, "fileName"},   {KindRole, "kind"},
            {StateRole, "importState"},         {ProgressRole, "progress"},   {ErrorRole, "errorMessage"},
            {WarningsRole, "warnings"},   {CountLabelRole, "countLabel"}, {TokensRole, "tokens"},
            {ThumbnailRole, "thumbnail"}, {PdfModeRole, "pdfMode"},     {PageRangeRole, "pageRange"}};
}

QVariant AttachmentListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item& item = m_items.at(index.row());
    const app::ImportedDocument& doc = item.document;
    switch (role) {
    case Qt::DisplayRole:
    case FileNameRole: return QFileInfo(item.path).fileName();
    case PathRole: return item.path;
    case KindRole: return item.done ? app::kindName(doc.kind) : QStringLiteral("unknown");
    case StateRole: return stateName(item.done, doc);
    case ProgressRole: return item.progress;
    case ErrorRole: return item.done && !doc.ok() ? doc.errorMessage : QString();
    case WarningsRole: return doc.warnings.join(QLatin1Char('\n'));
    case CountLabelRole:
        if (!item.done || !doc.ok())
            return QString();
        switch (doc.kind) {
        case app::DocumentKind::Pdf:
            return doc.pages.size() == 1 ? tr("1 page") : tr("%1 pages").arg(doc.pages.size());
        case app::DocumentKind::Video:
            return doc.frames.size() == 1 ? tr("1 frame") : tr("%1 frames").arg(doc.frames.size());
        case app::DocumentKind::Image: return tr("image");
        case app::DocumentKind::Text: return tr("text");
        default: return QString();
        }
    case TokensRole: return item.done && doc.ok() ? doc.tokens.total() : qint64(0);
    case ThumbnailRole: return item.thumbnail;
    case PdfModeRole: return item.pdfMode;
    case PageRangeRole: return item.options.pageRange;
    default: return {};
    }
}

qint64 AttachmentListModel::totalTokens() const
{
    qint64 total = 0;
    for (const Item& item : m_items)
        if (item.done && item.document.ok())
            total += item.document.tokens.total();
    return total;
}

bool AttachmentListModel::importing() const
{
    return std::any_of(m_items.begin(), m_items.end(), [](const Item& item) { return !item.done; });
}

int AttachmentListModel::readyCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const Item& item) { return item.done && item.document.ok(); }));
}

bool AttachmentListModel::hasPdf() const { return largestPdfRow() >= 0; }

bool AttachmentListModel::hasVideo() const
{
    return std::any_of(m_items.begin(), m_items.end(), [](const Item& item) {
        return item.done && item.document.ok() && item.document.kind == app::DocumentKind::Video;
    });
}

bool AttachmentListModel::hasImages() const
{
    return std::any_of(m_items.begin(), m_items.end(), [](const Item& item) {
        return item.done && item.document.ok() && item.document.kind != app::DocumentKind::Video
            && item.document.tokens.imageTokens > 0;
    });
}

int AttachmentListModel::addUrls(const QVariantList& urls)
{
    QStringList paths;
    for (const QVariant& value : urls) {
        const QUrl url = value.userType() == QMetaType::QUrl ? value.toUrl() : QUrl(value.toString());
        if (url.isLocalFile())
            paths << url.toLocalFile();
        else if (url.scheme().isEmpty() && !url.path().isEmpty())
            paths << url.path();
    }
    return addFiles(paths);
}

int AttachmentListModel::addFiles(const QStringList& paths)
{
    int added = 0;
    for (const QString& path : paths) {
        if (path.isEmpty())
            continue;
        const QString absolute = QFileInfo(path).absoluteFilePath();
        const bool duplicate = std::any_of(m_items.begin(), m_items.end(),
                                           [&](const Item& item) { return item.path == absolute; });
        if (duplicate)
            continue;
        const int row = int(m_items.size());
        beginInsertRows(QModelIndex(), row, row);
        Item item;
        item.key = m_nextKey++;
        item.path = absolute;
        item.options.visionPixels = m_visionPixels;
        item.options.video = m_videoSampling;
        m_items.append(item);
        endInsertRows();
        startImport(m_items[row]);
        ++added;
    }
    if (added > 0) {
        emit countChanged();
        emit summaryChanged();
    }
    return added;
}

void AttachmentListModel::setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling)
{
    m_settingsPixels = pixels;
    m_videoSampling = sampling;
    for (int row = 0; row < m_items.size(); ++row) {
        Item& item = m_items[row];
        const bool samplingChanged = item.options.video.fps != sampling.fps
            || item.options.video.maxFrames != sampling.maxFrames || item.options.video.minFrames != sampling.minFrames;
        item.options.video = sampling;
        if (item.document.kind == app::DocumentKind::Video && samplingChanged)
            startImport(item);
    }
    updateBudget();
}

void AttachmentListModel::setAutoResolution(bool enabled)
{
    if (m_autoResolution == enabled)
        return;
    m_autoResolution = enabled;
    updateBudget();
}

void AttachmentListModel::updateBudget()
{
    if (m_autoResolution)
        chooseAutoResolution();
    else
        applyBudget(m_settingsPixels);
}

void AttachmentListModel::setTokensLeft(qint64 tokens)
{
    if (m_tokensLeft == tokens)
        return;
    m_tokensLeft = tokens;
    if (m_autoResolution)
        chooseAutoResolution();
}

void AttachmentListModel::chooseAutoResolution()
{
    // The tokens of every ready attachment at a candidate budget (only the pictures' estimates depend on it).
    const std::shared_ptr<const app::TextTokenEstimator> estimator = app::defaultTextTokenEstimator();
    auto tokensAt = [&](qint64 maxPixels) {
        app::VisionPixelBudget budget = m_settingsPixels;
        budget.imageMaxPixels = maxPixels;
        qint64 total = 0;
        for (const Item& item : std::as_const(m_items)) {
            if (!item.done || !item.document.ok())
                continue;
            if (item.document.tokens.imageTokens == 0) {
                total += item.document.tokens.total();
                continue;
            }
            app::ImportedDocument copy = item.document;
            app::Importer::estimateTokens(copy, *estimator, budget);
            total += copy.tokens.total();
        }
        return total;
    };
    const QString choice = app::Settings::autoImageResolution(tokensAt, m_tokensLeft);
    app::VisionPixelBudget pixels = m_settingsPixels;
    pixels.imageMaxPixels = app::Settings::imageMaxPixelsFor(choice);
    const bool changedChoice = choice != m_autoChoice;
    m_autoChoice = choice;
    if (pixels.imageMaxPixels != m_visionPixels.imageMaxPixels || pixels.imageMinPixels != m_visionPixels.imageMinPixels
        || pixels.videoMaxPixels != m_visionPixels.videoMaxPixels)
        applyBudget(pixels);
    else if (changedChoice)
        emit summaryChanged();
}

void AttachmentListModel::applyBudget(const app::VisionPixelBudget& pixels)
{
    m_visionPixels = pixels;
    for (int row = 0; row < m_items.size(); ++row) {
        Item& item = m_items[row];
        item.options.visionPixels = pixels;
        if (item.done && item.document.ok()) {
            const QStringList warnings = item.document.warnings;
            app::Importer::estimateTokens(item.document, *app::defaultTextTokenEstimator(), pixels);
            item.document.warnings = warnings;  // the import's own; a new estimate adds no news
        }
        changed(row);
    }
    emit summaryChanged();
}

void AttachmentListModel::remove(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    if (m_items.at(row).job != 0)
        m_service->cancel(m_items.at(row).job);
    beginRemoveRows(QModelIndex(), row, row);
    m_items.removeAt(row);
    endRemoveRows();
    emit countChanged();
    emit summaryChanged();
    if (m_autoResolution)
        chooseAutoResolution();
}

void AttachmentListModel::clear()
{
    if (m_items.isEmpty())
        return;
    for (const Item& item : std::as_const(m_items))
        if (item.job != 0)
            m_service->cancel(item.job);
    beginResetModel();
    m_items.clear();
    endResetModel();
    emit countChanged();
    emit summaryChanged();
    if (m_autoResolution)
        chooseAutoResolution();
}

void AttachmentListModel::startImport(Item& item)
{
    if (item.job != 0)
        m_service->cancel(item.job);  // its importFinished (cancelled) no longer matches any row
    item.done = false;
    item.progress = 0.0;
    item.thumbnail.clear();
    item.thumbnailRequested = false;
    item.document = app::ImportedDocument();
    item.job = m_service->import(item.path, item.options);
}

void AttachmentListModel::setPdfMode(int row, const QString& mode)
{
    if (row < 0 || row >= m_items.size())
        return;
    Item& item = m_items[row];
    if (item.pdfMode == mode)
        return;
    if (mode == QLatin1String("auto"))
        item.options.minTextCharacters = app::ImportOptions().minTextCharacters;
    else if (mode == QLatin1String("text"))
        item.options.minTextCharacters = 0;  // every page with any text goes as text
    else if (mode == QLatin1String("images"))
        item.options.minTextCharacters = INT_MAX;  // no page has that much text: all go as images
    else
        return;
    item.pdfMode = mode;
    startImport(item);
    changed(row);
}

void AttachmentListModel::setPageRange(int row, const QString& range)
{
    if (row < 0 || row >= m_items.size() || m_items.at(row).options.pageRange == range.trimmed())
        return;
    m_items[row].options.pageRange = range.trimmed();
    startImport(m_items[row]);
    changed(row);
}

void AttachmentListModel::reduceFrames()
{
    for (int row = 0; row < m_items.size(); ++row) {
        Item& item = m_items[row];
        if (!item.done || !item.document.ok() || item.document.kind != app::DocumentKind::Video)
            continue;
        const int current = int(item.document.frames.size());
        const int fewer = std::max(item.options.video.minFrames, current / 2);
        if (fewer >= current)
            continue;
        item.options.video.maxFrames = fewer;
        startImport(item);
        changed(row);
    }
}

void AttachmentListModel::lowerResolution()
{
    for (int row = 0; row < m_items.size(); ++row) {
        Item& item = m_items[row];
        if (!item.done || !item.document.ok() || item.document.tokens.imageTokens == 0)
            continue;
        if (item.document.kind == app::DocumentKind::Pdf) {
            item.options.renderDpi = std::max(36.0, item.options.renderDpi / 1.4142135623730951);  // half the pixels
        } else if (item.document.kind == app::DocumentKind::Image) {
            const QSize size = item.document.pages.isEmpty() ? QSize() : item.document.pages.constFirst().imageSize;
            const qint64 pixels = qint64(size.width()) * size.height();
            if (pixels <= 2 * 65536)
                continue;  // already near the vision encoder's minimum
            item.options.limits.maxDecodePixels = pixels / 2;
        } else {
            continue;
        }
        startImport(item);
        changed(row);
    }
}

int AttachmentListModel::largestPdfRow() const
{
    int best = -1;
    for (int row = 0; row < m_items.size(); ++row) {
        const Item& item = m_items.at(row);
        if (!item.done || !item.document.ok() || item.document.kind != app::DocumentKind::Pdf)
            continue;
        if (best < 0 || item.document.tokens.total() > m_items.at(best).document.tokens.total())
            best = row;
    }
    return best;
}

double AttachmentListModel::estimateTextTokens(const QString& text) const
{
    static const std::shared_ptr<const app::TextTokenEstimator> estimator = app::defaultTextTokenEstimator();
    return text.isEmpty() ? 0.0 : double(estimator->countTokens(text));
}

QVariantList AttachmentListModel::documents() const
{
    QVariantList list;
    for (const Item& item : m_items)
        if (item.done && item.document.ok())
            list.append(QVariant::fromValue(item.document));
    return list;
}

QList<app::ImportedDocument> AttachmentListModel::documentsFromVariant(const QVariantList& documents)
{
    QList<app::ImportedDocument> list;
    for (const QVariant& value : documents)
        if (value.canConvert<app::ImportedDocument>())
            list.append(value.value<app::ImportedDocument>());
    return list;
}

void AttachmentListModel::onImportProgress(quint64 job, double fraction)
{
    const int row = rowOfJob(job);
    if (row < 0)
        return;
    m_items[row].progress = fraction;
    const QModelIndex index = this->index(row);
    emit dataChanged(index, index, {ProgressRole});
}

void AttachmentListModel::onImportFinished(quint64 job, const app::ImportedDocument& document)
{
    const int row = rowOfJob(job);
    if (row < 0)
        return;  // removed or re-imported meanwhile
    Item& item = m_items[row];
    item.job = 0;
    item.done = true;
    item.progress = 1.0;
    item.document = document;
    requestThumbnail(item);
    changed(row);
    if (m_autoResolution)
        chooseAutoResolution();
}

void AttachmentListModel::requestThumbnail(Item& item)
{
    if (item.thumbnailRequested || !item.document.ok() || !item.document.images || item.document.images->count() == 0)
        return;
    item.thumbnailRequested = true;
    ++m_pendingThumbnails;
    const std::shared_ptr<const app::ImageProvider> images = item.document.images;
    const quint64 key = item.key;
    QPointer<AttachmentListModel> self(this);
    // Rendering a PDF page or decoding a video frame takes time: never on the UI thread.
    QThreadPool::globalInstance()->start([self, images, key] {
        const QImage image = images->image(0, QSize(kThumbnailSide, kThumbnailSide));
        const QString url = image.isNull() ? QString() : pngDataUrl(image);
        QMetaObject::invokeMethod(
            qApp,
            [self, key, url] {
                if (!self)
                    return;
                --self->m_pendingThumbnails;
                const int row = self->rowOfKey(key);
                if (row < 0 || !self->m_items.at(row).thumbnailRequested)
                    return;
                self->m_items[row].thumbnail = url;
                const QModelIndex index = self->index(row);
                emit self->dataChanged(index, index, {ThumbnailRole});
            },
            Qt::QueuedConnection);
    });
}

bool AttachmentListModel::waitForImports(int msecs)
{
    QDeadlineTimer deadline(msecs);
    while (importing() || m_pendingThumbnails > 0) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

int AttachmentListModel::rowOfJob(quint64 job) const
{
    for (int row = 0; row < m_items.size(); ++row)
        if (m_items.at(row).job == job)
            return row;
    return -1;
}

int AttachmentListModel::rowOfKey(quint64 key) const
{
    for (int row = 0; row < m_items.size(); ++row)
        if (m_items.at(row).key == key)
            return row;
    return -1;
}

void AttachmentListModel::changed(int row)
{
    const QModelIndex index = this->index(row);
    emit dataChanged(index, index);
    emit summaryChanged();
}

Attachments::Attachments(QObject* parent) : QObject(parent), m_model(new AttachmentListModel(this))
{
    // The settings' image token budget decides the estimates (and so the context meter).
    if (AppSettings* settings = AppSettings::instance()) {
        m_model->setVisionBudget(settings->visionPixels(), settings->videoSampling());
        m_model->setAutoResolution(settings->settings().imageResolutionIsAuto());
        connect(settings, &AppSettings::visionBudgetChanged, this, [this, settings] {
            m_model->setAutoResolution(settings->settings().imageResolutionIsAuto());
            m_model->setVisionBudget(settings->visionPixels(), settings->videoSampling());
        });
    }
    connect(m_model, &AttachmentListModel::countChanged, this, &Attachments::changed);
    connect(m_model, &AttachmentListModel::summaryChanged, this, &Attachments::changed);
}

}  // namespace lectern::ui
