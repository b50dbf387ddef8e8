// content_sniffer.cpp: magic numbers for PDF and the six image formats, QMimeDatabase for video and the rest,
// and a binary-vs-text test for everything that is left.
#include "app/importers/content_sniffer.h"

#include <QFileInfo>
#include <QMimeDatabase>
#include <QMimeType>

#include <cstring>

namespace lectern::app {

namespace {

bool startsWith(const QByteArray& data, const char* magic, qsizetype length, qsizetype offset = 0)
{
    return data.size() >= offset + length && std::memcmp(data.constData() + offset, magic, size_t(length)) == 0;
}

quint32 readLe32(const QByteArray& data, qsizetype offset)
{
    const auto* p = reinterpret_cast<const uchar*>(data.constData() + offset);
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}

QString imageFormat(const QByteArray& head)
{
    if (startsWith(head, "\x89PNG\r\n\x1a\n", 8))
        return QStringLiteral("png");
    if (startsWith(head, "\xFF\xD8\xFF", 3))
        return QStringLiteral("jpeg");
    if (startsWith(head, "GIF87a", 6) || startsWith(head, "GIF89a", 6))
        return QStringLiteral("gif");
    if (startsWith(head, "II*\0", 4) || startsWith(head, "MM\0*", 4))
        return QStringLiteral("tiff");
    if (startsWith(head, "RIFF", 4) && startsWith(head, "WEBP", 4, 8))
        return QStringLiteral("webp");
    // "BM" alone would claim any text that starts with those letters: also require a known DIB header size.
    if (startsWith(head, "BM", 2) && head.size() >= 18) {
        const quint32 dibSize = readLe32(head, 14);
        if (dibSize == 12 || dibSize == 40 || dibSize == 52 || dibSize == 56 || dibSize == 64 || dibSize == 108
            || dibSize == 124)
            return QStringLiteral("bmp");
    }
    return QString();
}

bool isPdf(const QByteArray& head)
{
    // The header may follow some junk; readers accept it within the first 1024 bytes.
    return head.left(1024).contains("%PDF-");
}

// Text when it has a Unicode BOM, or no NUL bytes and few control characters other than tab, CR, LF, FF, ESC.
bool looksLikeText(const QByteArray& head, QString* bomEncoding)
{
    if (startsWith(head, "\xEF\xBB\xBF", 3) || startsWith(head, "\xFF\xFE", 2) || startsWith(head, "\xFE\xFF", 2)
        || startsWith(head, "\0\0\xFE\xFF", 4)) {
        *bomEncoding = QStringLiteral("bom");
        return true;
    }
    qsizetype controls = 0;
    for (const char ch : head) {
        const auto c = uchar(ch);
        if (c == 0)
            return false;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
            ++controls;
    }
    return controls * 20 <= head.size();  // at most 5 %
}

QString textFormatFor(const QString& fileName, const QMimeType& contentType)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return QStringLiteral("markdown");
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv"))
        return QStringLiteral("csv");
    if (suffix == QLatin1String("json"))
        return QStringLiteral("json");
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml"))
        return QStringLiteral("html");
    if (contentType.inherits(QStringLiteral("text/html")))
        return QStringLiteral("html");
    return QStringLiteral("plain");
}

}  // namespace

SniffResult ContentSniffer::sniff(const QByteArray& head, const QString& fileName)
{
    SniffResult result;
    if (isPdf(head)) {
        result.kind = DocumentKind::Pdf;
        result.mimeType = QStringLiteral("application/pdf");
        result.format = QStringLiteral("pdf");
        return result;
    }
    const QString image = imageFormat(head);
    if (!image.isEmpty()) {
        result.kind = DocumentKind::Image;
        result.mimeType = QStringLiteral("image/") + image;
        result.format = image;
        return result;
    }

    static const QMimeDatabase database;
    const QMimeType type = database.mimeTypeForData(head);
    result.mimeType = type.name();
    result.description = type.comment();
    // Matroska and Ogg are detected as their generic container types; they may hold video or only audio, which
    // the video importer tells apart (an audio-only file fails there with a clear message).
    const bool videoContainer = type.name().startsWith(QLatin1String("video/"))
        || type.inherits(QStringLiteral("application/x-matroska")) || type.inherits(QStringLiteral("application/ogg"))
        || type.inherits(QStringLiteral("video/x-ms-asf"));
    if (videoContainer) {
        result.kind = DocumentKind::Video;
        result.format = type.preferredSuffix();
        if (type.inherits(QStringLiteral("application/x-matroska")) && !type.inherits(QStringLiteral("video/webm")))
            result.format = QStringLiteral("mkv");
        else if (result.format.isEmpty())
            result.format = QStringLiteral("video");
        return result;
    }
    if (type.name().startsWith(QLatin1String("audio/"))) {
        result.isAudio = true;
        return result;
    }
    QString bom;
    const bool textual = type.inherits(QStringLiteral("text/plain")) || type.isDefault();
    if (looksLikeText(head, &bom) && (textual || !bom.isEmpty())) {
        result.kind = DocumentKind::Text;
        result.format = textFormatFor(fileName, type);
        if (!type.inherits(QStringLiteral("text/plain")))
            result.mimeType = QStringLiteral("text/plain");
        return result;
    }
    return result;
}

DocumentKind ContentSniffer::kindFromFileName(const QString& fileName)
{
    static const QMimeDatabase database;
    const QMimeType type = database.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    const QString name = type.name();
    if (name == QLatin1String("application/pdf"))
        return DocumentKind::Pdf;
    if (name.startsWith(QLatin1String("image/")))
        return DocumentKind::Image;
    if (name.startsWith(QLatin1String("video/")))
        return DocumentKind::Video;
    if (type.inherits(QStringLiteral("text/plain")) || name == QLatin1String("application/json"))
        return DocumentKind::Text;
    return DocumentKind::Unknown;
}

}  // namespace lectern::app
