// test_bad_input.cpp: files that are not what they claim or not files at all: missing, folders, zero bytes,
// too large (sparse 9 GiB file, per-kind limits), unknown binary, archives, mislabelled content (a PNG named
// .pdf), content sniffing, and the JSON form of failures.
#include "app/importers/content_sniffer.h"
#include "app/importers/importer.h"

#include "fixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace lectern::app;

class TestBadInput : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

private slots:
    void missingFile()
    {
        const ImportedDocument doc = Importer::importFile(m_folder.path(QStringLiteral("nope.pdf")), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::FileNotFound);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("does not exist")));
        QCOMPARE(doc.status(), ImportStatus::Failed);
    }

    void folder()
    {
        const ImportedDocument doc = Importer::importFile(m_folder.dir(), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::NotAFile);
    }

    void zeroBytes_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"empty.pdf", "empty.png", "empty.mp4", "empty.txt"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void zeroBytes()
    {
        QFETCH(QString, name);
        const ImportedDocument doc = Importer::importFile(m_folder.write(name, QByteArray()), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::EmptyFile);
        QCOMPARE(doc.errorMessage, QStringLiteral("The file is empty (0 bytes)."));
    }

    void hugeSparseFile()
    {
        // 9 GiB without using the disk: refused from its size before a byte is read.
        const QString path = m_folder.path(QStringLiteral("huge.mp4"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(qint64(9) << 30));
        file.close();
        QElapsedTimer timer;
        timer.start();
        const ImportedDocument doc = Importer::importFile(path, ImportOptions());
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(doc.errorCode, ImportErrorCode::FileTooLarge);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("up to")), qPrintable(doc.errorMessage));
        QFile::remove(path);
    }

    void perKindSizeLimit()
    {
        ImportOptions options;
        options.limits.maxImageBytes = 100;
        const QByteArray png = fixtures::encodeImage(fixtures::twoColourImage(64, 64, Qt::red, Qt::green), "png");
        QVERIFY(png.size() > 100);
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("limit.png"), png), options);
        QCOMPARE(doc.errorCode, ImportErrorCode::FileTooLarge);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("images up to")), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Image);
    }

    void mislabelledPngNamedPdf()
    {
        const QByteArray png = fixtures::encodeImage(fixtures::twoColourImage(40, 30, Qt::red, Qt::green), "png");
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("invoice.pdf"), png), ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Image);
        QCOMPARE(doc.metadata.mimeType, QStringLiteral("image/png"));
        QCOMPARE(doc.metadata.dimensions, QSize(40, 30));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY2(doc.warnings.first().contains(QStringLiteral(".pdf")) && doc.warnings.first().contains(QStringLiteral("PNG")),
                 qPrintable(doc.warnings.first()));
    }

    void mislabelledPdfNamedJpg()
    {
        const QByteArray pdf = fixtures::makePdf({fixtures::pdfText(72, 700, 12, "Really a PDF document after all.")});
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("photo.jpg"), pdf), ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Pdf);
        QCOMPARE(doc.warnings.size(), 1);
    }

    void textNamedPng()
    {
        const ImportedDocument doc = Importer::importFile(
            m_folder.write(QStringLiteral("notes.png"), QByteArray("just some notes\n")), ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Text);
        QCOMPARE(doc.warnings.size(), 1);
    }

    void unknownBinary()
    {
        QByteArray binary;
        quint32 state = 99;
        for (int i = 0; i < 4096; ++i) {
            state = state * 1664525u + 1013904223u;
            binary.append(char(state >> 24));
        }
        binary[10] = '\0';
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("blob.txt"), binary), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::UnsupportedType);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("not supported")));
    }

    void zipArchive()
    {
        // A ZIP local file header ("PK\3\4") with a stored empty entry.
        QByteArray zip("PK\x03\x04\x0A\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x05\0\0\0hello", 35);
        zip += QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0');
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("archive.pdf"), zip), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::UnsupportedType);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("Zip"), Qt::CaseInsensitive), qPrintable(doc.errorMessage));
    }

    void sniffing_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("format");
        QTest::newRow("pdf after junk") << QByteArray("\r\n\r\n%PDF-1.5\n") << QStringLiteral("a.bin") << int(DocumentKind::Pdf) << QStringLiteral("pdf");
        QTest::newRow("gif") << QByteArray("GIF89a\x01\0\x01\0") << QStringLiteral("x") << int(DocumentKind::Image) << QStringLiteral("gif");
        QTest::newRow("tiff be") << QByteArray("MM\0*\0\0\0\x08", 8) << QStringLiteral("x") << int(DocumentKind::Image) << QStringLiteral("tiff");
        QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << QStringLiteral("x") << int(DocumentKind::Image) << QStringLiteral("webp");
        QTest::newRow("BM text is text") << QByteArray("BMW and Audi are car makers.\n") << QStringLiteral("cars.txt") << int(DocumentKind::Text) << QStringLiteral("plain");
        QTest::newRow("markdown by name") << QByteArray("# hi\n") << QStringLiteral("x.md") << int(DocumentKind::Text) << QStringLiteral("markdown");
        QTest::newRow("json by name") << QByteArray("{}") << QStringLiteral("x.json") << int(DocumentKind::Text) << QStringLiteral("json");
        QTest::newRow("utf16 bom") << QByteArray("\xFF\xFEh\0i\0", 6) << QStringLiteral("x") << int(DocumentKind::Text) << QStringLiteral("plain");
        QTest::newRow("nul is binary") << QByteArray("abc\0def", 7) << QStringLiteral("x.txt") << int(DocumentKind::Unknown) << QString();
    }

    void sniffing()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, fileName);
        QFETCH(int, kind);
        QFETCH(QString, format);
        const SniffResult result = ContentSniffer::sniff(head, fileName);
        QCOMPARE(int(result.kind), kind);
        QCOMPARE(result.format, format);
    }

    void failureJson()
    {
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("z.png"), QByteArray()), ImportOptions());
        const QJsonObject json = doc.toJson();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("empty-file"));
        QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
                 doc.errorMessage);
        QVERIFY(json.value(QStringLiteral("pages")).toArray().isEmpty());
        // Failures never round-trip through the cache form.
        QVERIFY(!ImportedDocument::fromJson(doc.toJson(ImportedDocument::JsonDetail::Full)).has_value());
    }
};

QTEST_MAIN(TestBadInput)
#include "test_bad_input.moc"
