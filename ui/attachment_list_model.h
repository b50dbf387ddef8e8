// attachment_list_model.h: the composer's attachments as chips: each file imported off the UI thread by ImportService,
// with a lazily made thumbnail, page or frame count, token estimate, the importer's message on failure, and the
// re-imports that make an attachment smaller (page range, fewer frames, lower resolution, PDF text/images mode).
#pragma once

#include <QAbstractListModel>
#include <QImage>
#include <QList>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"

namespace lectern::app {
class ImportService;
}

namespace lectern::ui {

class AttachmentListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(double totalTokens READ totalTokensForQml NOTIFY summaryChanged)
    Q_PROPERTY(bool importing READ importing NOTIFY summaryChanged)
    Q_PROPERTY(int readyCount READ readyCount NOTIFY summaryChanged)
    Q_PROPERTY(bool hasPdf READ hasPdf NOTIFY summaryChanged)
    Q_PROPERTY(bool hasVideo READ hasVideo NOTIFY summaryChanged)
    Q_PROPERTY(bool hasImages READ hasImages NOTIFY summaryChanged)
    Q_PROPERTY(QString imageResolutionInUse READ imageResolutionInUse NOTIFY summaryChanged)

public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        FileNameRole,
        KindRole,          // "pdf", "image", "video", "text", "unknown"
        StateRole,         // "importing", "ready", "failed"
        ProgressRole,      // 0..1 while importing
        ErrorRole,         // the importer's message when failed
        WarningsRole,      // the importer's warnings, joined by newlines
        CountLabelRole,    // "12 pages", "48 frames", "1 image", ""
        TokensRole,        // the document's token estimate
        ThumbnailRole,     // a data: URL of a small PNG, "" until made or when the document has no images
        PdfModeRole,       // "auto", "text", "images"
        PageRangeRole,
    };
    Q_ENUM(Role)

    explicit AttachmentListModel(QObject* parent = nullptr);  // imports cached in ImportCache::defaultDirectory()
    // cacheDirectory "" keeps the import cache in memory (tests).
    AttachmentListModel(const QString& cacheDirectory, QObject* parent);
    ~AttachmentListModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_items.size()); }
    qint64 totalTokens() const;
    double totalTokensForQml() const { return double(totalTokens()); }
    bool importing() const;
    int readyCount() const;
    bool hasPdf() const;
    bool hasVideo() const;
    bool hasImages() const;

    // File URLs (drops, the file dialog) or local paths; other URL schemes are ignored. Returns how many were added.
    Q_INVOKABLE int addUrls(const QVariantList& urls);
    Q_INVOKABLE int addFiles(const QStringList& paths);
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void clear();

    // Re-imports: "auto" sends pages with little text as images, "text" sends every page as text, "images" every
    // page as an image.
    Q_INVOKABLE void setPdfMode(int row, const QString& mode);
    Q_INVOKABLE void setPageRange(int row, const QString& range);  // "1-5,8"; "" = all pages
    Q_INVOKABLE void reduceFrames();      // every video: half the frames (at least VideoSampling::minFrames)
    Q_INVOKABLE void lowerResolution();   // every PDF page image and image: half the pixels
    Q_INVOKABLE int largestPdfRow() const;  // the PDF with the most tokens, -1 when there is none
    // Text tokens of typed text, by the same estimator the imports use.
    Q_INVOKABLE double estimateTextTokens(const QString& text) const;

    // What ChatController.send takes: the ready documents, in order (failed and importing ones are left out).
    Q_INVOKABLE QVariantList documents() const;
    static QList<app::ImportedDocument> documentsFromVariant(const QVariantList& documents);

    bool waitForImports(int msecs);  // for tests: until no import runs and every thumbnail is made

    // The image token budget (the settings) of new imports and of every estimate: images and page images are
    // estimated again at once; videos are imported again when their frame sampling changed.
    void setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling);

    // The settings' "auto" image resolution: the pictures get the largest preset at which all of them fit
    // tokensLeft (app::Settings::autoImageResolution, one preset for the whole question, since the engine resizes
    // every picture of a turn with one budget). Off: the budget of setVisionBudget as it is.
    void setAutoResolution(bool enabled);
    // The tokens the attachments may take: the context less the conversation, the typed text and the answer's
    // reserve (the composer keeps it up to date).
    void setTokensLeft(qint64 tokens);
    qint64 tokensLeft() const { return m_tokensLeft; }
    // The preset the estimates (and the next question's pictures) use: the chosen one under "auto", else "".
    QString imageResolutionInUse() const { return m_autoResolution ? m_autoChoice : QString(); }
    // The image budget the estimates use: what ChatController.send must give the engine for these pictures.
    qint64 imageMaxPixelsInUse() const { return m_visionPixels.imageMaxPixels; }

signals:
    void countChanged();
    void summaryChanged();

private:
    struct Item {
        quint64 key = 0;  // stable identity across row moves
        QString path;
        app::ImportOptions options;
        QString pdfMode = QStringLiteral("auto");
        quint64 job = 0;  // running import, 0 when none
        double progress = 0.0;
        bool done = false;
        app::ImportedDocument document;
        QString thumbnail;
        bool thumbnailRequested = false;
    };

    void startImport(Item& item);
    void onImportProgress(quint64 job, double fraction);
    void onImportFinished(quint64 job, const app::ImportedDocument& document);
    void requestThumbnail(Item& item);
    int rowOfJob(quint64 job) const;
    int rowOfKey(quint64 key) const;
    void changed(int row);
    void updateBudget();  // the settings' budget, or under "auto" the chosen preset
    void applyBudget(const app::VisionPixelBudget& pixels);  // estimates every ready item again
    void chooseAutoResolution();                             // under "auto": picks the preset, applies it

    std::unique_ptr<app::ImportService> m_service;
    QList<Item> m_items;
    quint64 m_nextKey = 1;
    int m_pendingThumbnails = 0;
    app::VisionPixelBudget m_visionPixels;    // what the estimates use (the settings' or the auto choice)
    app::VisionPixelBudget m_settingsPixels;  // the settings' budget
    app::VideoSampling m_videoSampling;
    bool m_autoResolution = false;
    qint64 m_tokensLeft = LLONG_MAX;
    QString m_autoChoice;
};

// The composer's attachments for QML (type Attachments): the list model for the chips (`model`) and its summary
// and actions. Qt 6.4's QML tooling does not know QAbstractItemModel, so QML sees the model only as a QObject.
class Attachments : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject* model READ model CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(double totalTokens READ totalTokens NOTIFY changed)
    Q_PROPERTY(bool importing READ importing NOTIFY changed)
    Q_PROPERTY(int readyCount READ readyCount NOTIFY changed)
    Q_PROPERTY(bool hasPdf READ hasPdf NOTIFY changed)
    Q_PROPERTY(bool hasVideo READ hasVideo NOTIFY changed)
    Q_PROPERTY(bool hasImages READ hasImages NOTIFY changed)
    // The composer sets it: context − conversation − typed text − the answer's reserve (for "auto" resolution).
    Q_PROPERTY(double tokensLeft READ tokensLeft WRITE setTokensLeft NOTIFY changed)
    // The preset "auto" chose for the pictures ("" when the settings name one).
    Q_PROPERTY(QString imageResolutionInUse READ imageResolutionInUse NOTIFY changed)
    // What ChatController.send takes as imageMaxPixels.
    Q_PROPERTY(double imageMaxPixelsInUse READ imageMaxPixelsInUse NOTIFY changed)

public:
    explicit Attachments(QObject* parent = nullptr);
    double tokensLeft() const { return double(m_model->tokensLeft()); }
    void setTokensLeft(double tokens) { m_model->setTokensLeft(qint64(std::max(0.0, tokens))); }
    QString imageResolutionInUse() const { return m_model->imageResolutionInUse(); }
    double imageMaxPixelsInUse() const { return double(m_model->imageMaxPixelsInUse()); }

    AttachmentListModel* list() const { return m_model; }
    QObject* model() const { return m_model; }
    int count() const { return m_model->count(); }
    double totalTokens() const { return m_model->totalTokensForQml(); }
    bool importing() const { return m_model->importing(); }
    int readyCount() const { return m_model->readyCount(); }
    bool hasPdf() const { return m_model->hasPdf(); }
    bool hasVideo() const { return m_model->hasVideo(); }
    bool hasImages() const { return m_model->hasImages(); }

    Q_INVOKABLE int addUrls(const QVariantList& urls) { return m_model->addUrls(urls); }
    Q_INVOKABLE void remove(int row) { m_model->remove(row); }
    Q_INVOKABLE void clear() { m_model->clear(); }
    Q_INVOKABLE void setPdfMode(int row, const QString& mode) { m_model->setPdfMode(row, mode); }
    Q_INVOKABLE void setPageRange(int row, const QString& range) { m_model->setPageRange(row, range); }
    Q_INVOKABLE void reduceFrames() { m_model->reduceFrames(); }
    Q_INVOKABLE void lowerResolution() { m_model->lowerResolution(); }
    Q_INVOKABLE int largestPdfRow() const { return m_model->largestPdfRow(); }
    Q_INVOKABLE double estimateTextTokens(const QString& text) const { return m_model->estimateTextTokens(text); }
    Q_INVOKABLE QVariantList documents() const { return m_model->documents(); }

signals:
    void changed();

private:
    AttachmentListModel* m_model;
};

}  // namespace lectern::ui
