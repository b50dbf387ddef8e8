// vision_budget.cpp: smart_resize, frame sampling and vision token counts, written to match the Python
// reference bit for bit (float64 arithmetic in the same order, round-half-to-even).
#include "app/importers/vision_budget.h"

#include "app/importers/import_options.h"

#include <algorithm>
#include <cmath>

namespace lectern::app {

double pythonRound(double value)
{
    const double lower = std::floor(value);
    const double diff = value - lower;
    if (diff < 0.5)
        return lower;
    if (diff > 0.5)
        return lower + 1.0;
    return std::fmod(lower, 2.0) == 0.0 ? lower : lower + 1.0;
}

namespace {

bool usable(QSize source, const ResizeParams& params)
{
    if (source.width() <= 0 || source.height() <= 0)
        return false;
    const double longSide = std::max(source.width(), source.height());
    const double shortSide = std::min(source.width(), source.height());
    return longSide / shortSide <= params.maxAspectRatio;
}

// The three branches shared by the image and video variants; `scale` is the number of frames that share the
// pixel budget (1 for images), `budgetFrames` the frame count compared against it (t_bar for video).
QSize resize(QSize source, qint64 scale, qint64 budgetFrames, const ResizeParams& params)
{
    const double height = source.height();
    const double width = source.width();
    const double factor = params.factor;
    double hBar = pythonRound(height / factor) * factor;
    double wBar = pythonRound(width / factor) * factor;
    if (double(budgetFrames) * hBar * wBar > double(params.maxPixels)) {
        const double beta = std::sqrt(double(scale) * height * width / double(params.maxPixels));
        hBar = std::max(factor, std::floor(height / beta / factor) * factor);
        wBar = std::max(factor, std::floor(width / beta / factor) * factor);
    } else if (double(budgetFrames) * hBar * wBar < double(params.minPixels)) {
        const double beta = std::sqrt(double(params.minPixels) / (double(scale) * height * width));
        hBar = std::ceil(height * beta / factor) * factor;
        wBar = std::ceil(width * beta / factor) * factor;
    }
    return QSize(int(wBar), int(hBar));
}

}  // namespace

ResizeParams ResizeParams::image(const VisionPixelBudget& budget)
{
    ResizeParams params = image();
    params.minPixels = budget.imageMinPixels;
    params.maxPixels = budget.imageMaxPixels;
    return params;
}

ResizeParams ResizeParams::video(const VisionPixelBudget& budget)
{
    ResizeParams params = video();
    params.minPixels = budget.videoMinPixels;
    params.maxPixels = budget.videoMaxPixels;
    return params;
}

std::optional<QSize> smartResize(QSize source, const ResizeParams& params)
{
    if (!usable(source, params))
        return std::nullopt;
    return resize(source, 1, 1, params);
}

std::optional<QSize> smartResizeVideo(int numFrames, QSize source, const ResizeParams& params)
{
    if (numFrames <= 0 || !usable(source, params))
        return std::nullopt;
    const qint64 tBar = (qint64(numFrames) + 1) / 2 * 2;
    return resize(source, numFrames, tBar, params);
}

qint64 imageTokens(QSize resized, const ResizeParams& params)
{
    const qint64 merge = qint64(params.factor) * params.factor;
    return qint64(resized.width()) * resized.height() / merge;
}

qint64 videoTokens(int numFrames, QSize resized, const ResizeParams& params)
{
    const qint64 groups = (qint64(numFrames) + 1) / 2;
    return groups * imageTokens(resized, params);
}

int sampledFrameCount(qint64 totalFrames, double videoFps, const VideoSampling& sampling)
{
    if (totalFrames <= 0)
        return 0;
    double wanted = double(totalFrames);
    if (videoFps > 0.0 && sampling.fps > 0.0)
        wanted = std::floor(double(totalFrames) / videoFps * sampling.fps);
    wanted = std::clamp(wanted, double(std::max(1, sampling.minFrames)),
                        double(std::max(std::max(1, sampling.minFrames), sampling.maxFrames)));
    return int(std::min(wanted, double(totalFrames)));
}

QList<qint64> sampleFrameIndices(qint64 totalFrames, int count)
{
    QList<qint64> indices;
    if (totalFrames <= 0 || count <= 0)
        return indices;
    indices.reserve(count);
    if (count == 1) {
        indices.append(0);
        return indices;
    }
    // The exact rational (totalFrames − 1)·i/(count − 1), rounded half-to-even in integers. torch computes
    // linspace in float32, which can land either side of an exact half; the exact value is the defined one.
    const qint64 span = totalFrames - 1;
    const qint64 den = count - 1;
    for (qint64 i = 0; i < count; ++i) {
        const qint64 num = span * i;
        const qint64 q = num / den;
        const qint64 twiceRemainder = 2 * (num % den);
        qint64 index = q;
        if (twiceRemainder > den || (twiceRemainder == den && q % 2 != 0))
            index = q + 1;
        indices.append(index);
    }
    return indices;
}

}  // namespace lectern::app
