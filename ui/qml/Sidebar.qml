// Sidebar.qml: the list of conversations on the left; empty until conversations are stored.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: sidebar
    objectName: "sidebar"

    padding: 12
    background: Rectangle {
        color: sidebar.palette.window
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Button {
            objectName: "newChatButton"
            text: qsTr("New chat")
            // Enabled once conversations can be created (storage and chat controller).
            enabled: false
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Conversations")
            font.pixelSize: 11
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            color: sidebar.palette.placeholderText
            Layout.topMargin: 8
            Layout.leftMargin: 2
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: conversations
                objectName: "conversationList"
                anchors.fill: parent
                clip: true
                // model and delegate arrive with conversation storage; until then the list is empty.
            }

            Label {
                objectName: "noConversationsLabel"
                visible: conversations.count === 0
                text: qsTr("No conversations yet")
                color: sidebar.palette.placeholderText
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.topMargin: 16
            }
        }
    }
}
