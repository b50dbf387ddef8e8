// test_ui_attachments.cpp: AttachmentListModel on real files made here (PNG, PDF, text, a broken file), AppSettings'
// conversions, and the composer's attachment, thinking, context and settings controls in the real Main.qml.
#include <QAccessible>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <memory>

#include "app/app_info.h"
#include "ui/app_settings.h"
#include "ui/attachment_list_model.h"
#include "ui/main_window.h"

Q_IMPORT_QML_PLUGIN(LecternPlugin)

using lectern::ui::AttachmentListModel;

namespace {

QString writeImage(const QString& path, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, (x + y) % 256));
    return image.save(path) ? path : QString();
}

QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

// A two-page PDF with a paragraph of text on each page.
QString writePdf(const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(72);
    QPainter painter(&writer);
    QFont font = painter.font();
    font.setPointSize(12);
    painter.setFont(font);
    for (int page = 1; page <= 2; ++page) {
        if (page > 1)
            writer.newPage();
        painter.drawText(QRect(50, 50, 500, 400), Qt::TextWordWrap,
                         QStringLiteral("Page %1. The quarterly report shows revenue growing in every region, with "
                                        "the largest gains in the north.").arg(page));
    }
    painter.end();
    return path;
}

QVariant role(const AttachmentListModel& model, int row, const char* name)
{
    const QHash<int, QByteArray> roles = model.roleNames();
    return model.data(model.index(row), roles.key(name));
}

}  // namespace

class TestAttachments : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // A home of our own: no settings (so no model: the first-run screen shows), no import cache of the user's.
        for (const char* variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
            qputenv(variable, dir_.filePath(QLatin1String(variable)).toLocal8Bit());
        lectern::app::AppInfo::applyIdentity();
        png_ = writeImage(dir_.filePath(QStringLiteral("photo.png")), QSize(640, 480));
        bigPng_ = writeImage(dir_.filePath(QStringLiteral("big.png")), QSize(1280, 960));
        text_ = writeFile(dir_.filePath(QStringLiteral("notes.txt")), "Meeting notes: ship the beta on Friday.\n");
        broken_ = writeFile(dir_.filePath(QStringLiteral("broken.pdf")), "%PDF-1.7\nthis is not really a PDF\n");
        pdf_ = writePdf(dir_.filePath(QStringLiteral("report.pdf")));
        QVERIFY(!png_.isEmpty() && !bigPng_.isEmpty() && !text_.isEmpty() && !broken_.isEmpty());
        QVERIFY(QFileInfo(pdf_).size() > 0);
    }

    void importsChipsWithCountsTokensAndThumbnails()
    {
        AttachmentListModel model(QString(), nullptr);
        QSignalSpy countChanged(&model, &AttachmentListModel::countChanged);
        QCOMPARE(model.addFiles({png_, text_, broken_}), 3);
        QCOMPARE(model.count(), 3);
        QCOMPARE(countChanged.size(), 1);
        QVERIFY(model.importing());
        QCOMPARE(role(model, 0, "importState").toString(), QStringLiteral("importing"));
        QVERIFY(model.waitForImports(30000));

        // The PNG: 640 x 480 is already a multiple of 32, so 20 x 15 patches of 32 px = 300 vision tokens,
        // plus <|vision_start|> and <|vision_end|> (qwen35.md §7.2, §6.3).
        QCOMPARE(role(model, 0, "fileName").toString(), QStringLiteral("photo.png"));
        QCOMPARE(role(model, 0, "kind").toString(), QStringLiteral("image"));
        QCOMPARE(role(model, 0, "importState").toString(), QStringLiteral("ready"));
        QCOMPARE(role(model, 0, "countLabel").toString(), QStringLiteral("image"));
        QCOMPARE(role(model, 0, "tokens").toLongLong(), 302);
        const QString thumbnail = role(model, 0, "thumbnail").toString();
        QVERIFY2(thumbnail.startsWith(QStringLiteral("data:image/png;base64,")), qPrintable(thumbnail.left(40)));
        const QImage decoded = QImage::fromData(QByteArray::fromBase64(thumbnail.mid(22).toLatin1()), "PNG");
        QVERIFY(!decoded.isNull());
        QVERIFY(decoded.width() <= 96 && decoded.height() <= 96);
        QCOMPARE(decoded.width(), 96);  // 4:3 fitted into 96 x 96
        QCOMPARE(decoded.height(), 72);

        QCOMPARE(role(model, 1, "kind").toString(), QStringLiteral("text"));
        QVERIFY(role(model, 1, "tokens").toLongLong() > 0);
        QCOMPARE(role(model, 1, "thumbnail").toString(), QString());  // nothing to show for text

        // The broken file shows the importer's message, costs nothing and is not sent.
        QCOMPARE(role(model, 2, "importState").toString(), QStringLiteral("failed"));
        QVERIFY(!role(model, 2, "errorMessage").toString().isEmpty());
        QCOMPARE(role(model, 2, "tokens").toLongLong(), 0);
        QCOMPARE(model.readyCount(), 2);
        QCOMPARE(model.totalTokens(), 302 + role(model, 1, "tokens").toLongLong());

        // What ChatController.send gets: the ready documents, in order.
        const auto documents = AttachmentListModel::documentsFromVariant(model.documents());
        QCOMPARE(documents.size(), 2);
        QCOMPARE(documents.at(0).sourcePath, png_);
        QCOMPARE(documents.at(0).kind, lectern::app::DocumentKind::Image);
        QCOMPARE(documents.at(1).sourcePath, text_);
        QVERIFY(documents.at(1).text().contains(QStringLiteral("ship the beta")));
        QVERIFY(AttachmentListModel::documentsFromVariant({QVariant(42), QVariant(QStringLiteral("x"))}).isEmpty());

        model.remove(2);
        model.remove(7);  // out of range: ignored
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.readyCount(), 2);
        model.clear();
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.totalTokens(), 0);
    }

    void urlsDuplicatesAndOtherSchemes()
    {
        AttachmentListModel model(QString(), nullptr);
        const int added = model.addUrls({QUrl::fromLocalFile(png_), QUrl(QStringLiteral("https://example.org/a.pdf")),
                                         QUrl::fromLocalFile(png_).toString()});
        QCOMPARE(added, 1);  // the web address is ignored and the same file is attached once
        QCOMPARE(model.count(), 1);
        QVERIFY(model.waitForImports(30000));
        QCOMPARE(role(model, 0, "path").toString(), png_);
        QVERIFY(model.estimateTextTokens(QStringLiteral("How many regions grew?")) > 0);
        QCOMPARE(model.estimateTextTokens(QString()), 0.0);
    }

    void pdfModesAndPageRange()
    {
        AttachmentListModel model(QString(), nullptr);
        model.addFiles({pdf_});
        QVERIFY(model.waitForImports(60000));
        QCOMPARE(role(model, 0, "importState").toString(), QStringLiteral("ready"));
        QCOMPARE(role(model, 0, "kind").toString(), QStringLiteral("pdf"));
        QCOMPARE(role(model, 0, "countLabel").toString(), QStringLiteral("2 pages"));
        QCOMPARE(role(model, 0, "pdfMode").toString(), QStringLiteral("auto"));
        QVERIFY(model.hasPdf());
        QVERIFY(!model.hasImages());  // both pages have a text layer: sent as text
        QCOMPARE(model.largestPdfRow(), 0);
        const qint64 textTokens = role(model, 0, "tokens").toLongLong();
        QVERIFY(textTokens > 0 && textTokens < 200);
        QVERIFY(role(model, 0, "thumbnail").toString().startsWith(QStringLiteral("data:image/png")));

        model.setPdfMode(0, QStringLiteral("images"));
        QCOMPARE(role(model, 0, "importState").toString(), QStringLiteral("importing"));
        QVERIFY(model.waitForImports(60000));
        QCOMPARE(role(model, 0, "pdfMode").toString(), QStringLiteral("images"));
        const qint64 imageTokens = role(model, 0, "tokens").toLongLong();
        QVERIFY2(imageTokens > 10 * textTokens, qPrintable(QStringLiteral("%1 vs %2").arg(imageTokens).arg(textTokens)));
        QVERIFY(model.hasImages());

        // Lower resolution: half the pixels, about half the tokens.
        model.lowerResolution();
        QVERIFY(model.waitForImports(60000));
        const qint64 lower = role(model, 0, "tokens").toLongLong();
        QVERIFY2(lower < imageTokens * 0.7, qPrintable(QStringLiteral("%1 vs %2").arg(lower).arg(imageTokens)));

        model.setPageRange(0, QStringLiteral("2"));
        QVERIFY(model.waitForImports(60000));
        QCOMPARE(role(model, 0, "countLabel").toString(), QStringLiteral("1 page"));
        QCOMPARE(role(model, 0, "pageRange").toString(), QStringLiteral("2"));
        QVERIFY(role(model, 0, "tokens").toLongLong() < lower);

        model.setPageRange(0, QStringLiteral("9-12"));  // beyond the document: the importer says so on the chip
        QVERIFY(model.waitForImports(60000));
        QCOMPARE(role(model, 0, "importState").toString(), QStringLiteral("failed"));
        QVERIFY(!role(model, 0, "errorMessage").toString().isEmpty());
    }

    void settingsForTurnsAndModel()
    {
        lectern::ui::AppSettings settings(dir_.filePath(QStringLiteral("settings.ini")));
        QVERIFY(!settings.samplingForTurns().temperature);
        settings.setSamplingOverrides({{QStringLiteral("temperature"), 0.25}, {QStringLiteral("topK"), 12},
                                       {QStringLiteral("seed"), 7}, {QStringLiteral("maxTokens"), 64}});
        const lectern::chat::SamplingOverrides sampling = settings.samplingForTurns();
        QCOMPARE(sampling.temperature.value_or(-1), 0.25);
        QCOMPARE(sampling.topK.value_or(-1), 12);
        QCOMPARE(sampling.seed.value_or(0), 7u);
        QCOMPARE(sampling.maxTokens.value_or(-1), 64);
        QVERIFY(!sampling.topP && !sampling.presencePenalty);
        settings.setModelPath(QStringLiteral("/m/qwen.gguf"));
        settings.setDevice(QStringLiteral("cpu"));
        settings.setContextLength(16384);
        const lectern::chat::ModelOptions options = settings.modelOptions();
        QCOMPARE(options.modelPath, QStringLiteral("/m/qwen.gguf"));
        QCOMPARE(options.device, lectern::chat::ComputeDevice::Cpu);
        QCOMPARE(options.contextLength, 16384);
        QCOMPARE(settings.languageDisplayName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(settings.languageDisplayName(QString()), QStringLiteral("System language"));
    }

    void composerControlsInTheWindow()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow* window = lectern::ui::loadMainWindow(engine, &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // Every control added for attachments, thinking, context, sampling and settings has an accessible name.
        for (const char* name : {"attachButton", "thinkingSwitch", "advancedButton", "contextMeter", "sendButton",
                                 "composerInput", "openGgufButton", "openFolderButton", "downloadButton",
                                 "downloadUrlField", "modelSetupLaterButton"}) {
            QQuickItem* item = window->findChild<QQuickItem*>(QLatin1String(name));
            QVERIFY2(item, name);
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(item);
            QVERIFY2(accessible, name);
            QVERIFY2(!accessible->text(QAccessible::Name).isEmpty(), name);
        }

        // No model configured (a fresh settings file): the first-run screen is open, and not modal.
        QObject* setup = window->findChild<QObject*>(QStringLiteral("modelSetupDialog"));
        QVERIFY(setup);
        QVERIFY(setup->property("opened").toBool() || setup->property("visible").toBool());
        QVERIFY(!setup->property("modal").toBool());

        // The context meter starts at 0 of Qwen3.5's 262,144 tokens.
        QQuickItem* meter = window->findChild<QQuickItem*>(QStringLiteral("contextMeter"));
        QCOMPARE(meter->property("limit").toDouble(), 262144.0);
        QCOMPARE(meter->property("used").toDouble(), 0.0);

        // Files dropped on the window become chips in the composer, and count in the meter.
        QObject* dropArea = window->findChild<QObject*>(QStringLiteral("fileDropArea"));
        QVERIFY(dropArea);
        QVERIFY(QMetaObject::invokeMethod(dropArea, "filesDropped",
                                          Q_ARG(QVariant, QVariantList{QUrl::fromLocalFile(png_)})));
        QQuickItem* composer = window->findChild<QQuickItem*>(QStringLiteral("composer"));
        auto* attachments = qobject_cast<lectern::ui::Attachments*>(composer->property("attachments").value<QObject*>());
        QVERIFY(attachments);
        AttachmentListModel* model = attachments->list();
        QCOMPARE(model->count(), 1);
        QVERIFY(model->waitForImports(30000));
        QTRY_COMPARE(meter->property("used").toDouble(), 302.0);
        // The chip is a delegate of the chip list: an item child of its content item (not a QObject child).
        QQuickItem* chipList = window->findChild<QQuickItem*>(QStringLiteral("attachmentList"));
        QVERIFY(chipList);
        auto findChip = [chipList]() -> QQuickItem* {
            QList<QQuickItem*> pending{chipList};
            while (!pending.isEmpty()) {
                QQuickItem* item = pending.takeFirst();
                if (item->objectName() == QLatin1String("attachmentChip"))
                    return item;
                pending.append(item->childItems());
            }
            return nullptr;
        };
        QQuickItem* chip = nullptr;
        QTRY_VERIFY2((chip = findChip()) != nullptr,
                     qPrintable(QStringLiteral("chip list: count %1").arg(chipList->property("count").toInt())));
        QAccessibleInterface* chipAccessible = QAccessible::queryAccessibleInterface(chip);
        QVERIFY(chipAccessible->text(QAccessible::Name).contains(QStringLiteral("photo.png")));

        // Typing counts too, after a short pause.
        composer->setProperty("conversationTokens", 262000);
        QQuickItem* input = window->findChild<QQuickItem*>(QStringLiteral("composerInput"));
        input->setProperty("text", QStringLiteral("Describe the picture in detail."));
        QTRY_VERIFY(meter->property("used").toDouble() > 262302.0);
        // Past the context: the warning offers a lower resolution (an image is attached) and sending is off.
        QQuickItem* warning = window->findChild<QQuickItem*>(QStringLiteral("overflowWarning"));
        QVERIFY(warning->isVisible());
        QVERIFY(window->findChild<QQuickItem*>(QStringLiteral("lowerResolutionButton"))->isVisible());
        QVERIFY(!window->findChild<QQuickItem*>(QStringLiteral("fewerFramesButton"))->isVisible());
        QVERIFY(!window->findChild<QQuickItem*>(QStringLiteral("sendButton"))->isEnabled());
        composer->setProperty("conversationTokens", 0);
        QVERIFY(!warning->isVisible());
        QVERIFY(window->findChild<QQuickItem*>(QStringLiteral("sendButton"))->isEnabled());

        // Ctrl+O opens the file dialog.
        QObject* fileDialog = window->findChild<QObject*>(QStringLiteral("attachFileDialog"));
        QVERIFY(fileDialog);
        QVERIFY(!fileDialog->property("visible").toBool());
        // The first-run model dialog (open: no model configured) holds the keyboard focus; close it first, as a user
        // who chose "later" would.
        QVERIFY(QMetaObject::invokeMethod(setup, "close"));
        QTRY_VERIFY(!setup->property("visible").toBool());
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(fileDialog->property("visible").toBool());
        QMetaObject::invokeMethod(fileDialog, "reject");

        // Ctrl+, opens the settings.
        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(settings->property("opened").toBool());
        for (const char* name : {"settingsDeviceCombo", "settingsKvCombo", "settingsThemeCombo", "settingsLanguageCombo",
                                 "settingsContextSpin", "settingsChooseFileButton"}) {
            QQuickItem* item = window->findChild<QQuickItem*>(QLatin1String(name));
            QVERIFY2(item, name);
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(item);
            QVERIFY2(accessible && !accessible->text(QAccessible::Name).isEmpty(), name);
        }
    }

private:
    QTemporaryDir dir_;
    QString png_, bigPng_, text_, broken_, pdf_;
};

QTEST_MAIN(TestAttachments)
#include "test_ui_attachments.moc"
