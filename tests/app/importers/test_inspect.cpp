// test_inspect.cpp: `lectern inspect FILE...` end to end: runs the real lectern binary with no display
// (QT_QPA_PLATFORM, DISPLAY and WAYLAND_DISPLAY removed) on generated files and checks its JSON and exit codes.
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QStringList kNoDisplay{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY")};

fixtures::ProcessResult inspect(const QStringList& arguments)
{
    return fixtures::runProcess(QStringLiteral(LECTERN_APP_PATH), QStringList{QStringLiteral("inspect")} + arguments,
                                kNoDisplay, 60000);
}

QJsonArray parseArray(const fixtures::ProcessResult& result)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError || !json.isArray())
        qWarning("stdout is not a JSON array (%s):\n%s\nstderr:\n%s", qPrintable(error.errorString()),
                 result.out.constData(), result.err.constData());
    return json.array();
}

}  // namespace

class TestInspect : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(LECTERN_APP_PATH)), LECTERN_APP_PATH " is not built");
        QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY") || true);  // the child gets no display either way
    }

    void inspectsEveryKindWithoutADisplay()
    {
        const QString pdf = m_folder.write(
            QStringLiteral("report.pdf"),
            fixtures::makePdf({fixtures::pdfText(72, 700, 12, "First page of the quarterly report text."),
                               fixtures::pdfRect(100, 100, 200, 200, 1, 0, 0)},
                              "Report", "Grace Hopper"));
        const QString png = m_folder.write(QStringLiteral("photo.png"),
                                           fixtures::encodeImage(fixtures::twoColourImage(1920, 1080, Qt::red, Qt::blue), "png"));
        const QString text = m_folder.write(QStringLiteral("notes.md"), QByteArray("# Notes\n\nRemember the milk.\n"));
        QStringList files{pdf, png, text};
        QString log;
        const QString video = m_folder.path(QStringLiteral("clip.webm"));
        QVERIFY2(fixtures::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                      QStringLiteral("testsrc=size=64x48:rate=10:duration=3"), QStringLiteral("-c:v"),
                                      QStringLiteral("libvpx-vp9"), QStringLiteral("-deadline"), QStringLiteral("realtime"),
                                      video},
                                     &log),
                 qPrintable(log));
        files.append(video);

        const fixtures::ProcessResult result = inspect(files);
        QVERIFY2(result.finished, "lectern inspect did not finish");
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray array = parseArray(result);
        QCOMPARE(array.size(), 4);

        const QJsonObject pdfJson = array.at(0).toObject();
        QCOMPARE(pdfJson.value(QStringLiteral("kind")).toString(), QStringLiteral("pdf"));
        QCOMPARE(pdfJson.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(pdfJson.value(QStringLiteral("file")).toString(), pdf);
        const QJsonObject pdfMeta = pdfJson.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(pdfMeta.value(QStringLiteral("title")).toString(), QStringLiteral("Report"));
        QCOMPARE(pdfMeta.value(QStringLiteral("author")).toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(pdfMeta.value(QStringLiteral("pageCount")).toInt(), 2);
        const QJsonArray pages = pdfJson.value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(1).toObject().value(QStringLiteral("imagePage")).toBool(), true);
        QCOMPARE(pdfJson.value(QStringLiteral("textLength")).toInt(), 40);
        const QJsonObject pdfTokens = pdfJson.value(QStringLiteral("tokens")).toObject();
        QCOMPARE(pdfTokens.value(QStringLiteral("image")).toInt(), 1312);  // one Letter page at 120 dpi
        QCOMPARE(pdfTokens.value(QStringLiteral("text")).toInt(), 12);     // 40 ASCII characters / 3.6
        QCOMPARE(pdfJson.value(QStringLiteral("sha256")).toString().size(), 64);

        // qwen35.md §7.2: 1920 x 1080 → 1920 x 1088 → 2040 tokens.
        const QJsonObject pngJson = array.at(1).toObject();
        QCOMPARE(pngJson.value(QStringLiteral("kind")).toString(), QStringLiteral("image"));
        QCOMPARE(pngJson.value(QStringLiteral("tokens")).toObject().value(QStringLiteral("image")).toInt(), 2040);
        const QJsonObject resized = pngJson.value(QStringLiteral("tokens")).toObject().value(QStringLiteral("visionInputs"))
                                        .toArray().at(0).toObject().value(QStringLiteral("resizedSize")).toObject();
        QCOMPARE(resized.value(QStringLiteral("width")).toInt(), 1920);
        QCOMPARE(resized.value(QStringLiteral("height")).toInt(), 1088);

        const QJsonObject textJson = array.at(2).toObject();
        QCOMPARE(textJson.value(QStringLiteral("kind")).toString(), QStringLiteral("text"));
        QCOMPARE(textJson.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("format")).toString(),
                 QStringLiteral("markdown"));
        QCOMPARE(textJson.value(QStringLiteral("textPreview")).toString(), QStringLiteral("# Notes\n\nRemember the milk.\n"));

        const QJsonObject videoJson = array.at(3).toObject();
        QCOMPARE(videoJson.value(QStringLiteral("kind")).toString(), QStringLiteral("video"));
        QCOMPARE(videoJson.value(QStringLiteral("frames")).toArray().size(), 6);
        QCOMPARE(videoJson.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("codec")).toString(),
                 QStringLiteral("vp9"));
        QCOMPARE(videoJson.value(QStringLiteral("tokens")).toObject().value(QStringLiteral("image")).toInt(), 12);
    }

    void htmlThroughQtGuiOffscreen()
    {
        // HTML goes through QTextDocument, which needs a QGuiApplication: inspect makes one on the offscreen
        // platform, so this works with no display. <tt> once crashed QTextDocument under a QCoreApplication.
        const QString html = m_folder.write(QStringLiteral("page.html"),
                                            QByteArray("<html><head><title>A &amp; B</title></head><body><p>Hi "
                                                       "<tt>code</tt> &amp; <font face=\"Courier\">more</font></p>"
                                                       "<Tt</title><</body></html>"));
        const fixtures::ProcessResult result = inspect({html});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject json = parseArray(result).at(0).toObject();
        QCOMPARE(json.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("A & B"));
        QVERIFY2(json.value(QStringLiteral("textPreview")).toString().startsWith(QStringLiteral("Hi code & more")),
                 qPrintable(json.value(QStringLiteral("textPreview")).toString()));
    }

    void failuresAreReportedAndExitOne()
    {
        const QString ok = m_folder.write(QStringLiteral("ok.txt"), QByteArray("fine"));
        const QString empty = m_folder.write(QStringLiteral("empty.pdf"), QByteArray());
        const QString bomb = m_folder.write(QStringLiteral("bomb.png"), fixtures::pngBomb(60000, 60000));
        const QString missing = m_folder.path(QStringLiteral("missing.mp4"));
        const fixtures::ProcessResult result = inspect({ok, empty, bomb, missing});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 1);
        const QJsonArray array = parseArray(result);
        QCOMPARE(array.size(), 4);
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const QStringList codes{QStringLiteral("empty-file"), QStringLiteral("dimensions-too-large"),
                                QStringLiteral("file-not-found")};
        for (int i = 1; i < 4; ++i) {
            const QJsonObject error = array.at(i).toObject().value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toString(), codes.at(i - 1));
            QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        }
    }

    void optionsPagesTextAndPassword()
    {
        const QString plain = m_folder.write(
            QStringLiteral("three.pdf"),
            fixtures::makePdf({fixtures::pdfText(72, 700, 12, "Alpha page has enough words."),
                               fixtures::pdfText(72, 700, 12, "Bravo page has enough words."),
                               fixtures::pdfText(72, 700, 12, "Charlie page has enough words.")}));
        fixtures::ProcessResult result = inspect({QStringLiteral("--pages=2-3"), QStringLiteral("--text"), plain});
        QCOMPARE(result.exitCode, 0);
        QJsonArray pages = parseArray(result).at(0).toObject().value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(0).toObject().value(QStringLiteral("number")).toInt(), 2);
        QCOMPARE(pages.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Bravo page has enough words."));

        QString error;
        const QString locked = fixtures::encryptPdf(plain, m_folder.path(QStringLiteral("locked.pdf")),
                                                    QStringLiteral("sesame"), QStringLiteral("owner"), &error);
        QVERIFY2(!locked.isEmpty(), qPrintable(error));
        result = inspect({locked});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(parseArray(result).at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("needs-password"));
        result = inspect({QStringLiteral("--password=sesame"), locked});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(parseArray(result).at(0).toObject().value(QStringLiteral("metadata")).toObject()
                     .value(QStringLiteral("encrypted")).toBool(), true);
    }

    void usageErrors()
    {
        fixtures::ProcessResult result = inspect({});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("Usage: lectern inspect"));
        QVERIFY(result.out.isEmpty());
        result = inspect({QStringLiteral("--frobnicate"), QStringLiteral("x.pdf")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--frobnicate"));
        result = inspect({QStringLiteral("--dpi=abc"), QStringLiteral("x.pdf")});
        QCOMPARE(result.exitCode, 2);
        result = inspect({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("--pages=RANGE"));
    }
};

QTEST_GUILESS_MAIN(TestInspect)
#include "test_inspect.moc"
