// fuzz_image.cpp: libFuzzer target for content sniffing and ImageImporter (header checks, scaled decoding,
// EXIF orientation) over all six supported formats, once with the fuzz limits and once with a tiny decode budget
// that sends every image larger than 48 x 48 through the streaming decoders (StreamingImageDecoder).
#include "fuzz_common.h"

#include "app/importers/content_sniffer.h"
#include "app/importers/image_importer.h"
#include "app/importers/importer.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    lectern::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace lectern::app;
    const QByteArray head(reinterpret_cast<const char*>(data), qsizetype(std::min<size_t>(size, 4096)));
    const SniffResult sniff = ContentSniffer::sniff(head, QStringLiteral("input"));
    if (sniff.kind != DocumentKind::Image)
        return 0;
    ImportedDocument doc;
    doc.kind = DocumentKind::Image;
    doc.sourcePath = lectern::fuzz::writeInput(data, size, "img");
    doc.metadata.format = sniff.format;
    const ImportOptions options = lectern::fuzz::smallLimits();
    ImportedDocument streamed = doc;
    ImageImporter::import(doc, options, lectern::fuzz::context(options));
    if (doc.ok())
        Importer::estimateTokens(doc, *defaultTextTokenEstimator());
    lectern::fuzz::exercise(doc);

    ImportOptions tiny = options;
    tiny.limits.maxDecodePixels = 48 * 48;
    tiny.limits.maxFullDecodeBytes = 48 * 48 * 4;
    ImageImporter::import(streamed, tiny, lectern::fuzz::context(tiny));
    lectern::fuzz::exercise(streamed);
    return 0;
}
