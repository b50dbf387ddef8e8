// test_pdf_importer.cpp: PDFs through Poppler: per-page text, reading order across columns, pages without a
// text layer, page ranges and the page cap, title/author, rendering, passwords (qpdf-encrypted fixtures),
// damaged files, and a PDF from a real producer (QPdfWriter).
#include "app/importers/importer.h"
#include "app/importers/import_cache.h"
#include "app/importers/pdf_importer.h"

#include "fixtures.h"

#include <QDir>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

using namespace lectern::app;

namespace {

QList<QByteArray> numberedPages(int count)
{
    QList<QByteArray> pages;
    for (int i = 1; i <= count; ++i)
        pages.append(fixtures::pdfText(72, 700, 14, "This is page number " + QByteArray::number(i) + " of the report."));
    return pages;
}

}  // namespace

class TestPdfImporter : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

    ImportedDocument importBytes(const QString& name, const QByteArray& bytes, const ImportOptions& options = {})
    {
        return Importer::importFile(m_folder.write(name, bytes), options);
    }

private slots:
    void textPerPageAndMetadata()
    {
        const QByteArray pdf = fixtures::makePdf(numberedPages(3), "Quarterly Report", "Ada Lovelace");
        const ImportedDocument doc = importBytes(QStringLiteral("report.pdf"), pdf);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Pdf);
        QCOMPARE(doc.metadata.mimeType, QStringLiteral("application/pdf"));
        QCOMPARE(doc.metadata.title, QStringLiteral("Quarterly Report"));
        QCOMPARE(doc.metadata.author, QStringLiteral("Ada Lovelace"));
        QCOMPARE(doc.metadata.pageCount, 3);
        QVERIFY(!doc.metadata.encrypted);
        QCOMPARE(doc.pages.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(doc.pages.at(i).number, i + 1);
            QVERIFY(!doc.pages.at(i).imagePage);
            QCOMPARE(doc.pages.at(i).text, QStringLiteral("This is page number %1 of the report.").arg(i + 1));
        }
        QVERIFY(doc.warnings.isEmpty());
        QCOMPARE(doc.tokens.imageTokens, qint64(0));
        QVERIFY(doc.tokens.textTokens > 0);
        QCOMPARE(doc.tokens.textTokens, defaultTextTokenEstimator()->countTokens(doc.pages.at(0).text) * 3);
    }

    void readingOrderAcrossColumns()
    {
        // The content stream draws the right column first; reading order is left column, then right.
        QByteArray page;
        for (int line = 0; line < 6; ++line)
            page += fixtures::pdfText(330, 700 - 16 * line, 11, "Right column line " + QByteArray::number(line + 1));
        for (int line = 0; line < 6; ++line)
            page += fixtures::pdfText(72, 700 - 16 * line, 11, "Left column line " + QByteArray::number(line + 1));
        const ImportedDocument doc = importBytes(QStringLiteral("columns.pdf"), fixtures::makePdf({page}));
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        const QString text = doc.pages.first().text;
        const qsizetype leftLast = text.indexOf(QStringLiteral("Left column line 6"));
        const qsizetype rightFirst = text.indexOf(QStringLiteral("Right column line 1"));
        QVERIFY2(leftLast >= 0 && rightFirst >= 0, qPrintable(text));
        QVERIFY2(leftLast < rightFirst, qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("Left column line 1")) < text.indexOf(QStringLiteral("Left column line 2")),
                 qPrintable(text));
    }

    void pagesWithoutTextBecomeImages()
    {
        QList<QByteArray> pages;
        pages.append(fixtures::pdfText(72, 700, 12, "A page with a proper text layer on it."));
        pages.append(fixtures::pdfRect(100, 100, 300, 400, 0, 0, 1));  // a figure, no text
        pages.append(fixtures::pdfRect(100, 100, 300, 400, 1, 0, 0) + fixtures::pdfText(72, 50, 10, "Fig. 2"));
        const ImportedDocument doc = importBytes(QStringLiteral("figures.pdf"), fixtures::makePdf(pages));
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.pages.size(), 3);
        QVERIFY(!doc.pages.at(0).imagePage);
        QVERIFY(doc.pages.at(1).imagePage);
        QVERIFY(doc.pages.at(2).imagePage);  // 5 printable characters is not a text layer
        QVERIFY(doc.pages.at(1).text.isEmpty());
        // Letter at 120 dpi = 1020 x 1320 → smart_resize 1024 x 1312 → 1312 tokens per image page.
        QCOMPARE(doc.pages.at(1).imageSize, QSize(1020, 1320));
        QCOMPARE(doc.tokens.visionInputs.size(), 2);
        QCOMPARE(doc.tokens.visionInputs.first().resizedSize, QSize(1024, 1312));
        QCOMPARE(doc.tokens.imageTokens, qint64(2 * 1312));
        QCOMPARE(doc.tokens.overheadTokens, qint64(4));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY2(doc.warnings.first().contains(QStringLiteral("2, 3")), qPrintable(doc.warnings.first()));
        QCOMPARE(doc.text(), QStringLiteral("A page with a proper text layer on it."));

        // Rendering: page 2 (index 1) at 120 dpi, blue where the rectangle is.
        QVERIFY(doc.images);
        QCOMPARE(doc.images->count(), 3);
        const QImage rendered = doc.images->image(1);
        QCOMPARE(rendered.size(), QSize(1020, 1320));
        // Rectangle from (100,100) to (400,500) points, PDF y up: at 120 dpi the centre (250, 300) pt is pixel
        // (416, 1320 − 500) = (416, 820).
        QCOMPARE(rendered.pixelColor(416, 820), QColor(Qt::blue));
        QCOMPARE(rendered.pixelColor(20, 20), QColor(Qt::white));
        const QImage small = doc.images->image(1, QSize(200, 200));
        QVERIFY(small.width() <= 200 && small.height() <= 200);
        QVERIFY(small.height() >= 190);
    }

    void usableTextHeuristic()
    {
        QVERIFY(PdfImporter::hasUsableText(QStringLiteral("Seventeen letters"), 16));  // 16 without the space
        QVERIFY(!PdfImporter::hasUsableText(QStringLiteral("  Fig. 2  \n "), 16));
        // Mostly replacement or private-use characters: a font without a Unicode map.
        QVERIFY(!PdfImporter::hasUsableText(QString(40, QChar::ReplacementCharacter) + QStringLiteral("abcdefghij"), 16));
        QVERIFY(!PdfImporter::hasUsableText(QString(40, QChar(0xE000)) + QStringLiteral("abcdefghijklmnopq"), 16));
        QVERIFY(PdfImporter::hasUsableText(QString(3, QChar::ReplacementCharacter) + QStringLiteral("abcdefghijklmnopq"), 16));
    }

    void pageRanges()
    {
        const QString path = m_folder.write(QStringLiteral("ten.pdf"), fixtures::makePdf(numberedPages(10)));
        ImportOptions options;
        options.pageRange = QStringLiteral("2-3, 9-");
        ImportedDocument doc = Importer::importFile(path, options);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.pageCount, 10);
        QList<int> numbers;
        for (const DocumentPage& page : doc.pages)
            numbers.append(page.number);
        QCOMPARE(numbers, (QList<int>{2, 3, 9, 10}));
        QVERIFY(doc.pages.at(2).text.contains(QStringLiteral("page number 9")));
        QCOMPARE(doc.images->count(), 4);

        options.pageRange = QStringLiteral("8-12");
        doc = Importer::importFile(path, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::InvalidPageRange);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("only 10 page")), qPrintable(doc.errorMessage));
        options.pageRange = QStringLiteral("three");
        doc = Importer::importFile(path, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::InvalidPageRange);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("three")));
        options.pageRange = QStringLiteral("5-2");
        doc = Importer::importFile(path, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::InvalidPageRange);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("backwards")));
    }

    void pageCapForLargeDocuments()
    {
        ImportOptions options;
        options.limits.maxPdfPages = 4;
        const ImportedDocument doc = importBytes(QStringLiteral("long.pdf"), fixtures::makePdf(numberedPages(9)), options);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.pages.size(), 4);
        QCOMPARE(doc.pages.last().number, 4);
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY2(doc.warnings.first().contains(QStringLiteral("page range")), qPrintable(doc.warnings.first()));
    }

    void passwords()
    {
        const QString plain = m_folder.write(QStringLiteral("secret-plain.pdf"),
                                             fixtures::makePdf(numberedPages(2), "Secret"));
        QString error;
        const QString locked = fixtures::encryptPdf(plain, m_folder.path(QStringLiteral("secret.pdf")),
                                                    QStringLiteral("user-pw"), QStringLiteral("owner-pw"), &error);
        QVERIFY2(!locked.isEmpty(), qPrintable(error));

        ImportOptions options;
        ImportedDocument doc = Importer::importFile(locked, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::NeedsPassword);
        QCOMPARE(doc.status(), ImportStatus::NeedsPassword);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("password")));
        QVERIFY(doc.pages.isEmpty());

        options.password = "not-it";
        doc = Importer::importFile(locked, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::WrongPassword);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("not correct")));

        for (const QByteArray& password : {QByteArray("user-pw"), QByteArray("owner-pw")}) {
            options.password = password;
            doc = Importer::importFile(locked, options);
            QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
            QVERIFY(doc.metadata.encrypted);
            QCOMPARE(doc.pages.size(), 2);
            QVERIFY(doc.pages.at(1).text.contains(QStringLiteral("page number 2")));
            QCOMPARE(doc.metadata.title, QStringLiteral("Secret"));
            QVERIFY(!doc.images->image(0, QSize(100, 100)).isNull());  // the provider unlocks with it too
        }

        // Decrypted text never reaches the disk cache.
        const QString cacheDir = m_folder.path(QStringLiteral("cache"));
        ImportCache cache(cacheDir);
        options.password = "user-pw";
        doc = Importer::importFile(locked, options, ImportContext(), &cache);
        QVERIFY(doc.ok());
        QVERIFY(QDir(cacheDir).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty());
        options.password.clear();
        doc = Importer::importFile(locked, options, ImportContext(), &cache);
        QCOMPARE(doc.errorCode, ImportErrorCode::NeedsPassword);  // not answered from a cache either
    }

    void damagedFiles()
    {
        ImportedDocument doc = importBytes(QStringLiteral("garbage.pdf"), QByteArray("%PDF-1.7\n") + QByteArray(3000, '\x07'));
        QCOMPARE(doc.errorCode, ImportErrorCode::Corrupt);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("damaged")));

        // Truncated: the xref and half the page objects are gone; too little is left to rebuild the page tree.
        const QByteArray whole = fixtures::makePdf(numberedPages(4));
        doc = importBytes(QStringLiteral("truncated.pdf"), whole.left(whole.size() / 2));
        QCOMPARE(doc.errorCode, ImportErrorCode::Corrupt);
        QVERIFY(doc.pages.isEmpty());

        // A wrong startxref offset (the file was edited or concatenated): Poppler rebuilds the cross-reference
        // table by scanning the objects, and the document reads normally.
        QByteArray badOffset = whole;
        const qsizetype at = badOffset.lastIndexOf("startxref\n") + 10;
        badOffset.replace(at, badOffset.indexOf('\n', at) - at, "12");
        doc = importBytes(QStringLiteral("bad-xref.pdf"), badOffset);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.pages.size(), 4);

        doc = importBytes(QStringLiteral("empty-tree.pdf"), fixtures::makePdf({}));
        QCOMPARE(doc.errorCode, ImportErrorCode::NoContent);
        QCOMPARE(doc.errorMessage, QStringLiteral("The PDF has no pages."));
    }

    void realProducer()
    {
        // A PDF written by Qt's own PDF engine: embedded TrueType subset fonts, compressed streams.
        const QString path = m_folder.path(QStringLiteral("qt.pdf"));
        {
            QPdfWriter writer(path);
            writer.setTitle(QStringLiteral("Written by QPdfWriter"));
            writer.setResolution(72);
            QPainter painter(&writer);
            painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 14));
            painter.drawText(QPointF(72, 100), QStringLiteral("Ünïcödé text from Qt's PDF engine"));
            writer.newPage();
            painter.drawText(QPointF(72, 100), QStringLiteral("Second page here, also with enough text"));
        }
        const ImportedDocument doc = Importer::importFile(path, ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.title, QStringLiteral("Written by QPdfWriter"));
        QCOMPARE(doc.pages.size(), 2);
        QVERIFY2(doc.pages.at(0).text.contains(QStringLiteral("Ünïcödé text")), qPrintable(doc.pages.at(0).text));
        QVERIFY(doc.pages.at(1).text.contains(QStringLiteral("Second page")));
    }
};

QTEST_MAIN(TestPdfImporter)
#include "test_pdf_importer.moc"
