// image_importer.cpp: QImageReader with limits. The claimed size is read from the header and checked first. Huge
// images are decoded straight to a reduced size: JPEG and 8-bit RGB PNG through Qt's ScaledSize (libjpeg's DCT
// scaling, Qt's row scaling), every other PNG, WebP, TIFF, GIF and BMP through StreamingImageDecoder, so a
// 20000 x 20000 image never exists in memory at full size.
#include "app/importers/image_importer.h"

#include "app/importers/streaming_image_decoder.h"

#include <QFile>
#include <QImageReader>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QTransform>

#include <cmath>
#include <mutex>

namespace lectern::app {

namespace {

constexpr int kAllocationLimitMiB = 1024;

void raiseAllocationLimit()
{
    // QImageReader's allocation limit is process-wide (default 128 MiB, which refuses an ordinary 6000 x 6000
    // photo). Our own checks (maxDecodePixels, maxFullDecodeBytes) are tighter; this is only the backstop.
    static std::once_flag once;
    std::call_once(once, [] {
        if (QImageReader::allocationLimit() < kAllocationLimitMiB)
            QImageReader::setAllocationLimit(kAllocationLimitMiB);
    });
}

bool transposes(QImageIOHandler::Transformations transformation)
{
    return transformation.testFlag(QImageIOHandler::TransformationRotate90);
}

// Qt's PNG reader honours ScaledSize by scaling row by row only for 8-bit RGB/RGBA without interlacing; for
// greyscale, palette, 16-bit or interlaced files it allocates the full image first (Qt 6.4 qpnghandler.cpp).
bool pngScalesWhileDecoding(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(29);  // signature (8) + IHDR length, type, width, height, depth, ...
    if (header.size() < 29)
        return false;
    const int bitDepth = quint8(header.at(24));
    const int colourType = quint8(header.at(25));
    const int interlace = quint8(header.at(28));
    return bitDepth == 8 && (colourType == 2 || colourType == 6) && interlace == 0;
}

// What QImageReader::setAutoTransform does, for images decoded without it (Qt's qt_imageTransform order).
QImage applyTransformation(QImage image, QImageIOHandler::Transformations transformation)
{
    if (transformation == QImageIOHandler::TransformationNone)
        return image;
    image = image.mirrored(transformation.testFlag(QImageIOHandler::TransformationMirror),
                           transformation.testFlag(QImageIOHandler::TransformationFlip));
    if (transformation.testFlag(QImageIOHandler::TransformationRotate90))
        image = image.transformed(QTransform().rotate(90));
    return image;
}

QSize fitWithin(QSize size, qint64 maxPixels)
{
    const double pixels = double(size.width()) * double(size.height());
    if (pixels <= double(maxPixels))
        return size;
    const double scale = std::sqrt(double(maxPixels) / pixels);
    return QSize(std::max(1, int(std::floor(size.width() * scale))), std::max(1, int(std::floor(size.height() * scale))));
}

class ImageFileProvider final : public ImageProvider {
public:
    ImageFileProvider(QString path, QString format, ImportLimits limits, QImage decoded)
        : m_path(std::move(path)), m_format(std::move(format)), m_limits(limits), m_image(std::move(decoded))
    {
    }

    int count() const override { return 1; }

    QImage image(int index, QSize maxSize, QString* error) const override
    {
        if (index != 0) {
            if (error)
                *error = ImageImporter::tr("An image file has exactly one image.");
            return QImage();
        }
        QImage image;
        {
            QMutexLocker lock(&m_mutex);
            if (m_image.isNull()) {
                ImageImporter::Decoded decoded = ImageImporter::decode(m_path, m_format, m_limits);
                if (decoded.image.isNull()) {
                    if (error)
                        *error = decoded.errorMessage;
                    return QImage();
                }
                m_image = decoded.image;
            }
            image = m_image;
        }
        if (maxSize.isValid() && (image.width() > maxSize.width() || image.height() > maxSize.height()))
            return image.scaled(maxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        return image;
    }

private:
    QString m_path;
    QString m_format;
    ImportLimits m_limits;
    mutable QMutex m_mutex;
    mutable QImage m_image;
};

}  // namespace

ImageImporter::Decoded ImageImporter::decode(const QString& path, const QString& format, const ImportLimits& limits)
{
    raiseAllocationLimit();
    Decoded result;
    auto fail = [&result](ImportErrorCode code, const QString& message) {
        result.image = QImage();
        result.errorCode = code;
        result.errorMessage = message;
        return result;
    };

    QImageReader reader(path, format.toLatin1());
    reader.setAutoTransform(true);  // EXIF orientation
    if (!reader.canRead())
        return fail(ImportErrorCode::Corrupt, tr("The image is damaged or not in a format Lectern can read."));
    const QSize stored = reader.size();  // from the header: nothing decoded yet
    if (!stored.isValid() || stored.isEmpty())
        return fail(ImportErrorCode::Corrupt, tr("The image is damaged: its size cannot be read."));
    const qint64 pixels = qint64(stored.width()) * stored.height();
    if (stored.width() > limits.maxImageSide || stored.height() > limits.maxImageSide
        || pixels > limits.maxImageSourcePixels) {
        return fail(ImportErrorCode::DimensionsTooLarge,
                    tr("The image claims to be %1 x %2 pixels, more than Lectern accepts (%3 megapixels, at most "
                       "%4 pixels per side). It may be damaged or built to exhaust memory.")
                        .arg(stored.width())
                        .arg(stored.height())
                        .arg(QLocale().toString(double(limits.maxImageSourcePixels) / 1e6, 'f', 0))
                        .arg(limits.maxImageSide));
    }
    const bool transposed = transposes(reader.transformation());
    result.displaySize = transposed ? stored.transposed() : stored;
    // Only animated formats are asked: Qt 6.4's TIFF handler reads from the wrong offset for imageCount() and
    // libtiff complains on stderr.
    if (format == QLatin1String("gif") || format == QLatin1String("webp"))
        result.frameCount = std::max(1, reader.imageCount());

    const QSize target = fitWithin(stored, limits.maxDecodePixels);
    bool canScale = reader.supportsOption(QImageIOHandler::ScaledSize);
    if (canScale && reader.format() == "png")
        canScale = pngScalesWhileDecoding(path);
    const bool scaledDecode = target != stored && canScale;
    const QString actualFormat = QString::fromLatin1(reader.format());
    const bool streamedDecode = target != stored && !canScale && StreamingImageDecoder::supports(actualFormat);
    if (streamedDecode) {
        StreamingImageDecoder::Result streamed = StreamingImageDecoder::decode(path, actualFormat, stored, target);
        if (streamed.image.isNull())
            return fail(streamed.unsupportedVariant ? ImportErrorCode::DimensionsTooLarge : ImportErrorCode::Corrupt,
                        streamed.error);
        result.reduced = true;
        result.image = applyTransformation(std::move(streamed.image), reader.transformation());
        return result;
    }
    if (target != stored && !scaledDecode) {
        const qint64 fullBytes = pixels * 4;
        if (fullBytes > limits.maxFullDecodeBytes) {
            return fail(ImportErrorCode::DimensionsTooLarge,
                        tr("The %1 image is %2 x %3 pixels; this kind of %1 file cannot be decoded at reduced "
                           "size and the full image would need %4 MiB of memory (the limit is %5 MiB). Convert it "
                           "to JPEG or 8-bit RGB PNG, or make it smaller.")
                            .arg(format.toUpper())
                            .arg(stored.width())
                            .arg(stored.height())
                            .arg(fullBytes >> 20)
                            .arg(limits.maxFullDecodeBytes >> 20));
        }
    }
    if (scaledDecode)
        reader.setScaledSize(target);

    QImage image = reader.read();
    if (image.isNull()) {
        switch (reader.error()) {
        case QImageReader::DeviceError:
            return fail(ImportErrorCode::Unreadable, tr("The image file could not be read: %1").arg(reader.errorString()));
        case QImageReader::UnsupportedFormatError:
            return fail(ImportErrorCode::UnsupportedType,
                        tr("This kind of image is not supported. Use PNG, JPEG, WebP, GIF, BMP or TIFF."));
        default:
            return fail(ImportErrorCode::Corrupt, tr("The image is damaged or incomplete and could not be decoded (%1).")
                                                      .arg(reader.errorString()));
        }
    }
    if (target != stored && !scaledDecode)
        image = image.scaled(transposed ? target.transposed() : target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    result.reduced = target != stored;
    result.image = image;
    return result;
}

void ImageImporter::import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context)
{
    context.report(0.0, tr("Decoding image"));
    Decoded decoded = decode(doc.sourcePath, doc.metadata.format, options.limits);
    if (decoded.image.isNull()) {
        doc.fail(decoded.errorCode, decoded.errorMessage);
        return;
    }
    doc.metadata.dimensions = decoded.displaySize;
    doc.metadata.pageCount = 1;
    if (decoded.frameCount > 1)
        doc.warnings.append(tr("The image has %1 frames; only the first is used.").arg(decoded.frameCount));
    if (decoded.reduced)
        doc.warnings.append(tr("The image is %1 x %2 pixels; it was decoded at %3 x %4 to save memory.")
                                .arg(decoded.displaySize.width())
                                .arg(decoded.displaySize.height())
                                .arg(decoded.image.width())
                                .arg(decoded.image.height()));
    DocumentPage page;
    page.number = 1;
    page.imagePage = true;
    page.imageSize = decoded.displaySize;
    doc.pages.append(page);
    doc.images = makeProvider(doc, options, decoded.image);
    context.report(1.0, tr("Image decoded"));
}

std::shared_ptr<const ImageProvider> ImageImporter::makeProvider(const ImportedDocument& doc,
                                                                 const ImportOptions& options, const QImage& decoded)
{
    return std::make_shared<ImageFileProvider>(doc.sourcePath, doc.metadata.format, options.limits, decoded);
}

}  // namespace lectern::app
