// model_discovery.h: finds Qwen3.5 models already on this computer: GGUF blobs in Ollama's model store and
// HuggingFace cache snapshots (config.json model_type qwen3_5*, or GGUF files whose architecture is qwen35).
#pragma once

#include <QList>
#include <QString>

namespace lectern::app {

struct DiscoveredModel {
    QString name;        // what the list shows: "qwen3.5:0.8b" (Ollama), "Qwen/Qwen3.5-0.8B" (HuggingFace)
    QString path;        // a .gguf file or a HuggingFace snapshot folder, ready for Settings::modelPath
    QString source;      // "ollama" or "huggingface"
    QString format;      // "gguf" or "safetensors"
    qint64 sizeBytes = 0;  // the GGUF file, or the snapshot's *.safetensors files together
};

class ModelDiscovery {
public:
    struct Roots {
        QString ollamaModels;    // ~/.ollama/models, or $OLLAMA_MODELS
        QString huggingFaceHub;  // ~/.cache/huggingface/hub, or $HF_HUB_CACHE, or $HF_HOME/hub
    };
    static Roots defaultRoots();

    // Every Qwen3.5 model under roots, sorted by name. Reads only manifests, config.json files and GGUF headers;
    // missing folders and unreadable files are skipped.
    static QList<DiscoveredModel> discover(const Roots& roots = defaultRoots());

    // general.architecture from a GGUF file's header ("qwen35"), or "" with *error saying why not.
    static QString ggufArchitecture(const QString& path, QString* error = nullptr);
    // Whether a GGUF architecture or a config.json model_type is Qwen3.5.
    static bool isQwen35Architecture(const QString& architecture);
};

}  // namespace lectern::app
