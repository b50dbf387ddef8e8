// extraction_worker.cpp: model loading and one job's import, generations and stored records.
#include "app/extract/extraction_worker.h"

#include <QFileInfo>

#include <nlohmann/json.hpp>

#include "app/extract/extraction_prompt.h"
#include "app/extract/extraction_templates.h"
#include "app/importers/importer.h"
#include "app/storage/extraction_job_repository.h"
#include "app/storage/extraction_repository.h"
#include "lectern/engine.h"

namespace lectern::extract {

namespace {

DeviceChoice engineDevice(chat::ComputeDevice device)
{
    switch (device) {
    case chat::ComputeDevice::Cpu: return DeviceChoice::Cpu;
    case chat::ComputeDevice::Vulkan: return DeviceChoice::Vulkan;
    case chat::ComputeDevice::Auto: break;
    }
    return DeviceChoice::Auto;
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

}  // namespace

struct ExtractionWorker::Private {
    explicit Private(storage::Database db) : database(std::move(db)) {}
    storage::Database database;
    std::shared_ptr<std::atomic<bool>> cancel;
    std::optional<Engine> engine;
    std::optional<ChatSession> session;
    std::unique_ptr<storage::Connection> writer;
    qint64 contextLength = 0;
};

ExtractionWorker::ExtractionWorker(storage::Database database, std::shared_ptr<std::atomic<bool>> cancel)
    : d(std::make_unique<Private>(std::move(database)))
{
    d->cancel = std::move(cancel);
    qRegisterMetaType<lectern::chat::ModelInfo>();
}

ExtractionWorker::~ExtractionWorker() = default;

void ExtractionWorker::loadModel(const chat::ModelOptions& options)
{
    d->session.reset();
    d->engine.reset();
    EngineOptions engineOptions;
    engineOptions.model_path = QFileInfo(options.modelPath).absoluteFilePath().toStdString();
    engineOptions.device = engineDevice(options.device);
    engineOptions.context_length = options.contextLength;
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
    const EngineModelSummary& s = engine->summary();
    d->contextLength = s.context_length;
    const chat::ModelInfo info{options.modelPath, QFileInfo(options.modelPath).fileName(), fromStd(s.backend),
                               fromStd(s.device_name), s.context_length, s.thinking_by_default};
    d->engine.emplace(std::move(engine).value());
    d->session.emplace(std::move(session).value());
    emit modelLoaded(info);
}

void ExtractionWorker::runJob(qint64 jobId, const QString& path, qint64 schemaId, const QByteArray& schemaJson,
                              const ExtractionOptions& options)
{
    int stored = 0;
    auto finish = [&](storage::JobState state, const QString& error) {
        if (d->writer) {
            if (state == storage::JobState::Cancelled) {
                // A cancelled job keeps no half set of records.
                storage::ExtractionJobRepository jobs(*d->writer);
                storage::StorageResult<QList<qint64>> ids = jobs.recordIds(jobId);
                storage::ExtractionRepository records(*d->writer);
                if (ids.ok())
                    for (qint64 id : ids.value())
                        (void)records.remove(id);
                stored = 0;
            }
            (void)storage::ExtractionJobRepository(*d->writer).setState(jobId, state, error, stored);
        }
        emit jobFinished(jobId, storage::jobStateName(state), error, stored);
    };
    if (!d->writer) {
        storage::StorageResult<std::unique_ptr<storage::Connection>> writer = d->database.openWriter();
        if (!writer.ok()) {
            emit jobFinished(jobId, storage::jobStateName(storage::JobState::Failed),
                             tr("Cannot open the database %1: %2").arg(d->database.path(), writer.status().message()), 0);
            return;
        }
        d->writer = std::move(writer).value();
    }
    if (!d->engine || !d->session)
        return finish(storage::JobState::Failed, tr("No model is loaded. Load a model before extracting."));
    if (d->cancel->load())
        return finish(storage::JobState::Cancelled, {});

    const app::ImportedDocument document = app::Importer::importFile(path, app::ImportOptions());
    if (!document.ok())
        return finish(storage::JobState::Failed, tr("Cannot read %1: %2").arg(path, document.errorMessage));
    const RecordShape shape = ExtractionTemplates::shapeOf(schemaJson);
    const QList<ExtractionUnit> units = extractionUnits(document, shape);
    if (units.isEmpty())
        return finish(storage::JobState::Failed,
                      tr("%1 has no text to extract from (image-only pages are not read yet).").arg(path));

    GenerationSettings settings;
    settings.sampler = default_sampler_settings(options.thinking, false);
    if (options.greedy)
        settings.sampler.temperature = 0.0f;
    settings.sampler.seed = options.seed;
    settings.max_tokens = options.maxTokens;
    settings.json_schema = schemaJson.toStdString();
    // Roughly 3 characters per token; leave room for the system prompt (schema) and the answer.
    const qsizetype maxTextChars =
        qMax<qsizetype>(256, (d->contextLength - options.maxTokens - schemaJson.size() / 2 - 256) * 3);

    storage::ExtractionRepository records(*d->writer);
    storage::ExtractionJobRepository jobs(*d->writer);
    QStringList problems;
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (d->cancel->load())
            return finish(storage::JobState::Cancelled, {});
        const ChatRequest request = buildExtractionRequest(schemaJson, path, units[i], maxTextChars, options.thinking);
        Result<GenerationResult> result = d->session->generate(request, settings, {}, d->cancel.get());
        if (!result.is_ok())
            return finish(storage::JobState::Failed, tr("Extraction failed: %1").arg(fromStd(result.status().message())));
        if (result->stats.finish_reason == FinishReason::Cancelled)
            return finish(storage::JobState::Cancelled, {});
        if (result->stats.finish_reason == FinishReason::Error)
            return finish(storage::JobState::Failed, tr("Extraction failed: %1").arg(fromStd(result->error.message())));
        const QByteArray answer = QByteArray::fromStdString(result->output.content.empty() ? result->text
                                                                                            : result->output.content);
        // nlohmann's ordered_json keeps the keys in the order the model wrote them (the schema's order).
        nlohmann::ordered_json value;
        try {
            value = nlohmann::ordered_json::parse(answer.toStdString());
        } catch (const nlohmann::ordered_json::exception& e) {
            problems << tr("page %1: the answer is not complete JSON (%2); raise the token limit")
                            .arg(units[i].page.value_or(1))
                            .arg(QString::fromUtf8(e.what()));
            emit jobProgress(jobId, int(i + 1), int(units.size()));
            continue;
        }
        std::vector<nlohmann::ordered_json> items;
        if (value.is_array()) {
            for (const auto& item : value)
                items.push_back(item.is_object() ? item : nlohmann::ordered_json{{"value", item}});
        } else {
            items.push_back(value.is_object() ? value : nlohmann::ordered_json{{"value", value}});
        }
        for (const auto& item : items) {
            storage::Extraction e;
            e.schemaId = schemaId;
            e.recordJson = QByteArray::fromStdString(item.dump());
            e.validation = storage::ValidationStatus::Valid;  // the constraint guarantees the schema
            e.page = units[i].page;
            storage::StorageResult<qint64> id = records.add(e);
            if (!id.ok())
                return finish(storage::JobState::Failed, id.status().message());
            (void)jobs.linkRecord(id.value(), jobId);
            ++stored;
            emit recordAdded(jobId, id.value());
        }
        emit jobProgress(jobId, int(i + 1), int(units.size()));
    }
    if (!problems.isEmpty() && stored == 0)
        return finish(storage::JobState::Failed, problems.join(QStringLiteral("; ")));
    finish(storage::JobState::Done, problems.join(QStringLiteral("; ")));
}

}  // namespace lectern::extract
