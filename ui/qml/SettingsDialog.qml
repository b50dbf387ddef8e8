// SettingsDialog.qml: the settings page (Ctrl+,): model, device, context size, KV cache precision, image token
// budget (image resolution, video frames per second and frame budget), theme, language. Changes are saved at once;
// model, device, context and KV precision take effect when the model is loaded again, the image budget at once
// (the next question and the attachments' token estimates).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Lectern

Dialog {
    id: dialog
    objectName: "settingsDialog"

    // Emitted after the model-related settings changed, so that the owner can load the model again.
    signal modelSettingsChanged()

    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Close
    // A standard button takes its accessible name from its text only once a screen reader is running: name it now.
    Component.onCompleted: standardButton(Dialog.Close).Accessible.name = standardButton(Dialog.Close).text
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 80 : 560)

    ModelSetup {
        id: setup
    }

    FileDialog {
        id: modelFileDialog
        title: qsTr("Choose a GGUF model file")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: dialog.chooseModel(AppSettings.localPath(selectedFile))
    }

    FolderDialog {
        id: modelFolderDialog
        title: qsTr("Choose a HuggingFace model folder")
        onAccepted: dialog.chooseModel(AppSettings.localPath(selectedFolder))
    }

    function chooseModel(path) {
        const problem = setup.checkModelPath(path);
        modelError.text = problem;
        if (problem.length > 0)
            return;
        AppSettings.modelPath = path;
        dialog.modelSettingsChanged();
    }

    ScrollView {
        anchors.fill: parent
        implicitHeight: form.implicitHeight
        contentWidth: availableWidth

        GridLayout {
            id: form
            width: parent.width
            columns: 2
            columnSpacing: 12
            rowSpacing: 10

            Label { text: qsTr("Model") }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "settingsModelPath"
                    text: AppSettings.hasModel ? AppSettings.modelPath : qsTr("No model chosen")
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "settingsChooseFileButton"
                    text: qsTr("File…")
                    onClicked: modelFileDialog.open()
                    Accessible.name: qsTr("Choose a GGUF model file")
                }
                Button {
                    objectName: "settingsChooseFolderButton"
                    text: qsTr("Folder…")
                    onClicked: modelFolderDialog.open()
                    Accessible.name: qsTr("Choose a HuggingFace model folder")
                }
            }
            Item { implicitWidth: 1; visible: modelError.text.length > 0 }
            Label {
                id: modelError
                objectName: "settingsModelError"
                visible: text.length > 0
                color: "#c0392b"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("Device") }
            ComboBox {
                objectName: "settingsDeviceCombo"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "auto", text: qsTr("Automatic (GPU when available)") },
                    { value: "vulkan", text: qsTr("GPU (Vulkan)") },
                    { value: "cpu", text: qsTr("CPU") }
                ]
                currentIndex: Math.max(0, indexOfValue(AppSettings.device))
                onActivated: {
                    AppSettings.device = currentValue;
                    dialog.modelSettingsChanged();
                }
                Accessible.name: qsTr("Device")
            }

            Label { text: qsTr("Context size") }
            RowLayout {
                Layout.fillWidth: true
                CheckBox {
                    id: customContext
                    objectName: "settingsCustomContext"
                    text: qsTr("Limit to")
                    checked: AppSettings.contextLength > 0
                    onToggled: {
                        AppSettings.contextLength = checked ? contextSpin.value : 0;
                        dialog.modelSettingsChanged();
                    }
                    Accessible.name: qsTr("Limit the context size")
                }
                SpinBox {
                    id: contextSpin
                    objectName: "settingsContextSpin"
                    enabled: customContext.checked
                    editable: true
                    from: AppSettings.minContextLength
                    to: AppSettings.maxContextLength
                    stepSize: 4096
                    value: AppSettings.contextLength > 0 ? AppSettings.contextLength : 32768
                    onValueModified: {
                        AppSettings.contextLength = value;
                        dialog.modelSettingsChanged();
                    }
                    Accessible.name: qsTr("Context size in tokens")
                }
                Label {
                    text: qsTr("tokens")
                }
            }

            // Once a model is loaded: the largest context that fits next to its weights on this device.
            Item {
                visible: fitButton.visible
                implicitWidth: 1
                implicitHeight: 1
            }
            Button {
                id: fitButton
                objectName: "settingsFitContextButton"
                readonly property real largest: Math.min(ChatController.maxContextLength, AppSettings.maxContextLength)
                visible: ChatController.modelReady && largest >= AppSettings.minContextLength
                text: qsTr("Use the largest that fits: %1 tokens").arg(Number(largest).toLocaleString(Qt.locale(), "f", 0))
                Accessible.name: text
                onClicked: {
                    AppSettings.contextLength = largest;
                    dialog.modelSettingsChanged();
                }
            }

            Label { text: qsTr("KV cache") }
            ComboBox {
                objectName: "settingsKvCombo"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "f16", text: qsTr("16-bit (best quality)") },
                    { value: "q8_0", text: qsTr("8-bit (half the memory)") }
                ]
                currentIndex: Math.max(0, indexOfValue(AppSettings.kvCachePrecision))
                onActivated: {
                    AppSettings.kvCachePrecision = currentValue;
                    dialog.modelSettingsChanged();
                }
                Accessible.name: qsTr("KV cache precision")
            }

            Label { text: qsTr("Image resolution") }
            ComboBox {
                objectName: "settingsImageResolutionCombo"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "auto", text: qsTr("Automatic (the largest that fits the context)") },
                    { value: "max", text: qsTr("Full (up to 16,384 tokens per picture)") },
                    { value: "high", text: qsTr("High (up to 4,096 tokens per picture)") },
                    { value: "medium", text: qsTr("Medium (up to 1,024 tokens per picture)") },
                    { value: "low", text: qsTr("Low (up to 256 tokens per picture)") }
                ]
                currentIndex: Math.max(0, indexOfValue(AppSettings.imageResolution))
                onActivated: AppSettings.imageResolution = currentValue
                Accessible.name: qsTr("Image resolution: the most vision tokens one picture or page image may take")
            }

            Label { text: qsTr("Video") }
            RowLayout {
                Layout.fillWidth: true
                SpinBox {
                    objectName: "settingsVideoFps"
                    // In tenths of a frame per second: 0.1 to 30.
                    from: 1
                    to: 300
                    stepSize: 5
                    editable: true
                    value: Math.round(AppSettings.videoFps * 10)
                    textFromValue: function(value, locale) { return Number(value / 10).toLocaleString(locale, "f", 1); }
                    valueFromText: function(text, locale) { return Math.round(Number.fromLocaleString(locale, text) * 10); }
                    onValueModified: AppSettings.videoFps = value / 10
                    Accessible.name: qsTr("Video frames per second")
                }
                Label { text: qsTr("frames per second, at most") }
                SpinBox {
                    objectName: "settingsVideoMaxFrames"
                    from: 4
                    to: 768
                    stepSize: 16
                    editable: true
                    value: AppSettings.videoMaxFrames
                    onValueModified: AppSettings.videoMaxFrames = value
                    Accessible.name: qsTr("Most frames sampled from one video")
                }
                Label { text: qsTr("frames") }
            }

            Label { text: qsTr("Theme") }
            ComboBox {
                objectName: "settingsThemeCombo"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "system", text: qsTr("Like the system") },
                    { value: "light", text: qsTr("Light") },
                    { value: "dark", text: qsTr("Dark") }
                ]
                currentIndex: Math.max(0, indexOfValue(AppSettings.theme))
                onActivated: AppSettings.theme = currentValue
                Accessible.name: qsTr("Theme")
            }

            Label { text: qsTr("Language") }
            ComboBox {
                id: languageCombo
                objectName: "settingsLanguageCombo"
                Layout.fillWidth: true
                model: AppSettings.languages
                displayText: AppSettings.languageDisplayName(currentValue === undefined ? "" : currentValue)
                currentIndex: Math.max(0, AppSettings.languageIndex(AppSettings.language))
                onActivated: AppSettings.language = currentValue
                Accessible.name: qsTr("Language")
                delegate: ItemDelegate {
                    required property string modelData
                    width: languageCombo.width
                    text: AppSettings.languageDisplayName(modelData)
                }
            }
            Item { implicitWidth: 1; visible: restartNote.visible }
            Label {
                id: restartNote
                objectName: "settingsRestartNote"
                visible: AppSettings.language !== AppSettings.startupLanguage
                text: qsTr("The new language is used after Lectern restarts.")
                font.pixelSize: 11
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
