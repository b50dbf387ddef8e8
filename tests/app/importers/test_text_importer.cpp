// test_text_importer.cpp: text files through the whole import pipeline: encodings (UTF-8, UTF-16/32 with BOM,
// Latin-1 fallback), Markdown/CSV/JSON/HTML flavours, HTML stripping and entity decoding, token estimates.
#include "app/importers/html_text.h"
#include "app/importers/importer.h"
#include "app/importers/text_importer.h"

#include "fixtures.h"

#include <QStringEncoder>
#include <QTest>

using namespace lectern::app;

class TestTextImporter : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

    ImportedDocument importBytes(const QString& name, const QByteArray& bytes, const ImportOptions& options = {})
    {
        return Importer::importFile(m_folder.write(name, bytes), options);
    }

private slots:
    void utf8()
    {
        const QString text = QStringLiteral("Grüße, 世界 ✓ — naïve café");
        const ImportedDocument doc = importBytes(QStringLiteral("note.txt"), text.toUtf8());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Text);
        QCOMPARE(doc.metadata.textEncoding, QStringLiteral("UTF-8"));
        QCOMPARE(doc.metadata.format, QStringLiteral("plain"));
        QCOMPARE(doc.text(), text);
        QVERIFY(doc.warnings.isEmpty());
        QCOMPARE(doc.pages.size(), 1);
        QVERIFY(!doc.pages.first().imagePage);
        QVERIFY(!doc.images);
    }

    void utf8WithBom()
    {
        const ImportedDocument doc = importBytes(QStringLiteral("bom.txt"), QByteArray("\xEF\xBB\xBFhello"));
        QCOMPARE(doc.metadata.textEncoding, QStringLiteral("UTF-8"));
        QCOMPARE(doc.text(), QStringLiteral("hello"));
    }

    void utf16WithBom_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QString>("name");
        QTest::newRow("LE") << int(QStringConverter::Utf16LE) << QStringLiteral("UTF-16LE");
        QTest::newRow("BE") << int(QStringConverter::Utf16BE) << QStringLiteral("UTF-16BE");
        QTest::newRow("32LE") << int(QStringConverter::Utf32LE) << QStringLiteral("UTF-32LE");
    }

    void utf16WithBom()
    {
        QFETCH(int, encoding);
        QFETCH(QString, name);
        const QString text = QStringLiteral("Zürich 東京 𝄞 line two");
        QStringEncoder encoder(QStringConverter::Encoding(encoding), QStringConverter::Flag::WriteBom);
        const QByteArray bytes = encoder.encode(text);
        const ImportedDocument doc = importBytes(QStringLiteral("utf16-%1.txt").arg(name), bytes);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Text);
        QCOMPARE(doc.metadata.textEncoding, name);
        QCOMPARE(doc.text(), text);
    }

    void latin1Fallback()
    {
        // "café crème" in Latin-1: 0xE9 and 0xE8 are not valid UTF-8 on their own.
        const ImportedDocument doc = importBytes(QStringLiteral("latin1.txt"), QByteArray("caf\xE9 cr\xE8me"));
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.textEncoding, QStringLiteral("ISO-8859-1"));
        QCOMPARE(doc.text(), QStringLiteral("café crème"));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY(doc.warnings.first().contains(QStringLiteral("Latin-1")));
    }

    void truncatedUtf8IsNotUtf8()
    {
        // A UTF-8 sequence cut in the middle ("é" = C3 A9, only C3 left) falls back to Latin-1 instead of
        // silently dropping the byte.
        const ImportedDocument doc = importBytes(QStringLiteral("cut.txt"), QByteArray("abc \xC3"));
        QCOMPARE(doc.metadata.textEncoding, QStringLiteral("ISO-8859-1"));
        QCOMPARE(doc.text(), QStringLiteral("abc Ã"));
    }

    void crlfBecomesLf()
    {
        const ImportedDocument doc = importBytes(QStringLiteral("dos.txt"), QByteArray("one\r\ntwo\r\n"));
        QCOMPARE(doc.text(), QStringLiteral("one\ntwo\n"));
    }

    void markdownAndCsvKeepTheirText()
    {
        const QByteArray markdown("# Title\n\n* item **bold**\n");
        ImportedDocument doc = importBytes(QStringLiteral("readme.md"), markdown);
        QCOMPARE(doc.metadata.format, QStringLiteral("markdown"));
        QCOMPARE(doc.text(), QString::fromUtf8(markdown));
        const QByteArray csv("name,amount\n\"Smith, J\",12.50\n");
        doc = importBytes(QStringLiteral("table.csv"), csv);
        QCOMPARE(doc.metadata.format, QStringLiteral("csv"));
        QCOMPARE(doc.text(), QString::fromUtf8(csv));
    }

    void json()
    {
        ImportedDocument doc = importBytes(QStringLiteral("ok.json"), QByteArray("{\"a\": [1, 2, {\"b\": null}]}"));
        QCOMPARE(doc.metadata.format, QStringLiteral("json"));
        QVERIFY(doc.warnings.isEmpty());
        doc = importBytes(QStringLiteral("bad.json"), QByteArray("{\"a\": [1, 2,"));
        QVERIFY(doc.ok());
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY(doc.warnings.first().contains(QStringLiteral("not valid JSON")));
        QCOMPARE(doc.text(), QStringLiteral("{\"a\": [1, 2,"));
    }

    void htmlIsStripped()
    {
        const QByteArray html(
            "<!DOCTYPE html><html><head><title>Caf&eacute; &amp; Co</title>"
            "<style>body { color: red; } .secret { display: none }</style>"
            "<script>var hidden = 'SCRIPT TEXT';</script></head>"
            "<body><h1>Menu</h1><p>Tea &amp; cake &lt;3 &euro;5 &#8364;6 &#x41;</p>"
            "<SCRIPT type=\"text/javascript\">document.write('MORE SCRIPT')</SCRIPT>"
            "<p>caf&eacute;&nbsp;au&nbsp;lait</p><img src=\"x.png\"></body></html>");
        const ImportedDocument doc = importBytes(QStringLiteral("page.html"), html);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.format, QStringLiteral("html"));
        QCOMPARE(doc.metadata.title, QStringLiteral("Café & Co"));
        const QString text = doc.text();
        QVERIFY2(text.contains(QStringLiteral("Menu")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Tea & cake <3 €5 €6 A")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("café au lait")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("SCRIPT")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("color")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('<') + QStringLiteral("p")), qPrintable(text));
        QVERIFY2(!text.contains(QChar::ObjectReplacementCharacter), qPrintable(text));
    }

    void htmlWithoutQtGui()
    {
        // The converter used when no QGuiApplication exists: same visible text for the common constructs.
        const QString html = QStringLiteral(
            "<html><head><title>x</title><style>p{}</style></head><body><!-- note -->"
            "<h1>Menu</h1><p>Tea &amp; cake &lt;3 &euro;5 &#8364;6 &#x41; &eacute;&Uuml;&unknown;</p>"
            "<script>var s = '<p>no</p>';</script><ul><li>one</li><li>two</li></ul>"
            "<table><tr><td>a</td><td>b</td></tr></table>caf&eacute;&nbsp;au&nbsp;lait</body></html>");
        const QString text = HtmlText::toPlainText(html);
        QCOMPARE(text, QStringLiteral("Menu\nTea & cake <3 €5 €6 A éÜ&unknown;\none\ntwo\na b\ncafé au lait"));
        QCOMPARE(HtmlText::decodeEntities(QStringLiteral("&#0; &#x110000; &#xD800; &amp &lt;")),
                 QStringLiteral("\uFFFD \uFFFD \uFFFD &amp <"));
    }

    void htmlRegressions()
    {
        // Found by fuzz_text: crashed QTextDocumentFragment::fromHtml under a QCoreApplication.
        const QString crash = QString::fromLatin1("Z;\0\0tlhm<Tt</title><", 20);
        QString title;
        const QString visible = QString::fromLatin1("Z;\0\0tlhm", 8);  // "<Tt</title><" is all markup
        QCOMPARE(TextImporter::htmlToText(crash, &title), visible);
        QCOMPARE(HtmlText::toPlainText(crash), visible);
        // Unterminated comment, tag and script: the rest of the document is markup.
        QCOMPARE(HtmlText::toPlainText(QStringLiteral("a<!-- b")), QStringLiteral("a"));
        QCOMPARE(HtmlText::toPlainText(QStringLiteral("a<b")), QStringLiteral("a"));
        QCOMPARE(HtmlText::toPlainText(QStringLiteral("a<script>b")), QStringLiteral("a"));
    }

    void htmlDetectedByContent()
    {
        // No .html suffix: the content says HTML.
        const ImportedDocument doc = importBytes(
            QStringLiteral("download"), QByteArray("<!DOCTYPE html>\n<html><body><p>Hi &amp; bye</p></body></html>"));
        QCOMPARE(doc.metadata.format, QStringLiteral("html"));
        QCOMPARE(doc.text(), QStringLiteral("Hi & bye"));
    }

    void unclosedScriptsStayLinear()
    {
        // 200k unclosed "<script>" tags: a backtracking pattern would take minutes; the scan is linear.
        QByteArray html("<html><body><p>before</p>");
        for (int i = 0; i < 200000; ++i)
            html += "<script>x";
        QElapsedTimer timer;
        timer.start();
        const ImportedDocument doc = importBytes(QStringLiteral("scripts.html"), html);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(doc.ok());
        QCOMPARE(doc.text(), QStringLiteral("before"));
    }

    void htmlSizeLimit()
    {
        ImportOptions options;
        options.limits.maxHtmlBytes = 100;
        const ImportedDocument doc = importBytes(QStringLiteral("big.html"),
                                                 "<html><body>" + QByteArray(200, 'x') + "</body></html>", options);
        QCOMPARE(doc.errorCode, ImportErrorCode::FileTooLarge);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("HTML")));
    }

    void emptyTextWarns()
    {
        const ImportedDocument doc = importBytes(QStringLiteral("blank.txt"), QByteArray("   \n\n  "));
        QVERIFY(doc.ok());
        QVERIFY(doc.warnings.contains(QStringLiteral("The file contains no text.")));
        QCOMPARE(doc.tokens.textTokens, qint64(2));  // 7 ASCII bytes / 3.6 → 2
    }

    void tokenEstimate()
    {
        // 36 ASCII bytes → 10 tokens; 4 CJK code points → 4; one emoji (a surrogate pair) → 1.
        const QString text = QString(36, QLatin1Char('a')) + QStringLiteral("東京大学") + QStringLiteral("😀");
        const ImportedDocument doc = importBytes(QStringLiteral("tokens.txt"), text.toUtf8());
        QCOMPARE(doc.tokens.textTokens, qint64(15));
        QCOMPARE(doc.tokens.imageTokens, qint64(0));
        QCOMPARE(doc.tokens.total(), qint64(15));
        QVERIFY(doc.tokens.textEstimator.startsWith(QStringLiteral("heuristic")));
    }
};

QTEST_MAIN(TestTextImporter)
#include "test_text_importer.moc"
