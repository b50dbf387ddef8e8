// MessageDelegate.qml: one message of the chat: the question (with edit-and-resend) or the answer (reasoning,
// streamed Markdown, tokens and tokens per second, copy and regenerate).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

Item {
    id: message

    required property int index
    required property double messageId
    required property string role
    required property string content
    required property var blocks
    required property string reasoning
    required property int reasoningSeconds
    required property int generatedTokens
    required property double tokensPerSecond
    required property string finishReason
    required property bool streaming
    required property string error
    // The last row of the conversation: only its answer can be regenerated.
    property bool isLast: false

    readonly property bool isUser: role === "user"
    property bool editing: false

    implicitHeight: column.implicitHeight

    function startEdit() {
        editor.text = message.content;
        message.editing = true;
        editor.forceActiveFocus();
    }

    function submitEdit() {
        if (editor.text.trim().length > 0 && ChatController.editAndResend(message.messageId, editor.text))
            message.editing = false;
    }

    ColumnLayout {
        id: column
        width: parent.width
        spacing: 4

        Label {
            text: message.isUser ? qsTr("You") : qsTr("Lectern")
            font.pixelSize: 12
            font.weight: Font.DemiBold
            color: message.palette.placeholderText
            Layout.alignment: message.isUser ? Qt.AlignRight : Qt.AlignLeft
        }

        ReasoningBlock {
            visible: !message.isUser && (message.reasoning.length > 0 || (message.streaming && message.reasoningSeconds >= 0))
            text: message.reasoning
            seconds: message.reasoningSeconds
            streaming: message.streaming
            Layout.fillWidth: true
        }

        Rectangle {
            objectName: "messageBubble"
            visible: !message.editing
            radius: 10
            color: message.isUser ? message.palette.alternateBase : "transparent"
            border.width: message.isUser ? 1 : 0
            border.color: message.palette.mid
            Layout.alignment: message.isUser ? Qt.AlignRight : Qt.AlignLeft
            // A question's bubble is as wide as its longest line (the Markdown blocks wrap to whatever width they
            // get, so they cannot say), at most 80 % of the chat.
            Layout.preferredWidth: message.isUser ? Math.min(column.width * 0.8, naturalWidth.implicitWidth + 24 + 4)
                                                  : column.width
            Layout.maximumWidth: column.width
            implicitHeight: body.implicitHeight + (message.isUser ? 16 : 0)

            Text {
                id: naturalWidth
                visible: false
                text: message.content
                textFormat: Text.PlainText
                font.pixelSize: 14
                Accessible.ignored: true
            }

            MarkdownView {
                id: body
                blocks: message.blocks
                x: message.isUser ? 12 : 0
                y: message.isUser ? 8 : 0
                width: parent.width - 2 * x
            }
        }

        RowLayout {
            visible: message.streaming && message.content.length === 0
            spacing: 8

            BusyIndicator {
                objectName: "streamingIndicator"
                visible: parent.visible
                running: visible
                implicitWidth: 28
                implicitHeight: 28
                Accessible.name: waitingLabel.visible ? waitingLabel.text : qsTr("Generating the answer")
            }
            // Requests to the local API server came first: the one model answers them before this question.
            Label {
                id: waitingLabel
                objectName: "apiWaitLabel"
                visible: ChatController.apiRequestsAhead > 0
                text: qsTr("Waiting for %n API request(s)…", "", ChatController.apiRequestsAhead)
                font.pixelSize: 12
                color: message.palette.placeholderText
            }
        }

        ColumnLayout {
            visible: message.editing
            Layout.fillWidth: true
            spacing: 6

            TextArea {
                id: editor
                objectName: "editEditor"
                wrapMode: TextEdit.Wrap
                Layout.fillWidth: true
                Accessible.name: qsTr("Edit the question")
                Keys.onReturnPressed: (event) => {
                    if (event.modifiers & Qt.ShiftModifier) {
                        event.accepted = false;
                        return;
                    }
                    message.submitEdit();
                }
                Keys.onEscapePressed: message.editing = false
            }

            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button {
                    text: qsTr("Cancel")
                    onClicked: message.editing = false
                    Accessible.name: qsTr("Cancel editing")
                }
                Button {
                    objectName: "editSendButton"
                    text: qsTr("Send")
                    highlighted: true
                    enabled: editor.text.trim().length > 0 && !ChatController.busy
                    onClicked: message.submitEdit()
                    Accessible.name: qsTr("Send the edited question")
                }
            }
        }

        Label {
            objectName: "messageError"
            visible: message.error.length > 0
            text: message.error
            wrapMode: Text.Wrap
            color: "#c62828"
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: 2
            visible: !message.editing && !message.streaming
            Layout.alignment: message.isUser ? Qt.AlignRight : Qt.AlignLeft

            Label {
                objectName: "messageStats"
                visible: !message.isUser && message.generatedTokens >= 0
                text: message.tokensPerSecond >= 0
                      ? qsTr("%n tokens · %1 tokens/s", "", message.generatedTokens).arg(message.tokensPerSecond.toFixed(1))
                      : qsTr("%n tokens", "", message.generatedTokens)
                font.pixelSize: 11
                color: message.palette.placeholderText
                rightPadding: 8
            }

            Label {
                visible: message.finishReason === "cancelled" || message.finishReason === "length"
                text: message.finishReason === "cancelled" ? qsTr("Stopped") : qsTr("Cut off at the length limit")
                font.pixelSize: 11
                color: message.palette.placeholderText
                rightPadding: 8
            }

            ToolButton {
                objectName: "copyButton"
                text: qsTr("Copy")
                font.pixelSize: 12
                enabled: message.messageId !== 0
                onClicked: ChatController.copyMessage(message.messageId)
                Accessible.name: message.isUser ? qsTr("Copy the question") : qsTr("Copy the answer")
            }

            ToolButton {
                objectName: "editButton"
                visible: message.isUser
                text: qsTr("Edit")
                font.pixelSize: 12
                enabled: message.messageId !== 0 && !ChatController.busy
                onClicked: message.startEdit()
                Accessible.name: qsTr("Edit and resend the question")
            }

            ToolButton {
                objectName: "regenerateButton"
                visible: !message.isUser && message.isLast
                text: qsTr("Regenerate")
                font.pixelSize: 12
                enabled: message.messageId !== 0 && !ChatController.busy
                onClicked: ChatController.regenerate(message.messageId)
                Accessible.name: qsTr("Regenerate the answer")
            }
        }
    }
}
