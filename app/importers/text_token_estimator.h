// text_token_estimator.h: how many text tokens a string will cost. Pluggable: the heuristic below works with
// no model loaded; the app can inject an estimator backed by the engine's real tokenizer later.
#pragma once

#include <QString>

#include <memory>

namespace lectern::app {

class TextTokenEstimator {
public:
    virtual ~TextTokenEstimator() = default;
    virtual qint64 countTokens(const QString& text) const = 0;
    virtual QString name() const = 0;  // shown in inspect output, e.g. "heuristic" or "qwen3.5 tokenizer"
};

// ceil(asciiBytes / 3.6 + nonAsciiCodePoints × 1.0).
// English prose under Qwen's 151k BPE vocabulary averages roughly 4 characters per token; 3.6 errs on the side
// of more tokens so a preview does not promise room that is not there. Outside ASCII (CJK, Cyrillic, accented
// Latin) the vocabulary's merges are far shorter, so each code point is counted as one token — close for CJK,
// an overestimate for mostly-Latin text with a few accents.
class HeuristicTokenEstimator final : public TextTokenEstimator {
public:
    qint64 countTokens(const QString& text) const override;
    QString name() const override;
};

std::shared_ptr<const TextTokenEstimator> defaultTextTokenEstimator();

}  // namespace lectern::app
