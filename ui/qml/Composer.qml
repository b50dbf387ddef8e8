// Composer.qml: where the user types a question. Send or Return submits it; Shift+Return starts a new line.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: composer
    objectName: "composer"

    // The trimmed text to send. The text stays in place: whoever accepts the message clears it (clear()).
    signal submitted(string text)

    readonly property bool canSend: input.text.trim().length > 0

    function submit() {
        if (canSend)
            submitted(input.text.trim());
    }

    function clear() {
        input.clear();
    }

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

    RowLayout {
        anchors.fill: parent
        spacing: 8

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
        }
    }
}
