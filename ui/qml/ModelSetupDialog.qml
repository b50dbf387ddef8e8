// ModelSetupDialog.qml: the first-run screen, shown while no model is configured: open a GGUF file or a
// HuggingFace folder, pick a Qwen3.5 model already on this computer, or download Qwen3.5-0.8B. Also loads the
// configured model at start and again after the settings change.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Lectern

Popup {
    id: dialog
    objectName: "modelSetupDialog"

    // Loads AppSettings' model on the inference worker (at start, after a choice here or in the settings).
    function loadConfiguredModel() {
        if (AppSettings.hasModel)
            ChatController.loadModel(AppSettings.modelPath, AppSettings.device, AppSettings.contextLength,
                                     AppSettings.kvCachePrecision);
    }

    function chooseModel(path) {
        const problem = setup.checkModelPath(path);
        errorLabel.text = problem;
        if (problem.length > 0)
            return;
        AppSettings.modelPath = path;
        dialog.loadConfiguredModel();
        dialog.close();
    }

    // Not modal: the rest of the window stays usable (conversations can be read without a model).
    modal: false
    focus: false
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    width: Math.min(600, parent ? parent.width - 120 : 600)
    padding: 20

    Component.onCompleted: {
        if (AppSettings.hasModel)
            loadConfiguredModel();
        else
            open();
    }
    onOpened: setup.scan()

    ModelSetup {
        id: setup
        onDownloadFinished: (path) => dialog.chooseModel(path)
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Open a GGUF model file")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: dialog.chooseModel(AppSettings.localPath(selectedFile))
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Open a HuggingFace model folder")
        onAccepted: dialog.chooseModel(AppSettings.localPath(selectedFolder))
    }

    background: Rectangle {
        radius: 12
        color: title.palette.window
        border.color: title.palette.mid
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            id: title
            objectName: "modelSetupTitle"
            text: qsTr("Choose a model")
            font.pixelSize: 20
            font.weight: Font.DemiBold
        }
        Label {
            text: qsTr("Lectern answers with a Qwen3.5 model that runs on this computer.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: 8
            Button {
                objectName: "openGgufButton"
                text: qsTr("Open GGUF file…")
                onClicked: fileDialog.open()
                Accessible.name: qsTr("Open a GGUF model file")
            }
            Button {
                objectName: "openFolderButton"
                text: qsTr("Open HuggingFace folder…")
                onClicked: folderDialog.open()
                Accessible.name: qsTr("Open a HuggingFace model folder")
            }
        }

        Label {
            text: qsTr("Found on this computer")
            font.weight: Font.DemiBold
            Layout.topMargin: 4
        }
        Label {
            objectName: "discoveredEmptyLabel"
            visible: !setup.scanning && setup.models.length === 0
            text: qsTr("No Qwen3.5 models in Ollama's store or the HuggingFace cache.")
            color: title.palette.placeholderText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BusyIndicator {
            visible: setup.scanning
            running: setup.scanning
            Layout.preferredHeight: 32
            Accessible.name: qsTr("Looking for models")
        }
        ListView {
            id: discovered
            objectName: "discoveredModelList"
            visible: setup.models.length > 0
            model: setup.models
            clip: true
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 160)
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Models found on this computer")
            delegate: ItemDelegate {
                id: entry
                required property var modelData
                width: discovered.width
                text: qsTr("%1 (%2, %3)").arg(modelData.name).arg(modelData.source === "ollama" ? qsTr("Ollama") : qsTr("HuggingFace"))
                                         .arg(setup.formatSize(modelData.size))
                onClicked: dialog.chooseModel(entry.modelData.path)
                Accessible.name: text
            }
        }

        Label {
            text: qsTr("Download")
            font.weight: Font.DemiBold
            Layout.topMargin: 4
        }
        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            TextField {
                id: urlField
                objectName: "downloadUrlField"
                text: AppSettings.downloadUrl
                Layout.fillWidth: true
                selectByMouse: true
                onEditingFinished: AppSettings.downloadUrl = text
                Accessible.name: qsTr("Download address")
            }
            Button {
                objectName: "downloadButton"
                text: setup.downloading ? qsTr("Pause") : qsTr("Download Qwen3.5-0.8B")
                onClicked: setup.downloading ? setup.cancelDownload()
                                             : setup.startDownload(urlField.text, AppSettings.downloadSha256)
                Accessible.name: text
            }
        }
        ProgressBar {
            objectName: "downloadProgress"
            visible: setup.downloading
            indeterminate: setup.downloadFraction < 0
            value: Math.max(0, setup.downloadFraction)
            Layout.fillWidth: true
            Accessible.name: qsTr("Download progress")
        }
        Label {
            objectName: "downloadStatus"
            visible: setup.downloading || setup.downloadError.length > 0
            text: setup.downloadError.length > 0 ? setup.downloadError : setup.downloadText
            color: setup.downloadError.length > 0 ? "#c0392b" : title.palette.placeholderText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Label {
            id: errorLabel
            objectName: "modelSetupError"
            visible: text.length > 0
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Button {
            objectName: "modelSetupLaterButton"
            text: qsTr("Later")
            flat: true
            Layout.alignment: Qt.AlignRight
            onClicked: dialog.close()
            Accessible.name: qsTr("Close the model setup")
        }
    }
}
