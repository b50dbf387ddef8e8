// fixtures.h: builds importer test inputs inside the test run (hand-written PDFs, GIFs, EXIF JPEGs, PNG
// bombs, encrypted PDFs through qpdf, videos through the ffmpeg CLI) in a per-test temporary folder.
#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace fixtures {

// A temporary folder under QDir::tempPath(), removed when the object goes.
class Folder {
public:
    Folder();
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& name) const;  // absolute path of name inside the folder
    QString write(const QString& name, const QByteArray& bytes) const;  // returns the path
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

// ---- PDF, written by hand so every byte is known (Helvetica, WinAnsi text) ----
// Text-drawing operator for a page content stream: text at (x, y) points from the bottom left.
QByteArray pdfText(double x, double y, double size, const QByteArray& text);
// A filled rectangle in an RGB colour (components 0..1): a "figure" with no text.
QByteArray pdfRect(double x, double y, double w, double h, double r, double g, double b);
// A complete PDF with one page per content stream. title/author go into the Info dictionary when not empty.
QByteArray makePdf(const QList<QByteArray>& pageContents, const QByteArray& title = QByteArray(),
                   const QByteArray& author = QByteArray(), QSizeF pageSize = QSizeF(612, 792));

// Encrypts a PDF with qpdf (AES-256). Returns an empty string and sets *error when qpdf fails or is missing.
QString encryptPdf(const QString& input, const QString& output, const QString& userPassword,
                   const QString& ownerPassword, QString* error);

// ---- images ----
QByteArray encodeImage(const QImage& image, const char* format, int quality = -1);
QImage twoColourImage(int width, int height, QColor left, QColor right);  // left half / right half
// A GIF with one frame per colour, each a uniform width x height rectangle (hand-written LZW).
QByteArray makeGif(int width, int height, const QList<QColor>& frameColours);
// A JPEG with an EXIF APP1 segment carrying the given orientation (1..8).
QByteArray jpegWithExifOrientation(const QImage& image, int orientation);
// A PNG whose header claims width x height (8-bit RGB) but whose data is tiny and incomplete.
QByteArray pngBomb(quint32 width, quint32 height);
// A real 1-bit greyscale PNG, left half black and right half white (compressed to a few hundred KiB).
QByteArray bilevelPng(quint32 width, quint32 height);
// An Adam7-interlaced 8-bit RGB PNG of the image (Qt's writer cannot interlace).
QByteArray interlacedPng(const QImage& image);
// A baseline greyscale JPEG of uniform grey 128, written directly: every 8x8 block is DC difference 0 + EOB
// with one-symbol Huffman tables, so 20000 x 20000 takes 1.5 MB. width and height must be multiples of 8.
QByteArray uniformGreyJpeg(int width, int height);
quint32 crc32(const QByteArray& bytes);

// ---- video (ffmpeg CLI) ----
bool ffmpegAvailable();
// Runs ffmpeg -hide_banner -loglevel error -y ARGS. Returns false and fills *log on failure.
bool runFfmpeg(const QStringList& arguments, QString* log);

// Rewrites the transformation matrix of every track header ('tkhd') of an MP4/QuickTime file to a rotation by
// 90, 180 or 270 degrees clockwise — what phones write for portrait video. Returns false if no tkhd was found.
bool setMp4Rotation(QByteArray& mp4, int clockwiseDegrees);
// Overwrites the movie header's ('mvhd') duration with `ticks` of its time scale. Returns false if absent.
bool setMp4MovieDuration(QByteArray& mp4, quint32 ticks);

// ---- processes ----
struct ProcessResult {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};
// Runs program with arguments, with the listed environment variables removed; kills it after timeoutMs.
ProcessResult runProcess(const QString& program, const QStringList& arguments, const QStringList& unsetVariables,
                         int timeoutMs);

}  // namespace fixtures
