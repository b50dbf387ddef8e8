// Sidebar.qml: the conversations (newest first) with new chat, rename, delete with undo, and a full-text search
// whose hits show the matching words of each conversation.
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

Pane {
    id: sidebar
    objectName: "sidebar"

    readonly property bool searching: searchField.text.trim().length > 0

    function focusSearch() {
        searchField.forceActiveFocus();
        searchField.selectAll();
    }

    function renameCurrent() {
        const item = conversations.itemAtIndex(conversations.rowOfCurrent()) as ConversationDelegate;
        if (item)
            item.startRename();
    }

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
            Layout.fillWidth: true
            onClicked: ChatController.newConversation()
            Accessible.name: qsTr("New chat")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("New chat (Ctrl+N)")
        }

        TextField {
            id: searchField
            objectName: "searchField"
            placeholderText: qsTr("Search conversations")
            Layout.fillWidth: true
            selectByMouse: true
            onTextChanged: ChatController.search(text)
            Keys.onEscapePressed: text = ""
            Keys.onDownPressed: {
                results.forceActiveFocus();
                results.currentIndex = 0;
            }
            Accessible.name: qsTr("Search conversations")
        }

        Label {
            text: sidebar.searching ? qsTr("Search results") : qsTr("Conversations")
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
                visible: !sidebar.searching
                anchors.fill: parent
                clip: true
                model: ChatController.conversations
                currentIndex: ChatController.conversations.count > 0 ? rowOfCurrent() : -1
                keyNavigationEnabled: true
                Accessible.name: qsTr("Conversations")
                ScrollBar.vertical: ScrollBar {}

                function rowOfCurrent() {
                    return ChatController.conversations.rowOf(ChatController.currentConversationId);
                }

                // Arrow keys move currentIndex freely; opening a conversation (by any means) moves it back.
                Connections {
                    target: ChatController
                    function onCurrentConversationChanged() {
                        conversations.currentIndex = conversations.rowOfCurrent();
                    }
                }

                delegate: ConversationDelegate {
                    width: conversations.width
                }

                Keys.onReturnPressed: {
                    if (currentItem)
                        ChatController.selectConversation((currentItem as ConversationDelegate).conversationId);
                }
                Keys.onDeletePressed: {
                    if (currentItem)
                        ChatController.deleteConversation((currentItem as ConversationDelegate).conversationId);
                }
            }

            ListView {
                id: results
                objectName: "searchResults"
                visible: sidebar.searching
                anchors.fill: parent
                clip: true
                spacing: 2
                model: ChatController.searchHits
                keyNavigationEnabled: true
                Accessible.name: qsTr("Search results")

                delegate: ItemDelegate {
                    id: hit
                    required property int index
                    required property var modelData
                    width: results.width
                    highlighted: ListView.isCurrentItem
                    Accessible.name: hit.modelData.title
                    onClicked: ChatController.selectConversation(hit.modelData.conversationId)
                    Keys.onReturnPressed: ChatController.selectConversation(hit.modelData.conversationId)

                    contentItem: ColumnLayout {
                        spacing: 2
                        Label {
                            text: hit.modelData.title
                            elide: Text.ElideRight
                            font.weight: Font.DemiBold
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "searchSnippet"
                            text: hit.modelData.snippet
                            textFormat: Text.StyledText
                            wrapMode: Text.Wrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            font.pixelSize: 12
                            color: sidebar.palette.placeholderText
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            Label {
                objectName: "noConversationsLabel"
                visible: sidebar.searching ? results.count === 0 : conversations.count === 0
                text: sidebar.searching ? qsTr("No conversation mentions that") : qsTr("No conversations yet")
                color: sidebar.palette.placeholderText
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.topMargin: 16
            }
        }

        Pane {
            id: undoBar
            objectName: "undoBar"
            visible: ChatController.canUndoDelete
            Layout.fillWidth: true
            padding: 8
            background: Rectangle {
                radius: 6
                color: sidebar.palette.toolTipBase
                border.color: sidebar.palette.mid
            }

            RowLayout {
                anchors.fill: parent
                spacing: 6

                Label {
                    objectName: "undoLabel"
                    text: qsTr("Conversation deleted")
                    elide: Text.ElideRight
                    color: sidebar.palette.toolTipText
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "undoButton"
                    text: qsTr("Undo")
                    flat: true
                    onClicked: ChatController.undoDelete()
                    Accessible.name: qsTr("Undo deleting the conversation")
                }
            }
        }
    }
}
