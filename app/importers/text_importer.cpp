// text_importer.cpp: encoding detection with QStringDecoder and flavour-specific checks (JSON validity, CSV
// shape, HTML to text through QTextDocumentFragment).
#include "app/importers/text_importer.h"

#include "app/importers/html_text.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>
#include <QTextDocumentFragment>

#include <cstring>

namespace lectern::app {

namespace {

bool startsWith(const QByteArray& bytes, const char* magic, qsizetype length)
{
    return bytes.size() >= length && std::memcmp(bytes.constData(), magic, size_t(length)) == 0;
}

QString decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes, bool* error)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    *error = decoder.hasError();
    return text;
}

}  // namespace

TextImporter::DecodedText TextImporter::decode(const QByteArray& bytes)
{
    struct Bom {
        const char* magic;
        qsizetype length;
        QStringConverter::Encoding encoding;
        const char* name;
    };
    // UTF-32LE's BOM starts with UTF-16LE's: test the longer one first.
    static const Bom boms[] = {
        {"\xFF\xFE\0\0", 4, QStringConverter::Utf32LE, "UTF-32LE"},
        {"\0\0\xFE\xFF", 4, QStringConverter::Utf32BE, "UTF-32BE"},
        {"\xEF\xBB\xBF", 3, QStringConverter::Utf8, "UTF-8"},
        {"\xFF\xFE", 2, QStringConverter::Utf16LE, "UTF-16LE"},
        {"\xFE\xFF", 2, QStringConverter::Utf16BE, "UTF-16BE"},
    };
    DecodedText result;
    for (const Bom& bom : boms) {
        if (startsWith(bytes, bom.magic, bom.length)) {
            bool error = false;
            result.text = decodeWith(bom.encoding, QByteArrayView(bytes).sliced(bom.length), &error);
            result.encoding = QLatin1String(bom.name);
            result.hadBom = true;
            return result;  // invalid sequences became U+FFFD; the BOM is still the best evidence
        }
    }
    bool error = false;
    result.text = decodeWith(QStringConverter::Utf8, bytes, &error);
    if (!error) {
        result.encoding = QStringLiteral("UTF-8");
        return result;
    }
    // Not UTF-8: Latin-1 maps every byte to a character, so it never fails (Windows-1252's extra characters in
    // 0x80-0x9F come out as C1 controls, which is the price of not guessing).
    result.text = QString::fromLatin1(bytes);
    result.encoding = QStringLiteral("ISO-8859-1");
    return result;
}

QString TextImporter::htmlToText(const QString& html, QString* title)
{
    // QTextDocument drops <head> and <style> content but keeps the text of <script>: cut scripts out first,
    // in one linear pass (a regular expression with a lazy .*? goes quadratic on many unclosed <script> tags).
    QString cleaned;
    cleaned.reserve(html.size());
    qsizetype from = 0;
    while (from < html.size()) {
        const qsizetype open = html.indexOf(QLatin1String("<script"), from, Qt::CaseInsensitive);
        if (open < 0) {
            cleaned.append(QStringView(html).mid(from));
            break;
        }
        const qsizetype after = open + 7;  // "<script" is 7 characters; "<scripts>" or "<scriptx" is no script
        if (after < html.size() && !html.at(after).isSpace() && html.at(after) != QLatin1Char('>')
            && html.at(after) != QLatin1Char('/')) {
            cleaned.append(QStringView(html).mid(from, after - from));
            from = after;
            continue;
        }
        cleaned.append(QStringView(html).mid(from, open - from));
        const qsizetype close = html.indexOf(QLatin1String("</script"), open, Qt::CaseInsensitive);
        if (close < 0)
            break;  // an unclosed script hides the rest of the document, as in a browser
        const qsizetype end = html.indexOf(QLatin1Char('>'), close);
        from = end < 0 ? html.size() : end + 1;
    }
    if (title) {
        title->clear();
        const qsizetype open = cleaned.indexOf(QLatin1String("<title"), 0, Qt::CaseInsensitive);
        const qsizetype openEnd = open < 0 ? -1 : cleaned.indexOf(QLatin1Char('>'), open);
        const qsizetype close = openEnd < 0 ? -1 : cleaned.indexOf(QLatin1String("</title"), openEnd, Qt::CaseInsensitive);
        if (close > openEnd) {
            const QString inner = cleaned.mid(openEnd + 1, std::min<qsizetype>(close - openEnd - 1, 4096));
            *title = HtmlText::toPlainText(inner).simplified();
        }
    }
    // QTextDocument needs QtGui's font database, which exists only with a QGuiApplication (without one, some
    // inputs crash inside Qt 6.4: found by fuzz_text). Anywhere else the small converter does the job.
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
        return HtmlText::toPlainText(cleaned);
    QString text = QTextDocumentFragment::fromHtml(cleaned).toPlainText();
    text.replace(QChar::Nbsp, QLatin1Char(' '));
    text.remove(QChar::ObjectReplacementCharacter);  // left by <img>
    return text.trimmed();
}

void TextImporter::import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context)
{
    context.report(0.0, tr("Reading text"));
    QFile file(doc.sourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        doc.fail(ImportErrorCode::Unreadable, tr("The file could not be read: %1").arg(file.errorString()));
        return;
    }
    // QIODevice::read(n) allocates n bytes up front: ask for no more than the file holds (plus one byte to
    // notice a file that grew past the limit since its size was checked).
    const qint64 wanted = std::min(file.size(), options.limits.maxTextBytes) + 1;
    const QByteArray bytes = file.read(wanted);
    if (bytes.size() > options.limits.maxTextBytes) {
        doc.fail(ImportErrorCode::FileTooLarge, tr("The text file grew past the size limit while it was read."));
        return;
    }
    DecodedText decoded = decode(bytes);
    doc.metadata.textEncoding = decoded.encoding;
    if (decoded.encoding == QLatin1String("ISO-8859-1"))
        doc.warnings.append(tr("The file is not valid UTF-8; it was read as Latin-1 (ISO-8859-1). If characters "
                               "look wrong, save it as UTF-8 and import it again."));
    if (decoded.text.contains(QChar::ReplacementCharacter) && decoded.hadBom)
        doc.warnings.append(tr("The file contains byte sequences that are invalid in %1; they were replaced.")
                                .arg(decoded.encoding));
    if (context.shouldStop())
        return;

    QString text = decoded.text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QString& format = doc.metadata.format;
    if (format == QLatin1String("html") && bytes.size() > options.limits.maxHtmlBytes) {
        doc.fail(ImportErrorCode::FileTooLarge,
                 tr("The HTML file is %1 MiB; Lectern reads HTML files up to %2 MiB. Save the page as plain text "
                    "to import it.").arg(bytes.size() >> 20).arg(options.limits.maxHtmlBytes >> 20));
        return;
    }
    if (format == QLatin1String("html")) {
        context.report(0.5, tr("Extracting text from HTML"));
        QString title;
        text = htmlToText(text, &title);
        doc.metadata.title = title;
    } else if (format == QLatin1String("json")) {
        QJsonParseError error;
        QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            doc.warnings.append(tr("The file is not valid JSON (%1 at character %2); it is used as plain text.")
                                    .arg(error.errorString())
                                    .arg(error.offset));
    }
    DocumentPage page;
    page.number = 1;
    page.text = text;
    doc.pages.append(page);
    doc.metadata.pageCount = 1;
    if (text.trimmed().isEmpty())
        doc.warnings.append(tr("The file contains no text."));
    context.report(1.0, tr("Text read"));
}

}  // namespace lectern::app
