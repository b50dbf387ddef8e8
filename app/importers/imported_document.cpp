// imported_document.cpp: status helpers and the JSON form of ImportedDocument (inspect output, on-disk cache).
#include "app/importers/imported_document.h"

#include <QJsonArray>

namespace lectern::app {

namespace {

struct CodeName {
    ImportErrorCode code;
    const char* name;
};

constexpr CodeName kCodeNames[] = {
    {ImportErrorCode::None, "none"},
    {ImportErrorCode::FileNotFound, "file-not-found"},
    {ImportErrorCode::NotAFile, "not-a-file"},
    {ImportErrorCode::Unreadable, "unreadable"},
    {ImportErrorCode::EmptyFile, "empty-file"},
    {ImportErrorCode::FileTooLarge, "file-too-large"},
    {ImportErrorCode::UnsupportedType, "unsupported-type"},
    {ImportErrorCode::Corrupt, "corrupt"},
    {ImportErrorCode::NeedsPassword, "needs-password"},
    {ImportErrorCode::WrongPassword, "wrong-password"},
    {ImportErrorCode::DimensionsTooLarge, "dimensions-too-large"},
    {ImportErrorCode::DurationTooLong, "duration-too-long"},
    {ImportErrorCode::InvalidPageRange, "invalid-page-range"},
    {ImportErrorCode::NoContent, "no-content"},
    {ImportErrorCode::UnsupportedCodec, "unsupported-codec"},
    {ImportErrorCode::TimedOut, "timed-out"},
    {ImportErrorCode::Cancelled, "cancelled"},
};

constexpr const char* kKindNames[] = {"unknown", "pdf", "image", "video", "text"};

QJsonObject sizeJson(QSize size)
{
    return QJsonObject{{QStringLiteral("width"), size.width()}, {QStringLiteral("height"), size.height()}};
}

QSize sizeFromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    return QSize(o.value(QStringLiteral("width")).toInt(-1), o.value(QStringLiteral("height")).toInt(-1));
}

// JSON doubles carry integers exactly up to 2^53, which covers every count and size here.
qint64 toInt64(const QJsonValue& value)
{
    return static_cast<qint64>(value.toDouble());
}

constexpr int kTextPreviewCharacters = 200;

}  // namespace

QString kindName(DocumentKind kind)
{
    return QLatin1String(kKindNames[static_cast<int>(kind)]);
}

QString errorCodeName(ImportErrorCode code)
{
    for (const CodeName& entry : kCodeNames) {
        if (entry.code == code)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("unknown");
}

QString statusName(ImportStatus status)
{
    switch (status) {
    case ImportStatus::Ok: return QStringLiteral("ok");
    case ImportStatus::NeedsPassword: return QStringLiteral("needs-password");
    case ImportStatus::Failed: return QStringLiteral("failed");
    case ImportStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

ImportStatus ImportedDocument::status() const
{
    switch (errorCode) {
    case ImportErrorCode::None: return ImportStatus::Ok;
    case ImportErrorCode::NeedsPassword: return ImportStatus::NeedsPassword;
    case ImportErrorCode::Cancelled: return ImportStatus::Cancelled;
    default: return ImportStatus::Failed;
    }
}

void ImportedDocument::fail(ImportErrorCode code, const QString& message)
{
    errorCode = code;
    errorMessage = message;
    pages.clear();
    frames.clear();
    images.reset();
}

QString ImportedDocument::text() const
{
    QStringList parts;
    for (const DocumentPage& page : pages) {
        if (!page.imagePage && !page.text.isEmpty())
            parts.append(page.text);
    }
    return parts.join(QStringLiteral("\n\n"));
}

qint64 ImportedDocument::textLength() const
{
    return text().size();
}

QJsonObject ImportedDocument::toJson(JsonDetail detail) const
{
    const bool full = detail == JsonDetail::Full;
    QJsonObject o;
    o[QStringLiteral("file")] = sourcePath;
    o[QStringLiteral("kind")] = kindName(kind);
    o[QStringLiteral("status")] = statusName(status());
    o[QStringLiteral("sizeBytes")] = double(sizeBytes);
    o[QStringLiteral("sha256")] = QString::fromLatin1(contentHash);
    if (!ok()) {
        o[QStringLiteral("error")] = QJsonObject{{QStringLiteral("code"), errorCodeName(errorCode)},
                                                 {QStringLiteral("message"), errorMessage}};
    }
    o[QStringLiteral("warnings")] = QJsonArray::fromStringList(warnings);
    if (!full)
        o[QStringLiteral("fromCache")] = fromCache;

    const DocumentMetadata& m = metadata;
    QJsonObject meta{{QStringLiteral("mimeType"), m.mimeType}, {QStringLiteral("format"), m.format}};
    if (full || !m.title.isEmpty())
        meta[QStringLiteral("title")] = m.title;
    if (full || !m.author.isEmpty())
        meta[QStringLiteral("author")] = m.author;
    if (full || kind == DocumentKind::Pdf) {
        meta[QStringLiteral("pageCount")] = m.pageCount;
        meta[QStringLiteral("encrypted")] = m.encrypted;
    }
    if (full || m.dimensions.isValid())
        meta[QStringLiteral("dimensions")] = sizeJson(m.dimensions);
    if (full || kind == DocumentKind::Video) {
        meta[QStringLiteral("durationSeconds")] = m.durationSeconds;
        meta[QStringLiteral("frameRate")] = m.frameRate;
        meta[QStringLiteral("frameCount")] = double(m.frameCount);
        meta[QStringLiteral("codec")] = m.codec;
        meta[QStringLiteral("rotationDegrees")] = m.rotationDegrees;
    }
    if (full || kind == DocumentKind::Text)
        meta[QStringLiteral("textEncoding")] = m.textEncoding;
    o[QStringLiteral("metadata")] = meta;

    QJsonArray pageArray;
    for (const DocumentPage& page : pages) {
        QJsonObject p{{QStringLiteral("number"), page.number},
                      {QStringLiteral("imagePage"), page.imagePage},
                      {QStringLiteral("textLength"), int(page.text.size())}};
        if (page.imageSize.isValid())
            p[QStringLiteral("imageSize")] = sizeJson(page.imageSize);
        if (full)
            p[QStringLiteral("text")] = page.text;
        pageArray.append(p);
    }
    o[QStringLiteral("pages")] = pageArray;

    if (full || kind == DocumentKind::Video) {
        QJsonArray frameArray;
        for (const VideoFrame& frame : frames) {
            frameArray.append(QJsonObject{{QStringLiteral("sourceIndex"), double(frame.sourceIndex)},
                                          {QStringLiteral("timestamp"), frame.timestamp},
                                          {QStringLiteral("pts"), double(frame.pts)}});
        }
        o[QStringLiteral("frames")] = frameArray;
    }

    if (!full) {
        const QString all = text();
        o[QStringLiteral("textLength")] = double(all.size());
        o[QStringLiteral("textPreview")] = all.left(kTextPreviewCharacters);
        QJsonArray inputs;
        for (const VisionInput& input : tokens.visionInputs) {
            QJsonObject v{{QStringLiteral("label"), input.label},
                          {QStringLiteral("sourceSize"), sizeJson(input.sourceSize)},
                          {QStringLiteral("resizedSize"), sizeJson(input.resizedSize)},
                          {QStringLiteral("tokens"), double(input.tokens)}};
            if (input.frames > 0)
                v[QStringLiteral("frames")] = input.frames;
            inputs.append(v);
        }
        o[QStringLiteral("tokens")] = QJsonObject{
            {QStringLiteral("text"), double(tokens.textTokens)},
            {QStringLiteral("image"), double(tokens.imageTokens)},
            {QStringLiteral("overhead"), double(tokens.overheadTokens)},
            {QStringLiteral("total"), double(tokens.total())},
            {QStringLiteral("textEstimator"), tokens.textEstimator},
            {QStringLiteral("visionInputs"), inputs},
        };
    }
    return o;
}

std::optional<ImportedDocument> ImportedDocument::fromJson(const QJsonObject& o)
{
    ImportedDocument doc;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    bool kindFound = false;
    for (int i = 0; i < int(std::size(kKindNames)); ++i) {
        if (kind == QLatin1String(kKindNames[i])) {
            doc.kind = static_cast<DocumentKind>(i);
            kindFound = true;
        }
    }
    if (!kindFound || doc.kind == DocumentKind::Unknown)
        return std::nullopt;
    if (o.value(QStringLiteral("status")).toString() != QLatin1String("ok"))
        return std::nullopt;  // only successful imports are stored
    doc.sourcePath = o.value(QStringLiteral("file")).toString();
    doc.sizeBytes = toInt64(o.value(QStringLiteral("sizeBytes")));
    doc.contentHash = o.value(QStringLiteral("sha256")).toString().toLatin1();
    for (const QJsonValue& w : o.value(QStringLiteral("warnings")).toArray())
        doc.warnings.append(w.toString());

    const QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
    DocumentMetadata& m = doc.metadata;
    m.mimeType = meta.value(QStringLiteral("mimeType")).toString();
    m.format = meta.value(QStringLiteral("format")).toString();
    m.title = meta.value(QStringLiteral("title")).toString();
    m.author = meta.value(QStringLiteral("author")).toString();
    m.pageCount = meta.value(QStringLiteral("pageCount")).toInt();
    m.encrypted = meta.value(QStringLiteral("encrypted")).toBool();
    m.dimensions = sizeFromJson(meta.value(QStringLiteral("dimensions")));
    m.durationSeconds = meta.value(QStringLiteral("durationSeconds")).toDouble();
    m.frameRate = meta.value(QStringLiteral("frameRate")).toDouble();
    m.frameCount = toInt64(meta.value(QStringLiteral("frameCount")));
    m.codec = meta.value(QStringLiteral("codec")).toString();
    m.rotationDegrees = meta.value(QStringLiteral("rotationDegrees")).toInt();
    m.textEncoding = meta.value(QStringLiteral("textEncoding")).toString();

    const QJsonValue pagesValue = o.value(QStringLiteral("pages"));
    if (!pagesValue.isArray())
        return std::nullopt;
    for (const QJsonValue& value : pagesValue.toArray()) {
        const QJsonObject p = value.toObject();
        DocumentPage page;
        page.number = p.value(QStringLiteral("number")).toInt();
        page.imagePage = p.value(QStringLiteral("imagePage")).toBool();
        page.text = p.value(QStringLiteral("text")).toString();
        if (p.contains(QStringLiteral("imageSize")))
            page.imageSize = sizeFromJson(p.value(QStringLiteral("imageSize")));
        if (page.number <= 0)
            return std::nullopt;
        doc.pages.append(page);
    }
    for (const QJsonValue& value : o.value(QStringLiteral("frames")).toArray()) {
        const QJsonObject f = value.toObject();
        doc.frames.append(VideoFrame{toInt64(f.value(QStringLiteral("sourceIndex"))),
                                     f.value(QStringLiteral("timestamp")).toDouble(),
                                     toInt64(f.value(QStringLiteral("pts")))});
    }
    return doc;
}

}  // namespace lectern::app
