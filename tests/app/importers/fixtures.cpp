// fixtures.cpp: the generators behind fixtures.h. Formats are written from their specifications (PDF 1.4
// objects and xref, GIF89a with LZW, PNG chunks with CRC-32, JPEG APP1/EXIF), not through Lectern's code.
#include "fixtures.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace fixtures {

Folder::Folder() : m_dir(QDir::tempPath() + QStringLiteral("/lectern-importer-test-XXXXXX")) {}

QString Folder::path(const QString& name) const
{
    return m_dir.filePath(name);
}

QString Folder::write(const QString& name, const QByteArray& bytes) const
{
    const QString file = path(name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        qFatal("fixtures: cannot write %s", qPrintable(file));
    return file;
}

// ---------------------------------------------------------------- PDF

namespace {

QByteArray pdfString(const QByteArray& text)
{
    QByteArray escaped;
    for (const char c : text) {
        if (c == '(' || c == ')' || c == '\\')
            escaped.append('\\');
        escaped.append(c);
    }
    return '(' + escaped + ')';
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 2);
}

}  // namespace

QByteArray pdfText(double x, double y, double size, const QByteArray& text)
{
    return "BT /F1 " + number(size) + " Tf " + number(x) + ' ' + number(y) + " Td " + pdfString(text) + " Tj ET\n";
}

QByteArray pdfRect(double x, double y, double w, double h, double r, double g, double b)
{
    return number(r) + ' ' + number(g) + ' ' + number(b) + " rg " + number(x) + ' ' + number(y) + ' ' + number(w)
        + ' ' + number(h) + " re f\n";
}

QByteArray makePdf(const QList<QByteArray>& pageContents, const QByteArray& title, const QByteArray& author,
                   QSizeF pageSize)
{
    // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then (page, content) pairs.
    QList<QByteArray> objects;
    QByteArray kids;
    const int firstPage = 5;
    for (qsizetype i = 0; i < pageContents.size(); ++i)
        kids += QByteArray::number(firstPage + 2 * i) + " 0 R ";
    objects.append("<< /Type /Catalog /Pages 2 0 R >>");
    objects.append("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pageContents.size()) + " >>");
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    QByteArray info = "<< /Producer (lectern fixtures)";
    if (!title.isEmpty())
        info += " /Title " + pdfString(title);
    if (!author.isEmpty())
        info += " /Author " + pdfString(author);
    objects.append(info + " >>");
    for (qsizetype i = 0; i < pageContents.size(); ++i) {
        const QByteArray contentRef = QByteArray::number(firstPage + 2 * i + 1) + " 0 R";
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(pageSize.width()) + ' '
                       + number(pageSize.height()) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                       + contentRef + " >>");
        const QByteArray& content = pageContents.at(i);
        objects.append("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content
                       + "\nendstream");
    }
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QString encryptPdf(const QString& input, const QString& output, const QString& userPassword,
                   const QString& ownerPassword, QString* error)
{
    const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
    if (qpdf.isEmpty()) {
        *error = QStringLiteral("qpdf is not installed (scripts/setup installs it)");
        return QString();
    }
    QProcess process;
    process.start(qpdf, {QStringLiteral("--encrypt"), userPassword, ownerPassword, QStringLiteral("256"),
                         QStringLiteral("--"), input, output});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        *error = QStringLiteral("qpdf failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
        return QString();
    }
    return output;
}

// ---------------------------------------------------------------- images

QByteArray encodeImage(const QImage& image, const char* format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("fixtures: cannot encode %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

QImage twoColourImage(int width, int height, QColor left, QColor right)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, x < width / 2 ? left : right);
    }
    return image;
}

namespace {

void appendLe16(QByteArray& out, int value)
{
    out.append(char(value & 0xFF));
    out.append(char((value >> 8) & 0xFF));
}

void appendBe32(QByteArray& out, quint32 value)
{
    out.append(char(value >> 24));
    out.append(char((value >> 16) & 0xFF));
    out.append(char((value >> 8) & 0xFF));
    out.append(char(value & 0xFF));
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    QByteArray chunk;
    appendBe32(chunk, quint32(data.size()));
    const QByteArray body = QByteArray(type, 4) + data;
    chunk += body;
    appendBe32(chunk, crc32(body));
    return chunk;
}

QByteArray pngHeader(quint32 width, quint32 height, char bitDepth, char colourType, bool interlaced = false)
{
    QByteArray ihdr;
    appendBe32(ihdr, width);
    appendBe32(ihdr, height);
    ihdr.append(bitDepth);
    ihdr.append(colourType);
    ihdr.append(char(0));  // deflate
    ihdr.append(char(0));  // adaptive filtering
    ihdr.append(char(interlaced ? 1 : 0));  // Adam7 or none
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr);
}

}  // namespace

quint32 crc32(const QByteArray& bytes)
{
    static quint32 table[256];
    static bool ready = false;
    if (!ready) {
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        ready = true;
    }
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes)
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

QByteArray makeGif(int width, int height, const QList<QColor>& frameColours)
{
    // Global palette of 4 entries: the frame colours (up to 4).
    QByteArray gif("GIF89a");
    appendLe16(gif, width);
    appendLe16(gif, height);
    gif.append(char(0x91));  // global colour table, 2 bits colour resolution, 4 entries
    gif.append(char(0));     // background index
    gif.append(char(0));     // aspect ratio
    for (int i = 0; i < 4; ++i) {
        const QColor c = i < frameColours.size() ? frameColours.at(i) : QColor(Qt::black);
        gif.append(char(c.red()));
        gif.append(char(c.green()));
        gif.append(char(c.blue()));
    }
    for (qsizetype frame = 0; frame < frameColours.size() && frame < 4; ++frame) {
        gif.append("\x21\xF9\x04\x00\x0A\x00\x00\x00", 8);  // graphic control: 100 ms delay
        gif.append(char(0x2C));
        appendLe16(gif, 0);
        appendLe16(gif, 0);
        appendLe16(gif, width);
        appendLe16(gif, height);
        gif.append(char(0));  // no local table, not interlaced
        // LZW with minimum code size 2: clear = 4, end = 5, 3-bit codes. A clear code after every two pixels
        // keeps the table from growing, so every code stays 3 bits wide.
        QList<int> codes{4};
        for (int p = 0; p < width * height; ++p) {
            if (p > 0 && p % 2 == 0)
                codes.append(4);
            codes.append(int(frame));
        }
        codes.append(5);
        QByteArray data;
        quint32 bitBuffer = 0;
        int bitCount = 0;
        for (const int code : codes) {
            bitBuffer |= quint32(code) << bitCount;
            bitCount += 3;
            while (bitCount >= 8) {
                data.append(char(bitBuffer & 0xFF));
                bitBuffer >>= 8;
                bitCount -= 8;
            }
        }
        if (bitCount > 0)
            data.append(char(bitBuffer & 0xFF));
        gif.append(char(2));  // minimum code size
        for (qsizetype offset = 0; offset < data.size(); offset += 255) {
            const QByteArray block = data.mid(offset, 255);
            gif.append(char(block.size()));
            gif.append(block);
        }
        gif.append(char(0));
    }
    gif.append(char(0x3B));
    return gif;
}

QByteArray jpegWithExifOrientation(const QImage& image, int orientation)
{
    const QByteArray jpeg = encodeImage(image, "jpeg", 95);
    // APP1: "Exif\0\0", big-endian TIFF header, one IFD with one entry (0x0112 Orientation, SHORT, 1 value).
    QByteArray exif("Exif\0\0", 6);
    exif += QByteArray("MM\0\x2A\0\0\0\x08", 8);
    exif += QByteArray("\0\x01", 2);
    exif += QByteArray("\x01\x12\0\x03\0\0\0\x01", 8);
    exif.append(char(0));
    exif.append(char(orientation));
    exif += QByteArray("\0\0", 2);
    exif += QByteArray("\0\0\0\0", 4);  // no next IFD
    QByteArray segment("\xFF\xE1", 2);
    const int length = int(exif.size()) + 2;
    segment.append(char(length >> 8));
    segment.append(char(length & 0xFF));
    segment += exif;
    // Insert after SOI and an APP0 (JFIF) segment if present.
    qsizetype at = 2;
    if (jpeg.size() > 4 && quint8(jpeg[2]) == 0xFF && quint8(jpeg[3]) == 0xE0)
        at = 4 + ((quint8(jpeg[4]) << 8) | quint8(jpeg[5]));
    return jpeg.left(at) + segment + jpeg.mid(at);
}

QByteArray pngBomb(quint32 width, quint32 height)
{
    // A few rows of zeros compressed, then nothing: the header is all a careless decoder looks at first.
    const QByteArray rows = qCompress(QByteArray(4096, '\0')).mid(4);
    return pngHeader(width, height, 8, 2) + pngChunk("IDAT", rows) + pngChunk("IEND", QByteArray());
}

QByteArray bilevelPng(quint32 width, quint32 height)
{
    const qsizetype rowBytes = (qsizetype(width) + 7) / 8;
    QByteArray row(1 + rowBytes, '\0');  // filter byte 0, then pixels: 0 = black
    for (qsizetype i = rowBytes / 2; i < rowBytes; ++i)
        row[1 + i] = char(0xFF);  // right half white
    QByteArray raw;
    raw.reserve(row.size() * qsizetype(height));
    for (quint32 y = 0; y < height; ++y)
        raw += row;
    const QByteArray compressed = qCompress(raw, 9).mid(4);  // qCompress prefixes a 4-byte length: a zlib stream follows
    return pngHeader(width, height, 1, 0) + pngChunk("IDAT", compressed) + pngChunk("IEND", QByteArray());
}

QByteArray interlacedPng(const QImage& image)
{
    // Adam7 passes: (x start, y start, x step, y step); each pass is a sub-image with its own filtered rows.
    static constexpr int kPass[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                        {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    QByteArray raw;
    for (const auto& pass : kPass) {
        for (int y = pass[1]; y < rgb.height(); y += pass[3]) {
            if (pass[0] >= rgb.width())
                break;  // an empty pass has no rows at all
            raw.append(char(0));  // filter: none
            const uchar* line = rgb.constScanLine(y);
            for (int x = pass[0]; x < rgb.width(); x += pass[2])
                raw.append(reinterpret_cast<const char*>(line + 3 * x), 3);
        }
    }
    const QByteArray compressed = qCompress(raw, 6).mid(4);
    return pngHeader(quint32(rgb.width()), quint32(rgb.height()), 8, 2, true) + pngChunk("IDAT", compressed)
        + pngChunk("IEND", QByteArray());
}

QByteArray uniformGreyJpeg(int width, int height)
{
    auto segment = [](quint8 marker, const QByteArray& body) {
        QByteArray out;
        out.append(char(0xFF));
        out.append(char(marker));
        const int length = int(body.size()) + 2;
        out.append(char(length >> 8));
        out.append(char(length & 0xFF));
        return out + body;
    };
    QByteArray jpeg("\xFF\xD8", 2);
    jpeg += segment(0xDB, QByteArray(1, '\0') + QByteArray(64, '\x01'));  // DQT: table 0, all ones
    QByteArray sof;
    sof.append(char(8));  // precision
    sof.append(char(height >> 8));
    sof.append(char(height & 0xFF));
    sof.append(char(width >> 8));
    sof.append(char(width & 0xFF));
    sof.append(char(1));     // one component
    sof += QByteArray("\x01\x11\x00", 3);  // id 1, 1x1 sampling, quant table 0
    jpeg += segment(0xC0, sof);
    // DHT: DC table 0 and AC table 0, each with one 1-bit code "0" for symbol 0 (DC category 0 / EOB).
    QByteArray counts(16, '\0');
    counts[0] = 1;
    jpeg += segment(0xC4, QByteArray(1, '\x00') + counts + QByteArray(1, '\0'));
    jpeg += segment(0xC4, QByteArray(1, '\x10') + counts + QByteArray(1, '\0'));
    jpeg += segment(0xDA, QByteArray("\x01\x01\x00\x00\x3F\x00", 6));  // SOS: component 1, tables 0/0, 0..63
    const qint64 blocks = qint64(width / 8) * (height / 8);
    const qint64 bits = blocks * 2;  // "0" (DC diff 0) + "0" (EOB) per block
    jpeg += QByteArray(bits / 8, '\0');
    if (bits % 8 != 0)
        jpeg.append(char(0xFF >> (bits % 8)));  // pad the last byte with 1 bits
    jpeg += QByteArray("\xFF\xD9", 2);
    return jpeg;
}

// ---------------------------------------------------------------- MP4 boxes

namespace {

void putBe32(QByteArray& bytes, qsizetype at, qint32 value)
{
    bytes[at] = char(quint32(value) >> 24);
    bytes[at + 1] = char((quint32(value) >> 16) & 0xFF);
    bytes[at + 2] = char((quint32(value) >> 8) & 0xFF);
    bytes[at + 3] = char(quint32(value) & 0xFF);
}

}  // namespace

bool setMp4Rotation(QByteArray& mp4, int clockwiseDegrees)
{
    // ISO/IEC 14496-12 tkhd: version(1) flags(3), creation/modification (4+4 or 8+8), track_ID(4), reserved(4),
    // duration (4 or 8), reserved(8), layer(2), alternate_group(2), volume(2), reserved(2), matrix(9 x 4).
    // The matrix {a, b, u, c, d, v, x, y, w} maps (p, q) to (a·p + c·q + x, b·p + d·q + y).
    qint32 a = 0x10000, b = 0, c = 0, d = 0x10000;
    switch (clockwiseDegrees) {
    case 90: a = 0; b = 0x10000; c = -0x10000; d = 0; break;
    case 180: a = -0x10000; d = -0x10000; break;
    case 270: a = 0; b = -0x10000; c = 0x10000; d = 0; break;
    default: break;
    }
    bool found = false;
    for (qsizetype at = mp4.indexOf("tkhd"); at >= 0; at = mp4.indexOf("tkhd", at + 4)) {
        const int version = quint8(mp4.at(at + 4));
        const qsizetype matrix = at + 4 + 4 + (version == 1 ? 16 : 8) + 4 + 4 + (version == 1 ? 8 : 4) + 8 + 8;
        if (matrix + 36 > mp4.size())
            break;
        putBe32(mp4, matrix, a);
        putBe32(mp4, matrix + 4, b);
        putBe32(mp4, matrix + 12, c);
        putBe32(mp4, matrix + 16, d);
        found = true;
    }
    return found;
}

bool setMp4MovieDuration(QByteArray& mp4, quint32 ticks)
{
    const qsizetype at = mp4.indexOf("mvhd");
    if (at < 0 || quint8(mp4.at(at + 4)) != 0)
        return false;  // version 1 headers have 64-bit fields; ffmpeg writes version 0 for short files
    putBe32(mp4, at + 4 + 4 + 4 + 4 + 4, qint32(ticks));  // version/flags, creation, modification, timescale
    return true;
}

// ---------------------------------------------------------------- processes

bool ffmpegAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty();
}

ProcessResult runProcess(const QString& program, const QStringList& arguments, const QStringList& unsetVariables,
                         int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : unsetVariables)
        environment.remove(name);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return result;
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool runFfmpeg(const QStringList& arguments, QString* log)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        *log = QStringLiteral("ffmpeg is not installed (scripts/setup installs it)");
        return false;
    }
    const ProcessResult result = runProcess(
        ffmpeg, QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                            QStringLiteral("-nostdin"), QStringLiteral("-y")} + arguments,
        {}, 60000);
    if (!result.finished || result.exitCode != 0) {
        *log = QStringLiteral("ffmpeg %1 failed: %2").arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(result.err));
        return false;
    }
    return true;
}

}  // namespace fixtures
