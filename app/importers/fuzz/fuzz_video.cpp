// fuzz_video.cpp: libFuzzer target for VideoImporter (probe, timestamp scan, sampling, seek and decode).
#include "fuzz_common.h"

#include "app/importers/importer.h"
#include "app/importers/video_importer.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    lectern::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace lectern::app;
    ImportedDocument doc;
    doc.kind = DocumentKind::Video;
    doc.sourcePath = lectern::fuzz::writeInput(data, size, "video");
    doc.metadata.format = QStringLiteral("video");
    const ImportOptions options = lectern::fuzz::smallLimits();
    VideoImporter::import(doc, options, lectern::fuzz::context(options));
    if (doc.ok())
        Importer::estimateTokens(doc, *defaultTextTokenEstimator());
    lectern::fuzz::exercise(doc);
    return 0;
}
