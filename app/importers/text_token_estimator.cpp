// text_token_estimator.cpp: the byte/code-point heuristic used until a real tokenizer is injected.
#include "app/importers/text_token_estimator.h"

#include <cmath>

namespace lectern::app {

qint64 HeuristicTokenEstimator::countTokens(const QString& text) const
{
    qint64 asciiBytes = 0;
    qint64 otherCodePoints = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80) {
            ++asciiBytes;
            continue;
        }
        ++otherCodePoints;
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;  // one code point, two UTF-16 units
    }
    return qint64(std::ceil(double(asciiBytes) / 3.6 + double(otherCodePoints)));
}

QString HeuristicTokenEstimator::name() const
{
    return QStringLiteral("heuristic: ascii bytes/3.6 + 1 per other code point");
}

std::shared_ptr<const TextTokenEstimator> defaultTextTokenEstimator()
{
    static const auto estimator = std::make_shared<const HeuristicTokenEstimator>();
    return estimator;
}

}  // namespace lectern::app
