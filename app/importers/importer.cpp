// importer.cpp: the import pipeline shared by every kind, and the token estimate.
#include "app/importers/importer.h"

#include "app/importers/content_sniffer.h"
#include "app/importers/image_importer.h"
#include "app/importers/import_cache.h"
#include "app/importers/pdf_importer.h"
#include "app/importers/text_importer.h"
#include "app/importers/video_importer.h"
#include "app/importers/vision_budget.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace lectern::app {

namespace {

constexpr qint64 kHashChunkBytes = 1 << 20;

QString kindLabel(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Pdf: return Importer::tr("PDF files");
    case DocumentKind::Image: return Importer::tr("images");
    case DocumentKind::Video: return Importer::tr("videos");
    case DocumentKind::Text: return Importer::tr("text files");
    case DocumentKind::Unknown: break;
    }
    return Importer::tr("files");
}

QString contentLabel(const SniffResult& sniff)
{
    switch (sniff.kind) {
    case DocumentKind::Pdf: return Importer::tr("a PDF document");
    case DocumentKind::Image: return Importer::tr("a %1 image").arg(sniff.format.toUpper());
    case DocumentKind::Video: return Importer::tr("a video");
    case DocumentKind::Text: return Importer::tr("text");
    case DocumentKind::Unknown: break;
    }
    return Importer::tr("something else");
}

qint64 kindLimit(DocumentKind kind, const ImportLimits& limits)
{
    switch (kind) {
    case DocumentKind::Pdf: return limits.maxPdfBytes;
    case DocumentKind::Image: return limits.maxImageBytes;
    case DocumentKind::Video: return limits.maxVideoBytes;
    case DocumentKind::Text: return limits.maxTextBytes;
    case DocumentKind::Unknown: break;
    }
    return limits.maxFileBytes;
}

void failForStop(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context)
{
    if (context.cancelled())
        doc.fail(ImportErrorCode::Cancelled, Importer::tr("The import was cancelled."));
    else
        doc.fail(ImportErrorCode::TimedOut,
                 Importer::tr("The import took longer than %1 seconds and was stopped. The file may be damaged "
                              "or too large; try a page range or a shorter clip.")
                     .arg(options.limits.timeLimitMs / 1000));
}

}  // namespace

QString Importer::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QByteArray Importer::cacheKey(const QByteArray& contentHash, const ImportOptions& options)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(contentHash);
    hash.addData(QByteArrayView("\n"));
    hash.addData(options.fingerprint().toUtf8());
    return hash.result().toHex();
}

ImportedDocument Importer::importFile(const QString& path, const ImportOptions& options, const ImportContext& context,
                                      ImportCache* cache, const TextTokenEstimator& estimator)
{
    ImportedDocument doc;
    doc.sourcePath = path;
    const ImportLimits& limits = options.limits;
    const QFileInfo info(path);
    if (!info.exists()) {
        doc.fail(ImportErrorCode::FileNotFound, tr("The file %1 does not exist.").arg(path));
        return doc;
    }
    if (!info.isFile()) {
        doc.fail(ImportErrorCode::NotAFile, tr("%1 is a folder or a device, not a file.").arg(path));
        return doc;
    }
    doc.sizeBytes = info.size();
    if (doc.sizeBytes == 0) {
        doc.fail(ImportErrorCode::EmptyFile, tr("The file is empty (0 bytes)."));
        return doc;
    }
    if (doc.sizeBytes > limits.maxFileBytes) {
        doc.fail(ImportErrorCode::FileTooLarge, tr("The file is %1; Lectern imports files up to %2.")
                                                    .arg(formatBytes(doc.sizeBytes), formatBytes(limits.maxFileBytes)));
        return doc;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        doc.fail(ImportErrorCode::Unreadable, tr("The file could not be opened: %1").arg(file.errorString()));
        return doc;
    }
    const QByteArray head = file.read(ContentSniffer::kHeadBytes);
    if (head.isEmpty()) {
        doc.fail(ImportErrorCode::Unreadable, tr("The file could not be read: %1").arg(file.errorString()));
        return doc;
    }
    const SniffResult sniff = ContentSniffer::sniff(head, info.fileName());
    doc.kind = sniff.kind;
    doc.metadata.mimeType = sniff.mimeType;
    doc.metadata.format = sniff.format;
    if (sniff.kind == DocumentKind::Unknown) {
        if (sniff.isAudio)
            doc.fail(ImportErrorCode::UnsupportedType,
                     tr("This is an audio file (%1); Lectern imports PDFs, images, videos and text.")
                         .arg(sniff.description));
        else
            doc.fail(ImportErrorCode::UnsupportedType,
                     tr("This file type is not supported (%1). Lectern imports PDFs, images (PNG, JPEG, WebP, GIF, "
                        "BMP, TIFF), videos and text files.")
                         .arg(sniff.description.isEmpty() ? sniff.mimeType : sniff.description));
        return doc;
    }
    const qint64 kindMaximum = std::min(kindLimit(sniff.kind, limits), limits.maxFileBytes);
    if (doc.sizeBytes > kindMaximum) {
        doc.fail(ImportErrorCode::FileTooLarge, tr("The file is %1; Lectern imports %2 up to %3.")
                                                    .arg(formatBytes(doc.sizeBytes), kindLabel(sniff.kind),
                                                         formatBytes(kindMaximum)));
        return doc;
    }
    // Added to the result last: it is about this file's name, so it is not part of what the cache stores.
    QString nameWarning;
    const DocumentKind claimed = ContentSniffer::kindFromFileName(info.fileName());
    if (claimed != DocumentKind::Unknown && claimed != sniff.kind) {
        nameWarning = tr("The file name ends in .%1 but the file contains %2; it was imported as such.")
                          .arg(info.suffix(), contentLabel(sniff));
    }

    // Hash everything (the head again included); reading is the cost of knowing a second drop is the same file.
    context.report(0.0, tr("Checking file"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(head);
    while (!file.atEnd()) {
        if (context.shouldStop()) {
            failForStop(doc, options, context);
            return doc;
        }
        const QByteArray chunk = file.read(kHashChunkBytes);
        if (chunk.isEmpty() && !file.atEnd()) {
            doc.fail(ImportErrorCode::Unreadable, tr("The file could not be read: %1").arg(file.errorString()));
            return doc;
        }
        hash.addData(chunk);
    }
    file.close();
    doc.contentHash = hash.result().toHex();

    const QByteArray key = cacheKey(doc.contentHash, options);
    if (cache != nullptr) {
        if (std::optional<ImportedDocument> cached = cache->find(key)) {
            ImportedDocument hit = std::move(*cached);
            hit.sourcePath = path;
            hit.fromCache = true;
            attachImageProvider(hit, options);
            estimateTokens(hit, estimator, options.visionPixels);
            if (!nameWarning.isEmpty())
                hit.warnings.append(nameWarning);
            context.report(1.0, tr("Found in cache"));
            return hit;
        }
    }

    switch (doc.kind) {
    case DocumentKind::Pdf: PdfImporter::import(doc, options, context); break;
    case DocumentKind::Image: ImageImporter::import(doc, options, context); break;
    case DocumentKind::Video: VideoImporter::import(doc, options, context); break;
    case DocumentKind::Text: TextImporter::import(doc, options, context); break;
    case DocumentKind::Unknown: break;
    }
    if (doc.ok() && context.shouldStop())
        failForStop(doc, options, context);
    else if (doc.errorCode == ImportErrorCode::Cancelled)
        failForStop(doc, options, context);
    if (!doc.ok()) {
        if (!nameWarning.isEmpty())
            doc.warnings.append(nameWarning);
        return doc;
    }

    // Decrypted text of a password-protected PDF is never written to disk.
    if (cache != nullptr && !doc.metadata.encrypted)
        cache->insert(key, doc);
    estimateTokens(doc, estimator, options.visionPixels);
    if (!nameWarning.isEmpty())
        doc.warnings.append(nameWarning);
    return doc;
}

void Importer::attachImageProvider(ImportedDocument& doc, const ImportOptions& options)
{
    switch (doc.kind) {
    case DocumentKind::Pdf: doc.images = PdfImporter::makeProvider(doc, options); break;
    case DocumentKind::Image: doc.images = ImageImporter::makeProvider(doc, options); break;
    case DocumentKind::Video: doc.images = VideoImporter::makeProvider(doc, options); break;
    case DocumentKind::Text:
    case DocumentKind::Unknown: doc.images.reset(); break;
    }
}

void Importer::estimateTokens(ImportedDocument& doc, const TextTokenEstimator& estimator, const VisionPixelBudget& pixels)
{
    const ResizeParams imageParams = ResizeParams::image(pixels);
    const ResizeParams videoParams = ResizeParams::video(pixels);
    TokenEstimate estimate;
    estimate.textEstimator = estimator.name();
    // <|vision_start|> and <|vision_end|> around every image or temporal group (qwen35.md §6.3).
    constexpr qint64 kWrapperTokens = 2;
    for (const DocumentPage& page : doc.pages) {
        if (!page.imagePage) {
            estimate.textTokens += estimator.countTokens(page.text);
            continue;
        }
        const std::optional<QSize> resized = smartResize(page.imageSize, imageParams);
        if (!resized) {
            doc.warnings.append(tr("Page %1 is too narrow for the vision model (aspect ratio above 200:1); it is "
                                   "left out.").arg(page.number));
            continue;
        }
        VisionInput input;
        input.label = doc.kind == DocumentKind::Pdf ? tr("page %1").arg(page.number) : tr("image");
        input.sourceSize = page.imageSize;
        input.resizedSize = *resized;
        input.tokens = imageTokens(*resized, imageParams);
        estimate.imageTokens += input.tokens;
        estimate.overheadTokens += kWrapperTokens;
        estimate.visionInputs.append(input);
    }
    if (doc.kind == DocumentKind::Video && !doc.frames.isEmpty()) {
        const int frames = int(doc.frames.size());
        const std::optional<QSize> resized = smartResizeVideo(frames, doc.metadata.dimensions, videoParams);
        if (resized) {
            VisionInput input;
            input.label = tr("video");
            input.sourceSize = doc.metadata.dimensions;
            input.resizedSize = *resized;
            input.frames = (frames + 1) / 2 * 2;  // an odd count repeats the last frame
            input.tokens = videoTokens(frames, *resized, videoParams);
            estimate.imageTokens += input.tokens;
            // Per temporal group: "<t seconds>" text (t = mean of the pair's timestamps) plus the wrapper tokens.
            for (int k = 0; k < frames; k += 2) {
                const double t = (doc.frames.at(k).timestamp + doc.frames.at(std::min(k + 1, frames - 1)).timestamp) / 2;
                estimate.overheadTokens += estimator.countTokens(
                                               QStringLiteral("<%1 seconds>").arg(t, 0, 'f', 1))
                    + kWrapperTokens;
            }
            estimate.visionInputs.append(input);
        } else {
            doc.warnings.append(tr("The video's frames are too narrow for the vision model (aspect ratio above "
                                   "200:1)."));
        }
    }
    doc.tokens = estimate;
}

}  // namespace lectern::app
