// image_inputs.cpp: image_url parts to RGB content parts: data: URLs (base64 or percent-encoded) written to a
// temporary file, local paths read in place, both through Importer::importFile and PromptBuilder::visualInputs.
#include "app/server/image_inputs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QUrl>

#include "app/chat/prompt_builder.h"
#include "app/importers/content_sniffer.h"
#include "app/importers/importer.h"

namespace lectern::server {

namespace {

// `what` names the picture in messages ("the data: URL", the path).
ImageInput decodeFile(const QString& path, const QString& what, const app::VisionPixelBudget& budget,
                      const std::string& source)
{
    ImageInput input;
    const auto notAPicture = [&](app::DocumentKind kind) {
        input.error = ImageInputs::tr("%1 holds %2 content, not a picture; send a PNG, JPEG, WebP, GIF, BMP or TIFF "
                                      "image.")
                          .arg(what, app::kindName(kind));
        return input;
    };
    // PDFs, videos and text are refused from their first bytes, before the importer reads them whole. Files that
    // cannot be opened or sniffed go on to the importer, whose message says why.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const app::DocumentKind kind
            = app::ContentSniffer::sniff(file.read(app::ContentSniffer::kHeadBytes), path).kind;
        if (kind != app::DocumentKind::Image && kind != app::DocumentKind::Unknown)
            return notAPicture(kind);
        file.close();
    }
    app::ImportOptions options;
    options.visionPixels = budget;
    const app::ImportedDocument document = app::Importer::importFile(path, options);
    if (!document.ok()) {
        input.error = ImageInputs::tr("%1 cannot be read as a picture: %2").arg(what, document.errorMessage);
        return input;
    }
    if (document.kind != app::DocumentKind::Image)
        return notAPicture(document.kind);
    QStringList warnings;
    const QList<chat::VisualInput> visuals = chat::PromptBuilder::visualInputs(document, budget, &warnings);
    if (visuals.isEmpty() || !visuals.first().part.has_pixels()) {
        input.error = ImageInputs::tr("%1 cannot be sent to the model: %2")
                          .arg(what,
                               warnings.isEmpty() ? ImageInputs::tr("it has no decodable picture")
                                                  : warnings.join(QLatin1Char(' ')));
        return input;
    }
    input.part = visuals.first().part;
    input.part->source = source;
    return input;
}

}  // namespace

ImageInput ImageInputs::load(const QString& url, const app::VisionPixelBudget& budget, bool allowFilePaths)
{
    if (url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return fromDataUrl(url, budget);
    if (url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        return ImageInput{std::nullopt,
                          tr("Remote image URLs are not fetched; send the picture as a data: URL or a "
                             "local path.")};
    }
    QString path;
    if (url.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
        const QUrl fileUrl(url);
        path = fileUrl.isValid() && fileUrl.isLocalFile() ? fileUrl.toLocalFile() : QString();
        if (path.isEmpty())
            return ImageInput{
                std::nullopt,
                tr("%1 is not a valid file: URL; write it as file:///absolute/path.png.").arg(url.left(200))};
    } else if (QDir::isAbsolutePath(url)) {
        path = url;
    } else {
        return ImageInput{std::nullopt,
                          tr("The image URL must be a data: URL (data:image/png;base64,...), a file:// "
                             "URL or an absolute local path; got \"%1\".")
                              .arg(url.left(200))};
    }
    if (!allowFilePaths)
        return ImageInput{std::nullopt,
                          tr("This server does not read local files (it was started with "
                             "--no-file-paths); send the picture as a data: URL.")};
    return fromFile(path, budget);
}

ImageInput ImageInputs::fromDataUrl(const QString& url, const app::VisionPixelBudget& budget)
{
    // data:[<media type>][;param=value]*[;base64],<data>  (RFC 2397)
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (!url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive) || comma < 0)
        return ImageInput{std::nullopt,
                          tr("The data: URL is malformed: it needs a comma before the data, as in "
                             "data:image/png;base64,iVBORw0....")};
    const QStringList header = url.mid(5, comma - 5).split(QLatin1Char(';'));
    const bool base64 = header.size() > 1 && header.last().compare(QLatin1String("base64"), Qt::CaseInsensitive) == 0;
    const QString mediaType = header.first().trimmed().left(100);  // informational: the part's source
    QByteArray payload = url.mid(comma + 1).toLatin1();
    QByteArray bytes;
    if (base64) {
        payload.replace('\n', QByteArray())
            .replace('\r', QByteArray())
            .replace(' ', QByteArray())
            .replace('\t', QByteArray());
        QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
            payload, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return ImageInput{std::nullopt,
                              tr("The base64 data of the data: URL is malformed (only A-Z, a-z, 0-9, "
                                 "+, / and = padding are allowed).")};
        bytes = std::move(*decoded);
    } else {
        bytes = QByteArray::fromPercentEncoding(payload);
    }
    if (bytes.isEmpty())
        return ImageInput{std::nullopt, tr("The data: URL holds no data.")};

    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/lectern-api-image-XXXXXX"));
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
        ImageInput failed{std::nullopt,
                          tr("The picture could not be stored in a temporary file: %1").arg(file.errorString())};
        failed.serverFault = true;
        return failed;
    }
    // The importer re-opens the file by path; the QTemporaryFile stays alive (and on disk) until the pixels are out.
    return decodeFile(file.fileName(), tr("The data: URL"), budget, "data:" + mediaType.toStdString() + ",...");
}

ImageInput ImageInputs::fromFile(const QString& path, const app::VisionPixelBudget& budget)
{
    return decodeFile(path, QDir::toNativeSeparators(path), budget, path.toStdString());
}

}  // namespace lectern::server
