// SettingsDialog.qml: the settings page (Ctrl+,): model, device, context size, KV cache precision, image token
// budget (image resolution, video frames per second and frame budget), theme, language, and the local API server
// (switch, port, API key, base URL, status). Changes are saved at once; model, device, context and KV precision take
// effect when the model is loaded again, the image budget at once (the next question and the attachments' token
// estimates), the server's switch, port and key at once (ServerController restarts it).
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
    // Wide enough for the video row and the server's key row; the window is at least 760 wide.
    width: Math.min(680, parent ? parent.width - 80 : 680)

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

    // Opens the dialog at the local API server's section (the status line's server indicator).
    function openServerSection() {
        open();
        scrollToServer.restart();
    }
    // Once the dialog is laid out: its server section in view, the switch focused.
    Timer {
        id: scrollToServer
        interval: 0
        onTriggered: {
            const flickable = scroll.contentItem as Flickable;
            if (flickable)
                flickable.contentY = Math.max(0, Math.min(serverHeading.y, flickable.contentHeight - flickable.height));
            serverSwitch.forceActiveFocus();
        }
    }

    // Stores a typed or generated key; one the settings refuse is put back and explained.
    function setApiKey(key) {
        AppSettings.serverApiKey = key;
        apiKeyNote.rejected = key.trim() !== AppSettings.serverApiKey;
        apiKeyField.text = apiKeyNote.rejected ? key : AppSettings.serverApiKey;
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
        id: scroll
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

            // The local OpenAI-compatible API server (ServerController): off by default, 127.0.0.1 only.
            Label {
                id: serverHeading
                objectName: "settingsServerHeading"
                text: qsTr("Local API server")
                font.weight: Font.DemiBold
                topPadding: 8
                Layout.columnSpan: 2
            }
            Switch {
                id: serverSwitch
                objectName: "settingsServerSwitch"
                text: qsTr("Serve the model to other apps on this computer (OpenAI-compatible API)")
                checked: AppSettings.serverEnabled
                enabled: ServerController.available
                onToggled: AppSettings.serverEnabled = checked
                Accessible.name: text
                Layout.columnSpan: 2
                Layout.fillWidth: true
                // The long text wraps inside the dialog instead of being cut off.
                contentItem: Label {
                    leftPadding: serverSwitch.indicator.width + serverSwitch.spacing
                    text: serverSwitch.text
                    wrapMode: Text.WordWrap
                    verticalAlignment: Text.AlignVCenter
                }
            }

            Label { text: qsTr("Port") }
            SpinBox {
                objectName: "settingsServerPort"
                from: 1
                to: 65535
                editable: true
                value: AppSettings.serverPort
                // A port is a number, not a quantity: no digit grouping ("8080", not "8,080").
                textFromValue: function(value) { return String(value); }
                valueFromText: function(text) { return parseInt(text, 10); }
                validator: IntValidator { bottom: 1; top: 65535 }
                onValueModified: AppSettings.serverPort = value
                Accessible.name: qsTr("API server port")
            }

            Label { text: qsTr("API key") }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: apiKeyField
                    objectName: "settingsServerApiKey"
                    text: AppSettings.serverApiKey
                    echoMode: showKeyButton.checked ? TextInput.Normal : TextInput.Password
                    placeholderText: qsTr("None: every app on this computer may connect")
                    Layout.fillWidth: true
                    onEditingFinished: dialog.setApiKey(text)
                    Accessible.name: qsTr("API key that clients must send")
                }
                Button {
                    id: showKeyButton
                    objectName: "settingsServerShowKey"
                    text: checked ? qsTr("Hide") : qsTr("Show")
                    checkable: true
                    Accessible.name: checked ? qsTr("Hide the API key") : qsTr("Show the API key")
                }
                Button {
                    objectName: "settingsServerGenerateKey"
                    text: qsTr("Generate")
                    onClicked: dialog.setApiKey(ServerController.generateApiKey())
                    Accessible.name: qsTr("Generate a random API key")
                }
            }
            Item { implicitWidth: 1 }
            Label {
                id: apiKeyNote
                objectName: "settingsServerKeyNote"
                property bool rejected: false
                text: rejected ? qsTr("An API key cannot contain spaces or characters outside ASCII.")
                      : qsTr("Clients send it as \"Authorization: Bearer <key>\". It is stored in plain text in %1.")
                        .arg(ServerController.settingsFile)
                color: rejected ? "#c0392b" : palette.placeholderText
                font.pixelSize: 11
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.preferredWidth: 1  // wraps in the column's width instead of widening it
            }

            Label { text: qsTr("Base URL") }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "settingsServerUrl"
                    text: ServerController.baseUrl
                    font.family: "monospace"
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                Button {
                    id: copyUrlButton
                    objectName: "settingsServerCopyUrl"
                    property bool copied: false
                    text: copied ? qsTr("Copied") : qsTr("Copy")
                    onClicked: {
                        ServerController.copyToClipboard(ServerController.baseUrl);
                        copied = true;
                        copiedTimer.restart();
                    }
                    Accessible.name: qsTr("Copy the base URL")
                    Timer {
                        id: copiedTimer
                        interval: 1500
                        onTriggered: copyUrlButton.copied = false
                    }
                }
            }

            Label { text: qsTr("Status") }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "settingsServerStatus"
                    text: ServerController.settingsStatusText
                    color: ServerController.errorString.length > 0 ? "#c0392b" : palette.windowText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.name: text
                }
                Button {
                    objectName: "settingsServerRetry"
                    visible: ServerController.errorString.length > 0
                    text: qsTr("Try again")
                    onClicked: ServerController.retry()
                    Accessible.name: qsTr("Start the API server again")
                }
            }
        }
    }
}
