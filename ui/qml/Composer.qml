// Composer.qml: where the user types a question and attaches files. Send or Return submits; Shift+Return starts a
// new line; Ctrl+O attaches. Shows the attachment chips, the thinking switch, the context meter with choices before
// an overflow, the advanced sampling panel, and the prompt's progress with the time left and a cancel button.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Lectern

Pane {
    id: composer
    objectName: "composer"

    // The trimmed text to send. The text stays in place: whoever accepts the message clears it (clear()).
    signal submitted(string text)

    readonly property alias attachments: attachmentModel
    // Tokens of the conversation so far (the chat controller counts them on its worker).
    property real conversationTokens: ChatController.conversationTokens
    // The loaded model's context; before one is loaded, the settings' (Qwen3.5's 262,144 unless they ask for less).
    property real contextLength: ChatController.contextLength > 0 ? ChatController.contextLength
                                 : AppSettings.contextLength > 0 ? AppSettings.contextLength : 262144
    property real typedTokens: 0
    readonly property real usedTokens: conversationTokens + typedTokens + attachmentModel.totalTokens
    readonly property bool overflow: usedTokens > contextLength
    // From this many tokens on, the memory and time the prompt needs are shown before it is sent.
    property real longPromptTokens: 8192
    readonly property bool longPrompt: ChatController.modelReady && !overflow && usedTokens > longPromptTokens
    onUsedTokensChanged: estimateDebounce.restart()
    onLongPromptChanged: estimateDebounce.restart()
    property bool thinking: ChatController.thinking

    readonly property bool canSend: input.text.trim().length > 0 && !attachmentModel.importing && !overflow

    function submit() {
        if (canSend)
            submitted(input.text.trim());
    }

    function clear() {
        input.clear();
        attachmentModel.clear();
    }

    // What ChatController.send takes as attachments.
    function documents() {
        return attachmentModel.documents();
    }

    function addFiles(urls) {
        attachmentModel.addUrls(urls);
    }

    function openFileDialog() {
        fileDialog.open();
    }

    // Focus given to the composer (Ctrl+N, after sending) goes to the text field.
    onActiveFocusChanged: if (activeFocus) input.forceActiveFocus()

    padding: 12
    background: Rectangle {
        color: composer.palette.window

        Rectangle {
            anchors.top: parent.top
            width: parent.width
            height: 1
            color: composer.palette.mid
            opacity: 0.5
        }
    }

    Attachments {
        id: attachmentModel
        // What "auto" image resolution may give the pictures: the rest of the context, less the answer's reserve.
        tokensLeft: composer.contextLength - composer.conversationTokens - composer.typedTokens
                    - AppSettings.answerReserveTokens
    }

    // The engine's estimate of a long prompt (ChatController.promptEstimate), asked on the worker after a pause.
    Timer {
        id: estimateDebounce
        interval: 400
        onTriggered: ChatController.estimatePrompt(composer.longPrompt ? composer.usedTokens : 0)
    }
    Connections {
        target: ChatController
        function onModelChanged() { estimateDebounce.restart(); }  // another model, device or context: ask again
    }

    // Re-estimating on every key stroke is wasted work: wait for a pause in typing.
    Timer {
        id: typingDebounce
        interval: 250
        onTriggered: composer.typedTokens = attachmentModel.estimateTextTokens(input.text)
    }

    Shortcut {
        objectName: "attachShortcut"
        sequence: "Ctrl+O"
        onActivated: composer.openFileDialog()
    }

    FileDialog {
        id: fileDialog
        objectName: "attachFileDialog"
        title: qsTr("Attach files")
        fileMode: FileDialog.OpenFiles
        nameFilters: [
            qsTr("Documents, images and videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)"),
            qsTr("All files (*)")
        ]
        onAccepted: attachmentModel.addUrls(selectedFiles)
    }

    Dialog {
        id: pageRangeDialog
        objectName: "pageRangeDialog"
        property int row: -1
        title: qsTr("Fewer pages")
        modal: true
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Ok | Dialog.Cancel
        // A standard button takes its accessible name from its text only once a screen reader is running: name it now.
        Component.onCompleted: {
            for (const which of [Dialog.Ok, Dialog.Cancel])
                standardButton(which).Accessible.name = standardButton(which).text;
        }
        onAccepted: attachmentModel.setPageRange(row, pageRangeField.text)

        ColumnLayout {
            spacing: 8
            Label {
                text: qsTr("Pages to send, for example 1-5, 8, 10-")
            }
            TextField {
                id: pageRangeField
                objectName: "pageRangeField"
                Layout.fillWidth: true
                Accessible.name: qsTr("Pages to send")
                onAccepted: pageRangeDialog.accept()
            }
        }
    }

    SamplingPanel {
        id: samplingPanel
        y: -height - 8
        x: composer.width - width - composer.rightPadding - composer.leftPadding
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        // Attachment chips.
        ListView {
            id: chips
            objectName: "attachmentList"
            visible: count > 0
            orientation: ListView.Horizontal
            spacing: 8
            clip: true
            Layout.fillWidth: true
            Layout.preferredHeight: 58
            model: attachmentModel.model
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Attachments")
            delegate: AttachmentChip {
                onRemoveRequested: (row) => attachmentModel.remove(row)
                onPdfModeRequested: (row, mode) => attachmentModel.setPdfMode(row, mode)
            }
        }

        // What "auto" image resolution chose for the pictures, so that a smaller picture is no surprise.
        Label {
            objectName: "autoResolutionLabel"
            readonly property var names: ({
                max: qsTr("full resolution"),
                high: qsTr("high resolution"),
                medium: qsTr("medium resolution"),
                low: qsTr("low resolution")
            })
            visible: attachmentModel.hasImages && attachmentModel.imageResolutionInUse !== ""
            text: qsTr("Pictures are sent at %1, chosen to fit the context.")
                  .arg(names[attachmentModel.imageResolutionInUse] || attachmentModel.imageResolutionInUse)
            opacity: 0.75
            font.pixelSize: 12
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        // Before an overflow: say so, and offer ways to make the question smaller.
        Frame {
            objectName: "overflowWarning"
            visible: composer.overflow
            Layout.fillWidth: true
            padding: 8
            background: Rectangle {
                radius: 6
                color: Qt.rgba(0.85, 0.2, 0.2, 0.1)
                border.color: "#c0392b"
            }

            RowLayout {
                anchors.fill: parent
                spacing: 8
                Label {
                    objectName: "overflowLabel"
                    text: qsTr("This is %1 tokens more than the model can read.")
                          .arg(Number(composer.usedTokens - composer.contextLength).toLocaleString(Qt.locale(), "f", 0))
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "fewerPagesButton"
                    text: qsTr("Fewer pages…")
                    visible: attachmentModel.hasPdf
                    Accessible.name: text
                    onClicked: {
                        pageRangeDialog.row = attachmentModel.largestPdfRow();
                        pageRangeField.text = "1-10";
                        pageRangeDialog.open();
                    }
                }
                Button {
                    objectName: "fewerFramesButton"
                    text: qsTr("Fewer frames")
                    visible: attachmentModel.hasVideo
                    Accessible.name: text
                    onClicked: attachmentModel.reduceFrames()
                }
                Button {
                    objectName: "lowerResolutionButton"
                    text: qsTr("Lower image resolution")
                    visible: attachmentModel.hasImages
                    Accessible.name: text
                    onClicked: attachmentModel.lowerResolution()
                }
                // The explicit presets (the setting, saved), also when "auto" already chose the smallest.
                ComboBox {
                    objectName: "overflowResolutionCombo"
                    visible: attachmentModel.hasImages
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "auto", text: qsTr("Automatic resolution") },
                        { value: "high", text: qsTr("High resolution") },
                        { value: "medium", text: qsTr("Medium resolution") },
                        { value: "low", text: qsTr("Low resolution") }
                    ]
                    currentIndex: Math.max(0, indexOfValue(AppSettings.imageResolution))
                    onActivated: AppSettings.imageResolution = currentValue
                    Accessible.name: qsTr("Image resolution for every picture")
                }
            }
        }

        // A long prompt is being read: progress, time left, cancel.
        RowLayout {
            id: prefill
            objectName: "prefillProgress"
            property real startedAt: 0
            property real startedDone: 0
            readonly property real total: ChatController.prefillTotal
            readonly property real done: ChatController.prefillDone
            visible: ChatController.busy && total > 0 && done < total
            Layout.fillWidth: true
            spacing: 8

            function secondsLeft() {
                const elapsed = (Date.now() - startedAt) / 1000;
                const rate = elapsed > 0.5 ? (done - startedDone) / elapsed : 0;
                return rate > 0 ? (total - done) / rate : -1;
            }
            onTotalChanged: {
                startedAt = Date.now();
                startedDone = done;
            }

            ProgressBar {
                objectName: "prefillBar"
                from: 0
                to: Math.max(1, prefill.total)
                value: prefill.done
                Layout.fillWidth: true
                Accessible.name: qsTr("Reading the question")
            }
            Label {
                objectName: "prefillLabel"
                font.pixelSize: 11
                text: {
                    const left = prefill.done >= 0 ? prefill.secondsLeft() : -1;
                    const counts = qsTr("%1 of %2 tokens").arg(prefill.done).arg(prefill.total);
                    return left < 0 ? counts : qsTr("%1, about %2 s left").arg(counts).arg(Math.ceil(left));
                }
            }
            Button {
                objectName: "cancelPrefillButton"
                text: qsTr("Cancel")
                onClicked: ChatController.stop()
                Accessible.name: qsTr("Cancel the answer")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Button {
                objectName: "attachButton"
                text: qsTr("Attach…")
                Layout.alignment: Qt.AlignBottom
                Layout.preferredHeight: 40
                onClicked: composer.openFileDialog()
                Accessible.name: qsTr("Attach files")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Attach PDFs, images, videos or text files (Ctrl+O)")
            }

            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(Math.max(input.implicitHeight, 40), 160)
                background: Rectangle {
                    radius: 8
                    color: composer.palette.base
                    border.width: input.activeFocus ? 2 : 1
                    border.color: input.activeFocus ? composer.palette.highlight : composer.palette.mid
                }

                TextArea {
                    id: input
                    objectName: "composerInput"
                    placeholderText: qsTr("Type a question…")
                    wrapMode: TextEdit.Wrap
                    focus: true
                    leftPadding: 12
                    rightPadding: 12
                    topPadding: 10
                    bottomPadding: 10
                    background: null
                    Accessible.name: qsTr("Question")
                    onTextChanged: typingDebounce.restart()

                    function handleReturn(event) {
                        if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false;  // TextArea inserts the line break
                            return;
                        }
                        composer.submit();
                    }
                    Keys.onReturnPressed: (event) => handleReturn(event)
                    Keys.onEnterPressed: (event) => handleReturn(event)
                }
            }

            Button {
                objectName: "sendButton"
                text: qsTr("Send")
                enabled: composer.canSend
                highlighted: true
                Layout.alignment: Qt.AlignBottom
                Layout.preferredHeight: 40
                onClicked: composer.submit()
                Accessible.name: qsTr("Send")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            Switch {
                objectName: "thinkingSwitch"
                text: qsTr("Think first")
                checked: composer.thinking
                onToggled: ChatController.thinking = checked
                Accessible.name: qsTr("Think before answering")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("The model reasons before it answers: slower, often better. Saved per conversation.")
            }

            ToolButton {
                objectName: "advancedButton"
                text: qsTr("Advanced")
                checkable: true
                checked: samplingPanel.visible
                onClicked: samplingPanel.visible ? samplingPanel.close() : samplingPanel.open()
                Accessible.name: qsTr("Advanced sampling settings")
            }

            Item {
                Layout.fillWidth: true
            }

            ContextMeter {
                used: composer.usedTokens
                limit: composer.contextLength
                showEstimate: composer.longPrompt
                estimate: ChatController.promptEstimate
            }
        }
    }
}
