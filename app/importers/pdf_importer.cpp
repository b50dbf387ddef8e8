// pdf_importer.cpp: Poppler-based PDF import. Text comes from Page::textList(), whose words Poppler orders by
// its reading-order analysis (flows → blocks → lines → words: a left column is read before the right one).
// Page::text(QRectF()) is no substitute: for a null rectangle it selects the whole crop box, and selection text
// is ordered row by row across the page, which interleaves columns; RawOrderLayout is content-stream order.
#include "app/importers/pdf_importer.h"

#include "app/importers/page_range.h"

#include <QMutex>
#include <QMutexLocker>

#include <poppler-qt6.h>

#include <cmath>
#include <mutex>

namespace lectern::app {

namespace {

void silencePoppler()
{
    // Poppler reports every syntax problem of a damaged file on stderr; the import reports them as one error.
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction([](const QString&, const QVariant&) {}, QVariant()); });
}

bool shouldAbortExtraction(const QVariant& closure)
{
    const auto* context = reinterpret_cast<const ImportContext*>(closure.value<quintptr>());
    return context != nullptr && context->shouldStop();
}

// Joins Poppler's words: a space where Poppler saw one, a line break at the end of each line, and a blank
// line where reading jumps up (a new column) or down by more than two line heights (a new block).
QString readingOrderText(const Poppler::Page& page, const ImportContext& context)
{
    const std::vector<std::unique_ptr<Poppler::TextBox>> words
        = page.textList(Poppler::Page::Rotate0, &shouldAbortExtraction, QVariant::fromValue(quintptr(&context)));
    QString text;
    for (size_t i = 0; i < words.size(); ++i) {
        const Poppler::TextBox& word = *words[i];
        text += word.text();
        if (i + 1 == words.size())
            break;
        if (word.nextWord() != nullptr) {
            if (word.hasSpaceAfter())
                text += QLatin1Char(' ');
            continue;
        }
        const QRectF here = word.boundingBox();
        const QRectF next = words[i + 1]->boundingBox();
        const bool jumpsUp = next.top() < here.top() - here.height() / 2;
        const bool bigGap = next.top() - here.bottom() > 2 * here.height();
        text += (jumpsUp || bigGap) ? QStringLiteral("\n\n") : QStringLiteral("\n");
    }
    return text;
}

std::unique_ptr<Poppler::Document> openDocument(const QString& path, const QByteArray& password, bool* locked)
{
    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document)
        return nullptr;
    *locked = document->isLocked();
    if (*locked && !password.isEmpty()) {
        // Either password unlocks it; Poppler tries the owner password first.
        document->unlock(password, password);
    }
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    return document;
}

class PdfPageProvider final : public ImageProvider {
public:
    PdfPageProvider(QString path, QByteArray password, QList<int> pageNumbers, double dpi, qint64 maxPixels)
        : m_path(std::move(path)), m_password(std::move(password)), m_pageNumbers(std::move(pageNumbers)),
          m_dpi(dpi), m_maxPixels(maxPixels)
    {
    }

    int count() const override { return int(m_pageNumbers.size()); }

    QImage image(int index, QSize maxSize, QString* error) const override
    {
        auto fail = [error](const QString& message) {
            if (error)
                *error = message;
            return QImage();
        };
        if (index < 0 || index >= m_pageNumbers.size())
            return fail(PdfImporter::tr("There is no page image %1 in this document.").arg(index));
        QMutexLocker lock(&m_mutex);  // a Poppler::Document must not be used from two threads at once
        if (!m_document) {
            silencePoppler();
            bool locked = false;
            m_document = openDocument(m_path, m_password, &locked);
            if (!m_document || m_document->isLocked()) {
                m_document.reset();
                return fail(PdfImporter::tr("The PDF %1 could not be opened again to render a page; it may "
                                            "have been moved or changed.").arg(m_path));
            }
        }
        const int number = m_pageNumbers.at(index);
        std::unique_ptr<Poppler::Page> page = m_document->page(number - 1);
        if (!page)
            return fail(PdfImporter::tr("Page %1 of the PDF could not be read.").arg(number));
        double dpi = m_dpi;
        PdfImporter::renderSize(page->pageSizeF(), m_dpi, m_maxPixels, maxSize, &dpi);
        QImage rendered = page->renderToImage(dpi, dpi);
        if (rendered.isNull())
            return fail(PdfImporter::tr("Page %1 of the PDF could not be rendered.").arg(number));
        return rendered;
    }

private:
    QString m_path;
    QByteArray m_password;
    QList<int> m_pageNumbers;
    double m_dpi;
    qint64 m_maxPixels;
    mutable QMutex m_mutex;
    mutable std::unique_ptr<Poppler::Document> m_document;
};

}  // namespace

bool PdfImporter::hasUsableText(const QString& text, int minCharacters)
{
    qint64 good = 0;
    qint64 bad = 0;
    for (const QChar c : text) {
        if (c.isSpace() || c.isNull())
            continue;
        if (c == QChar::ReplacementCharacter || c.category() == QChar::Other_PrivateUse
            || c.category() == QChar::Other_Control || c.category() == QChar::Other_NotAssigned)
            ++bad;
        else if (c.isPrint())
            ++good;
    }
    return good >= minCharacters && bad * 3 <= good;  // bad ≤ 25 % of all counted characters
}

QSize PdfImporter::renderSize(QSizeF sizePoints, double dpi, qint64 maxPixels, QSize maxSize, double* usedDpi)
{
    double used = dpi;
    const double widthInches = std::max(sizePoints.width(), 1.0) / 72.0;
    const double heightInches = std::max(sizePoints.height(), 1.0) / 72.0;
    const double pixels = widthInches * used * heightInches * used;
    if (maxPixels > 0 && pixels > double(maxPixels))
        used *= std::sqrt(double(maxPixels) / pixels);
    if (maxSize.isValid()) {
        used = std::min(used, double(maxSize.width()) / widthInches);
        used = std::min(used, double(maxSize.height()) / heightInches);
    }
    if (usedDpi)
        *usedDpi = used;
    return QSize(std::max(1, int(std::floor(widthInches * used))), std::max(1, int(std::floor(heightInches * used))));
}

void PdfImporter::import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context)
{
    silencePoppler();
    context.report(0.0, tr("Opening PDF"));
    bool locked = false;
    std::unique_ptr<Poppler::Document> document = openDocument(doc.sourcePath, options.password, &locked);
    if (!document) {
        doc.fail(ImportErrorCode::Corrupt,
                 tr("The PDF is damaged or incomplete and could not be opened. If it was downloaded, try "
                    "downloading it again."));
        return;
    }
    doc.metadata.encrypted = locked;
    if (document->isLocked()) {
        if (options.password.isEmpty())
            doc.fail(ImportErrorCode::NeedsPassword,
                     tr("This PDF is protected by a password. Enter the password to import it."));
        else
            doc.fail(ImportErrorCode::WrongPassword,
                     tr("The password is not correct for this PDF. Check it and try again."));
        return;
    }

    const int pageCount = document->numPages();
    doc.metadata.pageCount = pageCount;
    doc.metadata.title = document->title().trimmed();
    doc.metadata.author = document->author().trimmed();
    if (pageCount <= 0) {
        doc.fail(ImportErrorCode::NoContent, tr("The PDF has no pages."));
        return;
    }

    QString rangeError;
    std::optional<QList<int>> selected = PageRange::parse(options.pageRange, pageCount, &rangeError);
    if (!selected) {
        doc.fail(ImportErrorCode::InvalidPageRange, rangeError);
        return;
    }
    QList<int> numbers = *selected;
    const int maxPages = std::max(1, options.limits.maxPdfPages);
    if (numbers.size() > maxPages) {
        doc.warnings.append(tr("Only %1 of the %2 selected pages were imported (pages %3 to %4). Choose a page "
                               "range to import the others.")
                                .arg(maxPages)
                                .arg(numbers.size())
                                .arg(numbers.first())
                                .arg(numbers.at(maxPages - 1)));
        numbers.resize(maxPages);
    }

    QList<int> unreadable;
    QList<int> imagePages;
    for (qsizetype i = 0; i < numbers.size(); ++i) {
        if (context.shouldStop())
            return;  // the caller turns a stop into Cancelled / TimedOut
        const int number = numbers.at(i);
        context.report(double(i) / double(numbers.size()), tr("Reading page %1 of %2").arg(number).arg(pageCount));
        std::unique_ptr<Poppler::Page> page = document->page(number - 1);
        if (!page) {
            unreadable.append(number);
            continue;
        }
        DocumentPage result;
        result.number = number;
        result.imageSize = renderSize(page->pageSizeF(), options.renderDpi, options.limits.maxRenderPixels, QSize(),
                                      nullptr);
        const QString text = readingOrderText(*page, context);
        if (context.shouldStop())
            return;
        result.imagePage = !hasUsableText(text, options.minTextCharacters);
        if (result.imagePage)
            imagePages.append(number);
        else
            result.text = text.trimmed();
        doc.pages.append(result);
    }
    if (doc.pages.isEmpty()) {
        doc.fail(ImportErrorCode::Corrupt, tr("None of the PDF's pages could be read; the file is damaged."));
        return;
    }
    if (!unreadable.isEmpty()) {
        QStringList list;
        for (int number : unreadable)
            list.append(QString::number(number));
        doc.warnings.append(tr("Some pages could not be read and were skipped: %1.").arg(list.join(QStringLiteral(", "))));
    }
    if (!imagePages.isEmpty() && imagePages.size() < doc.pages.size()) {
        QStringList list;
        for (int number : imagePages)
            list.append(QString::number(number));
        doc.warnings.append(tr("Pages without usable text are sent as images: %1.").arg(list.join(QStringLiteral(", "))));
    } else if (!imagePages.isEmpty()) {
        doc.warnings.append(tr("The PDF has no usable text layer (it may be scanned); all pages are sent as images."));
    }
    doc.images = makeProvider(doc, options);
    context.report(1.0, tr("PDF read"));
}

std::shared_ptr<const ImageProvider> PdfImporter::makeProvider(const ImportedDocument& doc, const ImportOptions& options)
{
    QList<int> numbers;
    for (const DocumentPage& page : doc.pages)
        numbers.append(page.number);
    return std::make_shared<PdfPageProvider>(doc.sourcePath, options.password, numbers, options.renderDpi,
                                             options.limits.maxRenderPixels);
}

}  // namespace lectern::app
