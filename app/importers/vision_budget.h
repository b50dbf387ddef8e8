// vision_budget.h: Qwen3.5 vision preprocessing arithmetic without pixels: smart_resize for images and video
// clips, video frame sampling, and the number of vision tokens they cost (qwen35.md §7.2, §7.4).
#pragma once

#include <QList>
#include <QSize>

#include <optional>

namespace lectern::app {

struct VideoSampling;
struct VisionPixelBudget;

struct ResizeParams {
    int factor = 32;               // patch_size 16 x merge_size 2
    qint64 minPixels = 65536;      // preprocessor_config.json size.shortest_edge
    qint64 maxPixels = 16777216;   // preprocessor_config.json size.longest_edge
    double maxAspectRatio = 200.0;

    static ResizeParams image() { return {}; }
    // Video: the budget covers the whole clip. shortest_edge 4096 is the released Qwen3.5 value; longest_edge
    // is the Qwen3-VL family value 25,165,824 (the exact 0.8B value is UNCONFIRMED, qwen35.md §7.4).
    static ResizeParams video() { return {32, 4096, 25165824, 200.0}; }
    // The same with the user's budget (the settings' image resolution), as the engine applies it.
    static ResizeParams image(const VisionPixelBudget& budget);
    static ResizeParams video(const VisionPixelBudget& budget);
};

// Python's round(): halves go to the even neighbour (round(2.5) == 2, round(3.5) == 4).
double pythonRound(double value);

// smart_resize for a still image of width x height: the size the image is resized to, in multiples of
// factor, or nothing when the size is unusable (non-positive side, aspect ratio above maxAspectRatio).
std::optional<QSize> smartResize(QSize source, const ResizeParams& params = ResizeParams::image());

// The video variant: numFrames sampled frames of size source share one pixel budget (t_bar·h·w, t_bar =
// numFrames rounded up to even).
std::optional<QSize> smartResizeVideo(int numFrames, QSize source, const ResizeParams& params = ResizeParams::video());

// Merged (LLM) tokens for one still image resized to `resized`: h·w/1024.
qint64 imageTokens(QSize resized, const ResizeParams& params = ResizeParams::image());

// Tokens for a clip of numFrames frames resized to `resized`: (frames padded to even)/2 temporal groups, each
// h·w/1024 tokens.
qint64 videoTokens(int numFrames, QSize resized, const ResizeParams& params = ResizeParams::video());

// How many frames §7.4 samples from a clip: ⌊totalFrames / videoFps · fps⌋ clamped to [minFrames, maxFrames]
// and to at most totalFrames.
int sampledFrameCount(qint64 totalFrames, double videoFps, const VideoSampling& sampling);

// Which frames: round(linspace(0, totalFrames − 1, count)) with round-half-to-even, as torch does.
QList<qint64> sampleFrameIndices(qint64 totalFrames, int count);

}  // namespace lectern::app
