// streaming_image_decoder.cpp: dispatch to the per-format streaming decoders and their shared messages.
#include "app/importers/streaming_image_decoder.h"

namespace lectern::app {

bool StreamingImageDecoder::supports(const QString& format)
{
    return format == QLatin1String("png") || format == QLatin1String("webp") || format == QLatin1String("tiff")
        || format == QLatin1String("gif") || format == QLatin1String("bmp");
}

StreamingImageDecoder::Result StreamingImageDecoder::decode(const QString& path, const QString& format, QSize stored,
                                                            QSize target)
{
    if (format == QLatin1String("png"))
        return decodePng(path, stored, target);
    if (format == QLatin1String("webp"))
        return decodeWebp(path, stored, target);
    if (format == QLatin1String("tiff"))
        return decodeTiff(path, stored, target);
    if (format == QLatin1String("gif"))
        return decodeGif(path, stored, target);
    if (format == QLatin1String("bmp"))
        return decodeBmp(path, stored, target);
    return {QImage(), tr("Lectern cannot decode %1 images at reduced size.").arg(format.toUpper())};
}

QString StreamingImageDecoder::damagedMessage(const QString& detail)
{
    return tr("The image is damaged or incomplete and could not be decoded (%1).").arg(detail);
}

}  // namespace lectern::app
