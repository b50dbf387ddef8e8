// imported_document.h: the one result type of every import (PDF, image, video, text): pages or frames, text,
// lazily produced images, metadata, warnings, token estimates, and the error if the import failed.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lectern::app {

enum class DocumentKind { Unknown, Pdf, Image, Video, Text };

// Why an import did not produce a document. The names (kindName/errorCodeName) are stable JSON values.
enum class ImportErrorCode {
    None,
    FileNotFound,
    NotAFile,          // a folder or a device
    Unreadable,        // permissions, I/O error
    EmptyFile,
    FileTooLarge,
    UnsupportedType,   // content is none of the supported kinds (audio, archives, executables, ...)
    Corrupt,           // damaged or truncated: the parser gave up
    NeedsPassword,     // encrypted PDF and no password given: ask the user, then import again
    WrongPassword,
    DimensionsTooLarge,  // image or video frame size beyond the limits (decompression bombs)
    DurationTooLong,
    InvalidPageRange,
    NoContent,         // a PDF without pages, a video without a video stream or without frames
    UnsupportedCodec,
    TimedOut,
    Cancelled,
};

enum class ImportStatus { Ok, NeedsPassword, Failed, Cancelled };

// One page of a PDF, or the single page of an image or a text file.
struct DocumentPage {
    int number = 0;        // 1-based page number in the source
    QString text;          // in reading order; empty for images
    bool imagePage = false;  // no usable text layer (a scan, a figure): the model gets the rendered page
    QSize imageSize;       // pixels of the page image at the import's render DPI (PDF) or the decoded image
};

// One sampled video frame (qwen35.md §7.4).
struct VideoFrame {
    qint64 sourceIndex = 0;  // index among all frames of the stream, in presentation order
    double timestamp = 0.0;  // seconds from the stream's first frame
    qint64 pts = 0;          // presentation timestamp in the stream's time base (for seeking)
};

struct DocumentMetadata {
    QString mimeType;        // detected from the content, not the file name
    QString format;          // "pdf", "png", "jpeg", "mp4", "plain", "markdown", ...
    QString title;
    QString author;
    int pageCount = 0;       // pages in the source (PDF; 1 for images and text)
    bool encrypted = false;  // PDFs with a password; never written to the on-disk cache
    QSize dimensions;        // image after EXIF orientation; video display size after rotation
    double durationSeconds = 0.0;
    double frameRate = 0.0;  // average frames per second of the video stream
    qint64 frameCount = 0;   // frames in the video stream
    QString codec;
    int rotationDegrees = 0; // clockwise rotation applied to video frames for display
    QString textEncoding;    // "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "ISO-8859-1"
};

// One image or video clip as the model's vision encoder will see it (qwen35.md §7.2, §7.4).
struct VisionInput {
    QString label;      // "page 3", "image", "video"
    QSize sourceSize;   // before smart_resize
    QSize resizedSize;  // after smart_resize (multiples of 32)
    int frames = 0;     // video frames (after padding to even); 0 for still images
    qint64 tokens = 0;  // <|image_pad|> / <|video_pad|> tokens
};

struct TokenEstimate {
    qint64 textTokens = 0;      // document text, by the estimator named below
    qint64 imageTokens = 0;     // vision pad tokens, exact given the image sizes
    qint64 overheadTokens = 0;  // <|vision_start|>/<|vision_end|> and video timestamp text
    QString textEstimator;      // which TextTokenEstimator produced textTokens
    QList<VisionInput> visionInputs;
    qint64 total() const { return textTokens + imageTokens + overheadTokens; }
};

// Renders or decodes the images of a document on demand: PDF pages (index into pages), video frames (index
// into frames) or the image itself (index 0). Implementations are thread-safe and re-open the source file.
class ImageProvider {
public:
    virtual ~ImageProvider() = default;
    virtual int count() const = 0;
    // Scaled down (aspect kept) to fit maxSize when maxSize is valid. A null image and *error on failure.
    virtual QImage image(int index, QSize maxSize = QSize(), QString* error = nullptr) const = 0;
};

struct ImportedDocument {
    DocumentKind kind = DocumentKind::Unknown;
    QString sourcePath;
    qint64 sizeBytes = 0;
    QByteArray contentHash;  // SHA-256 of the file's bytes, lower-case hex
    ImportErrorCode errorCode = ImportErrorCode::None;
    QString errorMessage;    // translated; says what is wrong and what to do
    QStringList warnings;    // translated
    DocumentMetadata metadata;
    QList<DocumentPage> pages;
    QList<VideoFrame> frames;
    TokenEstimate tokens;
    std::shared_ptr<const ImageProvider> images;  // null when the document has no images
    bool fromCache = false;

    ImportStatus status() const;
    bool ok() const { return errorCode == ImportErrorCode::None; }
    void fail(ImportErrorCode code, const QString& message);

    QString text() const;      // text of the text pages, joined by blank lines
    qint64 textLength() const;  // characters (UTF-16 code units) of text()

    enum class JsonDetail { Summary, Full };
    // Summary: what `lectern inspect` prints (text length and a preview, no full text).
    // Full: everything except the image provider; what the on-disk cache stores.
    QJsonObject toJson(JsonDetail detail = JsonDetail::Summary) const;
    static std::optional<ImportedDocument> fromJson(const QJsonObject& object);
};

QString kindName(DocumentKind kind);             // "pdf", "image", "video", "text", "unknown"
QString errorCodeName(ImportErrorCode code);     // "corrupt", "needs-password", ...
QString statusName(ImportStatus status);         // "ok", "needs-password", "failed", "cancelled"

}  // namespace lectern::app

Q_DECLARE_METATYPE(lectern::app::ImportedDocument)
