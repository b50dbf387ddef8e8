// streaming_webp.cpp: WebP through libwebp's scaling decoder, which writes the reduced image directly (the full-size
// image never exists). Animated files decode their first frame.
#include "app/importers/streaming_image_decoder.h"

#include <QFile>

#include <webp/decode.h>
#include <webp/demux.h>

namespace lectern::app {

namespace {

QString vp8StatusText(VP8StatusCode status)
{
    switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY: return QStringLiteral("out of memory");
    case VP8_STATUS_INVALID_PARAM: return QStringLiteral("invalid parameter");
    case VP8_STATUS_BITSTREAM_ERROR: return QStringLiteral("bitstream error");
    case VP8_STATUS_UNSUPPORTED_FEATURE: return QStringLiteral("unsupported feature");
    case VP8_STATUS_NOT_ENOUGH_DATA: return QStringLiteral("truncated data");
    default: return QStringLiteral("libwebp status %1").arg(int(status));
    }
}

}  // namespace

StreamingImageDecoder::Result StreamingImageDecoder::decodeWebp(const QString& path, QSize stored, QSize target)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QImage(), tr("The image file could not be opened.")};
    const uchar* bytes = file.map(0, file.size());
    if (!bytes)
        return {QImage(), tr("The image file could not be read: %1").arg(file.errorString())};
    const size_t size = size_t(file.size());

    // The bitstream to decode: the file itself, or the first frame of an animation.
    const uint8_t* data = bytes;
    size_t dataSize = size;
    WebPData whole{bytes, size};
    WebPDemuxer* demux = nullptr;
    WebPIterator frame{};
    WebPBitstreamFeatures features{};
    if (WebPGetFeatures(data, dataSize, &features) != VP8_STATUS_OK)
        return {QImage(), damagedMessage(QStringLiteral("WebP header"))};
    if (features.has_animation) {
        demux = WebPDemux(&whole);
        if (!demux || !WebPDemuxGetFrame(demux, 1, &frame)) {
            WebPDemuxDelete(demux);
            return {QImage(), damagedMessage(QStringLiteral("WebP animation"))};
        }
        data = frame.fragment.bytes;
        dataSize = frame.fragment.size;
        // A first frame smaller than the canvas is scaled by the same factor as the canvas would be.
        target = QSize(std::max(1, int(qint64(target.width()) * frame.width / stored.width())),
                       std::max(1, int(qint64(target.height()) * frame.height / stored.height())));
    }

    QImage image(target, QImage::Format_RGBA8888);
    WebPDecoderConfig config;
    if (image.isNull() || !WebPInitDecoderConfig(&config)) {
        WebPDemuxReleaseIterator(&frame);
        WebPDemuxDelete(demux);
        return {QImage(), tr("Not enough memory to decode the image.")};
    }
    config.options.use_scaling = 1;
    config.options.scaled_width = target.width();
    config.options.scaled_height = target.height();
    config.output.colorspace = MODE_RGBA;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = image.bits();
    config.output.u.RGBA.stride = int(image.bytesPerLine());
    config.output.u.RGBA.size = size_t(image.sizeInBytes());
    const VP8StatusCode status = WebPDecode(data, dataSize, &config);
    WebPFreeDecBuffer(&config.output);
    WebPDemuxReleaseIterator(&frame);
    WebPDemuxDelete(demux);
    if (status != VP8_STATUS_OK)
        return {QImage(), damagedMessage(vp8StatusText(status))};
    return {image, QString()};
}

}  // namespace lectern::app
