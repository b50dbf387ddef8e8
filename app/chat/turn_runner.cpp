// turn_runner.cpp: model loading and one chat turn (history, prompt, generation, streaming storage) on the worker.
#include "app/chat/turn_runner.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>
#include <optional>

#include "app/chat/completion_runner.h"
#include "app/chat/prompt_builder.h"
#include "app/importers/importer.h"
#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/message_repository.h"
#include "app/storage/streaming_message_writer.h"
#include "lectern/engine.h"

namespace lectern::chat {

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

DeviceChoice engineDevice(ComputeDevice device)
{
    switch (device) {
    case ComputeDevice::Cpu: return DeviceChoice::Cpu;
    case ComputeDevice::Vulkan: return DeviceChoice::Vulkan;
    case ComputeDevice::Auto: break;
    }
    return DeviceChoice::Auto;
}

storage::FinishReason storedFinishReason(lectern::FinishReason reason)
{
    switch (reason) {
    case lectern::FinishReason::Stop: return storage::FinishReason::Stop;
    case lectern::FinishReason::Length: return storage::FinishReason::Length;
    case lectern::FinishReason::Cancelled: return storage::FinishReason::Cancelled;
    case lectern::FinishReason::Error: return storage::FinishReason::Error;
    }
    return storage::FinishReason::Error;
}

// A model file "Qwen3.5-0.8B-Q8_0.gguf" is recorded as "Qwen3.5-0.8B-Q8_0"; a folder by its name.
QString modelNameFor(const QString& path)
{
    const QFileInfo info(path);
    return info.isDir() ? info.fileName() : info.completeBaseName();
}

// The first line of the question, shortened: what the conversation list shows.
QString titleFor(const QString& question)
{
    constexpr int kMaxTitle = 80;
    QString title = question.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
    if (title.size() > kMaxTitle)
        title = title.left(kMaxTitle - 1).trimmed() + QChar(0x2026);
    return title;
}

QJsonObject samplingJson(const GenerationSettings& settings)
{
    const SamplerSettings& s = settings.sampler;
    QJsonObject json{{QStringLiteral("temperature"), double(s.temperature)},
                     {QStringLiteral("top_k"), s.top_k},
                     {QStringLiteral("top_p"), double(s.top_p)},
                     {QStringLiteral("min_p"), double(s.min_p)},
                     {QStringLiteral("presence_penalty"), double(s.presence_penalty)},
                     {QStringLiteral("repetition_penalty"), double(s.repetition_penalty)},
                     {QStringLiteral("max_tokens"), settings.max_tokens}};
    if (s.seed)
        json.insert(QStringLiteral("seed"), QString::number(*s.seed));  // as text: JSON numbers lose 64-bit seeds
    return json;
}

VisionBudgetOptions engineVisionBudget(const ModelOptions& options)
{
    VisionBudgetOptions budget;
    budget.image_min_pixels = uint64_t(std::max<qint64>(0, options.visionPixels.imageMinPixels));
    budget.image_max_pixels = uint64_t(std::max<qint64>(0, options.visionPixels.imageMaxPixels));
    budget.video_min_pixels = uint64_t(std::max<qint64>(0, options.visionPixels.videoMinPixels));
    budget.video_max_pixels = uint64_t(std::max<qint64>(0, options.visionPixels.videoMaxPixels));
    budget.video_fps = options.videoSampling.fps;
    budget.video_min_frames = uint32_t(std::max(0, options.videoSampling.minFrames));
    budget.video_max_frames = uint32_t(std::max(0, options.videoSampling.maxFrames));
    return budget;
}

// vision: the turn sends pictures (the model card's sampling defaults differ for vision tasks).
GenerationSettings generationSettings(const TurnRequest& request, bool vision)
{
    GenerationSettings settings;
    settings.sampler = default_sampler_settings(request.thinking, vision);
    if (request.sampling.temperature)
        settings.sampler.temperature = float(*request.sampling.temperature);
    if (request.sampling.topP)
        settings.sampler.top_p = float(*request.sampling.topP);
    if (request.sampling.topK)
        settings.sampler.top_k = *request.sampling.topK;
    if (request.sampling.presencePenalty)
        settings.sampler.presence_penalty = float(*request.sampling.presencePenalty);
    if (request.sampling.greedy)
        settings.sampler.temperature = 0.0f;
    if (request.sampling.seed)
        settings.sampler.seed = *request.sampling.seed;
    if (request.sampling.maxTokens)
        settings.max_tokens = *request.sampling.maxTokens;
    return settings;
}

}  // namespace

// A request and its prompt tokens (or why they could not be counted).
struct Fitted {
    ChatRequest request;
    Result<int64_t> tokens;
};

struct TurnRunner::Impl {
    storage::Database database;
    std::unique_ptr<storage::Connection> writer;  // opened on the worker thread on first use
    std::optional<Engine> engine;
    std::optional<ChatSession> session;
    ModelInfo info;
    ModelOptions options;  // of the loaded model (its vision budget)
    // The pictures of the earlier questions of one conversation (by user message id), as sent at the current
    // budget: kept from the turn that sent them, or imported again from the stored path. Cleared when the
    // conversation, the model or the budget changes.
    qint64 visualsConversation = 0;
    QHash<qint64, QList<VisualInput>> historyVisuals;

    // The pictures of the history's user messages (vision models only), re-imported where they are not kept; a
    // file that is gone or changed is left out with a warning.
    QHash<qint64, QList<VisualInput>> visualsFor(qint64 conversationId, const QList<storage::Message>& history,
                                                 const QList<storage::Attachment>& attachments, QStringList* warnings);

    // The request with the pictures of earlier questions sent again; when the whole conversation does not fit the
    // context, those are halved (twice at most), then left out, the oldest first, with a note in `warnings`.
    Fitted fitRequest(qint64 conversationId, const QList<storage::Message>& history,
                      const QList<storage::Attachment>& attachments, const QString& question,
                      const QList<DocumentText>& documents, bool thinking, const QList<VisualInput>& visuals,
                      QStringList* warnings);
};

Fitted TurnRunner::Impl::fitRequest(qint64 conversationId, const QList<storage::Message>& history,
                                    const QList<storage::Attachment>& attachments, const QString& question,
                                    const QList<DocumentText>& documents, bool thinking,
                                    const QList<VisualInput>& visuals, QStringList* warnings)
{
    QHash<qint64, QList<VisualInput>> historyVisuals = visualsFor(conversationId, history, attachments, warnings);
    Fitted out{PromptBuilder::buildRequest(history, attachments, question, documents, thinking, visuals, historyVisuals),
               Status(ErrorCode::Internal, "not counted")};
    out.tokens = engine->count_prompt_tokens(out.request);
    QList<qint64> withPictures;
    for (const storage::Message& message : history)
        if (!historyVisuals.value(message.id).isEmpty())
            withPictures.append(message.id);
    int reductions = 0, dropped = 0;
    while (out.tokens.is_ok() && *out.tokens >= info.contextLength && dropped < withPictures.size()) {
        if (reductions < 2) {
            ++reductions;
            for (QList<VisualInput>& list : historyVisuals)
                for (VisualInput& visual : list)
                    visual = PromptBuilder::reduced(visual);
        } else {
            historyVisuals.remove(withPictures.at(dropped++));
        }
        out.request = PromptBuilder::buildRequest(history, attachments, question, documents, thinking, visuals,
                                                  historyVisuals);
        out.tokens = engine->count_prompt_tokens(out.request);
    }
    if (warnings && dropped > 0)
        warnings->append(tr("The pictures of the %n earliest question(s) with pictures are left out: the whole "
                            "conversation does not fit the context otherwise.",
                            nullptr, dropped));
    else if (warnings && reductions > 0)
        warnings->append(tr("The pictures of earlier questions are sent at lower resolution so that the whole "
                            "conversation fits the context."));
    return out;
}

QHash<qint64, QList<VisualInput>> TurnRunner::Impl::visualsFor(qint64 conversationId,
                                                                const QList<storage::Message>& history,
                                                                const QList<storage::Attachment>& attachments,
                                                                QStringList* warnings)
{
    if (!info.vision)
        return {};
    if (conversationId != visualsConversation) {
        historyVisuals.clear();
        visualsConversation = conversationId;
    }
    QHash<qint64, QList<VisualInput>> out;
    for (const storage::Message& message : history) {
        if (message.role != storage::MessageRole::User)
            continue;
        if (auto kept = historyVisuals.constFind(message.id); kept != historyVisuals.constEnd()) {
            out.insert(message.id, *kept);
            continue;
        }
        QList<VisualInput> visuals;
        for (const storage::Attachment& attachment : attachments) {
            if (attachment.messageId != message.id ||
                (attachment.kind != QLatin1String("image") && attachment.kind != QLatin1String("video") &&
                 attachment.kind != QLatin1String("pdf")))
                continue;
            app::ImportOptions importOptions;
            importOptions.video = options.videoSampling;
            importOptions.visionPixels = options.visionPixels;
            const app::ImportedDocument document = app::Importer::importFile(attachment.originalPath, importOptions);
            if (!document.ok() || QString::fromLatin1(document.contentHash) != attachment.sha256) {
                if (warnings)
                    warnings->append(tr("The pictures of %1 from an earlier question are not sent again: the file "
                                        "is gone or has changed since.")
                                         .arg(QFileInfo(attachment.originalPath).fileName()));
                continue;
            }
            visuals.append(PromptBuilder::visualInputs(document, options.visionPixels, warnings));
        }
        historyVisuals.insert(message.id, visuals);
        out.insert(message.id, visuals);
    }
    return out;
}

TurnRunner::TurnRunner(storage::Database database, QObject* parent)
    : QObject(parent), d(std::make_unique<Impl>(Impl{std::move(database), {}, {}, {}, {}, {}, 0, {}}))
{
    qRegisterMetaType<lectern::chat::ModelInfo>();
    qRegisterMetaType<lectern::chat::TurnResult>();
    qRegisterMetaType<lectern::chat::PromptEstimate>();
}

TurnRunner::~TurnRunner() = default;

void TurnRunner::cancelThrough(quint64 turnNumber)
{
    quint64 current = m_cancelThrough.load();
    while (current < turnNumber && !m_cancelThrough.compare_exchange_weak(current, turnNumber)) {
    }
}

void TurnRunner::loadModel(const ModelOptions& options)
{
    d->session.reset();
    d->engine.reset();
    d->historyVisuals.clear();
    EngineOptions engineOptions;
    engineOptions.model_path = QFileInfo(options.modelPath).absoluteFilePath().toStdString();
    engineOptions.device = engineDevice(options.device);
    engineOptions.context_length = options.contextLength;
    if (!options.mmprojPath.isEmpty())
        engineOptions.mmproj_path = QFileInfo(options.mmprojPath).absoluteFilePath().toStdString();
    engineOptions.vision_budget = engineVisionBudget(options);
    const std::optional<KvCacheType> kvType = kv_cache_type_from_name(options.kvType.toStdString());
    if (!kvType) {
        emit modelLoadFailed(tr("Unknown KV cache precision \"%1\": choose f16 or q8_0.").arg(options.kvType));
        return;
    }
    engineOptions.kv_type = *kvType;
    Result<Engine> engine = Engine::load(engineOptions);
    if (!engine.is_ok()) {
        emit modelLoadFailed(tr("Cannot load the model %1: %2").arg(options.modelPath, fromStd(engine.status().message())));
        return;
    }
    Result<ChatSession> session = engine->new_session();
    if (!session.is_ok()) {
        emit modelLoadFailed(tr("Cannot start a session with the model %1: %2")
                                 .arg(options.modelPath, fromStd(session.status().message())));
        return;
    }
    const EngineModelSummary& summary = engine->summary();
    d->info = ModelInfo{options.modelPath,
                        modelNameFor(options.modelPath),
                        fromStd(summary.backend),
                        fromStd(summary.device_name),
                        summary.context_length,
                        summary.thinking_by_default,
                        !summary.vision_path.empty(),
                        fromStd(summary.vision_path)};
    d->info.maxContextLength = summary.max_context_length;
    d->info.kvType = fromStd(summary.kv_type);
    d->info.weightBytes = qint64(summary.weight_bytes);
    d->info.sessionBytes = qint64(summary.session_bytes);
    d->info.memoryUsedBytes = qint64(summary.weight_bytes + summary.session_bytes);
    d->info.memoryTotalBytes = qint64(summary.device_memory_bytes);
    d->info.fallbackReason = fromStd(summary.fallback_reason);
    d->info.visionPixels = options.visionPixels;
    d->options = options;
    d->engine.emplace(std::move(engine).value());
    d->session.emplace(std::move(session).value());
    emit modelLoaded(d->info);
}

void TurnRunner::runCompletion(const std::shared_ptr<CompletionJob>& job)
{
    CompletionModel model;
    if (d->engine && d->session) {
        model.engine = &*d->engine;
        model.session = &*d->session;
        model.modelName = d->info.modelName;
        model.contextLength = d->info.contextLength;
    }
    chat::runCompletion(*job, model);
}

bool TurnRunner::setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling)
{
    ModelOptions options = d->options;
    options.visionPixels = pixels;
    options.videoSampling = sampling;
    if (d->engine) {
        const Status status = d->engine->set_vision_budget(engineVisionBudget(options));
        if (!status.is_ok()) {
            emit warning(tr("The image budget was not changed: %1").arg(fromStd(status.message())));
            return false;
        }
    }
    d->options.visionPixels = pixels;
    d->options.videoSampling = sampling;
    d->info.visionPixels = pixels;
    d->historyVisuals.clear();  // sized for the old budget
    return true;
}

void TurnRunner::estimatePrompt(quint64 requestId, qint64 promptTokens)
{
    PromptEstimate estimate;
    estimate.requestId = requestId;
    estimate.promptTokens = promptTokens;
    if (!d->engine) {
        estimate.error = tr("No model is loaded, so the prompt cannot be estimated.");
        emit promptEstimated(estimate);
        return;
    }
    Result<lectern::PromptEstimate> e = d->engine->estimate_prompt(promptTokens);
    if (!e.is_ok()) {
        estimate.error = tr("Cannot estimate the prompt: %1").arg(fromStd(e.status().message()));
        emit promptEstimated(estimate);
        return;
    }
    estimate.contextLength = e->context_length;
    estimate.fitsContext = e->fits_context;
    estimate.bytesNeeded = qint64(e->device_bytes_needed);
    estimate.bytesAvailable = qint64(e->device_bytes_available);
    estimate.fitsMemory = e->fits_memory;
    estimate.tokensPerSecond = e->prompt_tokens_per_second;
    estimate.seconds = e->prefill_seconds;
    emit promptEstimated(estimate);
}

void TurnRunner::countConversationTokens(qint64 conversationId)
{
    auto finish = [&](qint64 tokens) { emit conversationTokensCounted(conversationId, tokens); };
    if (!d->engine)
        return finish(-1);
    if (!d->writer) {
        storage::StorageResult<std::unique_ptr<storage::Connection>> writer = d->database.openWriter();
        if (!writer.ok())
            return finish(-1);
        d->writer = std::move(writer).value();
    }
    storage::Connection& db = *d->writer;
    storage::StorageResult<storage::Conversation> conversation = storage::ConversationRepository(db).get(conversationId);
    storage::StorageResult<QList<storage::Message>> messages = storage::MessageRepository(db).listForConversation(conversationId);
    storage::StorageResult<QList<storage::Attachment>> attachments =
        storage::AttachmentRepository(db).listForConversation(conversationId);
    if (!conversation.ok() || !messages.ok() || !attachments.ok())
        return finish(-1);
    QList<storage::Message> history = messages.value();
    if (history.isEmpty())
        return finish(0);
    // The last question stands in for "the next one" so that the template renders the history as it is sent.
    QString lastQuestion;
    QList<VisualInput> lastVisuals;
    if (history.last().role == storage::MessageRole::User) {
        const qint64 lastId = history.last().id;
        lastVisuals = d->visualsFor(conversationId, {history.last()}, attachments.value(), nullptr).value(lastId);
        lastQuestion = history.takeLast().content;
    }
    // Earlier pictures as the next turn would send them (fitted to the context).
    const Fitted fitted = d->fitRequest(conversationId, history, attachments.value(), lastQuestion, {},
                                        conversation.value().thinking, lastVisuals, nullptr);
    const Result<int64_t>& tokens = fitted.tokens;
    finish(tokens.is_ok() ? qint64(*tokens) : -1);
}

void TurnRunner::runTurn(const TurnRequest& request, quint64 turnNumber)
{
    m_begunThrough = turnNumber;  // before the cancel check: ChatService::cancel relies on the order
    TurnResult result;
    auto finishWith = [&](const QString& error) {
        result.error = error;
        emit turnFinished(result);
    };
    if (m_cancelThrough.load() >= turnNumber)
        return finishWith(tr("The question was cancelled before it was sent."));
    if (!d->engine || !d->session)
        return finishWith(tr("No model is loaded. Load a model before asking."));
    if (request.question.trimmed().isEmpty())
        return finishWith(tr("The question is empty. Type a question to ask."));
    if (!d->writer) {
        storage::StorageResult<std::unique_ptr<storage::Connection>> writer = d->database.openWriter();
        if (!writer.ok())
            return finishWith(tr("Cannot open the database %1 for writing: %2")
                                  .arg(d->database.path(), writer.status().message()));
        d->writer = std::move(writer).value();
    }
    storage::Connection& db = *d->writer;

    // The stored conversation this question continues.
    storage::Conversation conversation;
    QList<storage::Message> history;
    QList<storage::Attachment> historyAttachments;
    if (request.conversationId) {
        storage::StorageResult<storage::Conversation> found = storage::ConversationRepository(db).get(*request.conversationId);
        if (!found.ok())
            return finishWith(found.status().code() == storage::StorageErrorCode::NotFound
                                  ? tr("There is no conversation %1 in %2. Leave out the conversation to start a new one.")
                                        .arg(*request.conversationId)
                                        .arg(d->database.path())
                                  : found.status().message());
        conversation = found.value();
        storage::StorageResult<QList<storage::Message>> messages = storage::MessageRepository(db).listForConversation(conversation.id);
        if (!messages.ok())
            return finishWith(messages.status().message());
        history = messages.value();
        storage::StorageResult<QList<storage::Attachment>> attachments =
            storage::AttachmentRepository(db).listForConversation(conversation.id);
        if (!attachments.ok())
            return finishWith(attachments.status().message());
        historyAttachments = attachments.value();
    }

    // What the model reads of the new attachments; warnings for what it cannot see.
    // With a vision encoder, images, page images and video frames go in as pixels, in the order attached.
    QList<DocumentText> documents;
    QList<VisualInput> visuals;
    for (const app::ImportedDocument& document : request.attachments) {
        if (!document.ok())
            return finishWith(tr("%1 cannot be attached: %2").arg(document.sourcePath, document.errorMessage));
        if (std::optional<DocumentText> text = PromptBuilder::readableText(document, &result.warnings, d->info.vision))
            documents.append(*text);
        if (d->info.vision)
            visuals.append(PromptBuilder::visualInputs(document, d->options.visionPixels, &result.warnings));
    }
    for (const QString& message : std::as_const(result.warnings))
        emit warning(message);

    QStringList historyWarnings;
    Fitted fitted = d->fitRequest(conversation.id, history, historyAttachments, request.question, documents,
                                  request.thinking, visuals, &historyWarnings);
    const ChatRequest& chatRequest = fitted.request;
    Result<int64_t>& promptTokens = fitted.tokens;
    for (const QString& message : std::as_const(historyWarnings))
        emit warning(message);
    result.warnings += historyWarnings;
    const GenerationSettings settings = generationSettings(request, !visuals.isEmpty());

    // Refuse what cannot fit before anything is stored.
    if (!promptTokens.is_ok())
        return finishWith(tr("Cannot build the prompt: %1").arg(fromStd(promptTokens.status().message())));
    if (*promptTokens >= d->info.contextLength)
        return finishWith(tr("The conversation and its attachments take %1 tokens, but the context holds %2. "
                             "Attach less, start a new conversation or load the model with a longer context.")
                              .arg(*promptTokens)
                              .arg(d->info.contextLength));

    // The question, its attachments and the conversation's settings: one transaction.
    storage::StorageStatus stored = db.write([&]() -> storage::StorageStatus {
        conversation.model = d->info.modelName;
        conversation.thinking = request.thinking;
        conversation.sampling = samplingJson(settings);
        if (conversation.id == 0) {
            conversation.title = titleFor(request.question);
            storage::StorageResult<qint64> id = storage::ConversationRepository(db).create(conversation);
            if (!id.ok())
                return id.status();
            conversation.id = id.value();
        } else {
            LECTERN_STORAGE_TRY(storage::ConversationRepository(db).update(conversation));
        }
        storage::Message question;
        question.conversationId = conversation.id;
        question.role = storage::MessageRole::User;
        question.content = request.question;
        storage::StorageResult<qint64> questionId = storage::MessageRepository(db).append(question);
        if (!questionId.ok())
            return questionId.status();
        result.userMessageId = questionId.value();
        for (const app::ImportedDocument& document : request.attachments) {
            storage::Attachment attachment;
            attachment.conversationId = conversation.id;
            attachment.messageId = result.userMessageId;
            attachment.originalPath = document.sourcePath;
            attachment.sha256 = QString::fromLatin1(document.contentHash);
            attachment.kind = app::kindName(document.kind);
            if (document.kind == app::DocumentKind::Pdf)
                attachment.pageCount = document.metadata.pageCount;
            if (document.kind == app::DocumentKind::Video)
                attachment.frameCount = int(document.frames.size());
            if (document.kind == app::DocumentKind::Pdf || document.kind == app::DocumentKind::Text)
                attachment.extractedText = document.text();
            storage::StorageResult<qint64> attachmentId = storage::AttachmentRepository(db).add(attachment);
            if (!attachmentId.ok())
                return attachmentId.status();
        }
        return {};
    });
    if (!stored.ok())
        return finishWith(tr("Cannot save the question: %1").arg(stored.message()));
    result.conversationId = conversation.id;
    if (d->info.vision) {  // kept as sent, for the next questions of this conversation
        if (d->visualsConversation != conversation.id) {
            d->historyVisuals.clear();
            d->visualsConversation = conversation.id;
        }
        d->historyVisuals.insert(result.userMessageId, visuals);
    }

    storage::StreamingMessageWriter answer(db);
    storage::StorageResult<qint64> answerId = answer.begin(conversation.id);
    if (!answerId.ok())
        return finishWith(tr("Cannot save the answer: %1").arg(answerId.status().message()));
    result.assistantMessageId = answerId.value();
    emit turnStarted(result.conversationId, result.userMessageId, result.assistantMessageId);

    // Streaming: every piece goes to the view and to the database; a storage failure stops generation.
    std::atomic<bool> stop{false};
    storage::StorageStatus storageFailure;
    QElapsedTimer reasoningTimer;
    std::optional<qint64> reasoningMs;
    auto checkCancel = [&] {
        if (m_cancelThrough.load() >= turnNumber)
            stop = true;
    };
    GenerationCallbacks callbacks;
    callbacks.on_prefill_progress = [&](int64_t done, int64_t total) {
        checkCancel();
        emit prefillProgress(done, total);
    };
    callbacks.on_piece = [&](const GenerationPiece& piece) {
        const AssistantDelta& delta = piece.delta;
        if (!delta.reasoning.empty()) {
            if (!reasoningTimer.isValid())
                reasoningTimer.start();
            const QString text = fromStd(delta.reasoning);
            storage::StorageStatus status = answer.appendReasoning(text);
            if (!status.ok() && storageFailure.ok())
                storageFailure = status;
            emit reasoningDelta(text);
        }
        if (reasoningTimer.isValid() && !reasoningMs && delta.phase != AssistantPhase::Reasoning)
            reasoningMs = reasoningTimer.elapsed();
        if (!delta.content.empty()) {
            const QString text = fromStd(delta.content);
            storage::StorageStatus status = answer.appendContent(text);
            if (!status.ok() && storageFailure.ok())
                storageFailure = status;
            emit answerDelta(text);
        }
        if (!storageFailure.ok())
            stop = true;
        checkCancel();
    };
    checkCancel();
    Result<GenerationResult> generated = d->session->generate(chatRequest, settings, callbacks, &stop);

    storage::GenerationStats stats;
    QString error;
    QString finalAnswer = answer.content();
    QString finalReasoning = answer.reasoning();
    if (!generated.is_ok()) {
        stats.finishReason = storage::FinishReason::Error;
        error = tr("Generation failed: %1").arg(fromStd(generated.status().message()));
    } else {
        const lectern::GenerationStats& s = generated->stats;
        stats.finishReason = storedFinishReason(s.finish_reason);
        stats.promptTokens = int(s.n_prompt_tokens);
        stats.generatedTokens = int(s.n_generated);
        if (s.generation_tokens_per_second > 0)
            stats.tokensPerSecond = s.generation_tokens_per_second;
        if (reasoningTimer.isValid())
            stats.reasoningMs = reasoningMs.value_or(reasoningTimer.elapsed());
        finalAnswer = fromStd(generated->output.content);
        finalReasoning = fromStd(generated->output.reasoning);
        result.statsSummary = fromStd(format_generation_stats(s));
        if (s.finish_reason == lectern::FinishReason::Error)
            error = tr("Generation failed: %1").arg(fromStd(generated->error.message()));
    }
    if (!storageFailure.ok()) {
        stats.finishReason = storage::FinishReason::Error;
        error = tr("Cannot save the answer: %1").arg(storageFailure.message());
    }
    storage::StorageStatus finished = answer.finish(stats);
    // The streamed pieces normally add up to the parsed output; if the parser revised earlier text, store its result.
    if (finished.ok() && (finalAnswer != answer.content() || finalReasoning != answer.reasoning()))
        finished = storage::MessageRepository(db).updateText(result.assistantMessageId, finalAnswer, finalReasoning);
    if (!finished.ok() && error.isEmpty())
        error = tr("Cannot save the answer: %1").arg(finished.message());
    result.answer = finalAnswer;
    result.reasoning = finalReasoning;
    result.stats = stats;
    finishWith(error);
}

}  // namespace lectern::chat
