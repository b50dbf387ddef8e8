// Main.qml: Lectern's main window: header, conversation sidebar, chat area and composer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    // Set by the composition root (ui/main_window.cpp) from app::AppInfo.
    required property string productName
    required property string productVersion

    // The main area shows the Extract view instead of the chat (header button, Ctrl+E).
    property bool extractMode: false

    // The user sent the composer's text; the chat controller connects here once it exists.
    signal messageSubmitted(string text)

    // `lectern FILE...` and files handed over by a second launch (ui/app_composition.cpp): a new conversation with
    // the files attached, ready for a question.
    function openFilesInNewChat(urls) {
        ChatController.newConversation();
        composer.clear();
        composer.addFiles(urls);
        composer.forceActiveFocus();
    }

    title: productName
    width: 1100
    height: 720
    minimumWidth: 760
    minimumHeight: 480
    visible: true

    Shortcut {
        objectName: "quitShortcut"
        sequence: "Ctrl+Q"
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }

    // Keyboard: everything the mouse can do in the sidebar and the chat (issue 7 item 9).
    Shortcut {
        objectName: "newChatShortcut"
        sequence: "Ctrl+N"
        onActivated: {
            ChatController.newConversation();
            composer.forceActiveFocus();
        }
    }
    Shortcut {
        objectName: "searchShortcut"
        sequences: ["Ctrl+F", "Ctrl+K"]
        onActivated: sidebar.focusSearch()
    }
    Shortcut {
        objectName: "renameShortcut"
        sequence: "F2"
        enabled: ChatController.currentConversationId !== 0
        onActivated: sidebar.renameCurrent()
    }
    Shortcut {
        objectName: "stopShortcut"
        sequence: "Esc"
        enabled: ChatController.busy
        onActivated: ChatController.stop()
    }

    Shortcut {
        objectName: "settingsShortcut"
        sequence: "Ctrl+,"
        onActivated: settingsDialog.open()
    }
    Shortcut {
        objectName: "extractShortcut"
        sequence: "Ctrl+E"
        onActivated: window.extractMode = !window.extractMode
    }
    Shortcut {
        objectName: "aboutShortcut"
        sequence: "F1"
        onActivated: aboutDialog.open()
    }

    // Attachments, settings and model setup (ui-attach).
    FileDropArea {
        anchors.fill: parent
        enabled: !window.extractMode  // the Extract view takes its own drops
        onFilesDropped: (urls) => composer.addFiles(urls)
    }
    SettingsDialog {
        id: settingsDialog
        onModelSettingsChanged: modelSetup.loadConfiguredModel()
    }
    ModelSetupDialog {
        id: modelSetup
    }
    AboutDialog {
        id: aboutDialog
    }
    footer: StatusLine {
        onServerSettingsRequested: settingsDialog.openServerSection()
    }

    header: AppHeader {
        productName: window.productName
        productVersion: window.productVersion
        onAboutRequested: aboutDialog.open()
        extractActive: window.extractMode
        onExtractToggled: window.extractMode = !window.extractMode
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ExtractView {
            visible: window.extractMode
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        Sidebar {
            id: sidebar
            visible: !window.extractMode
            Layout.fillHeight: true
            Layout.preferredWidth: 264
        }

        Rectangle {
            visible: !window.extractMode
            Layout.fillHeight: true
            implicitWidth: 1
            color: window.palette.mid
            opacity: 0.5
        }

        ColumnLayout {
            visible: !window.extractMode
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ChatArea {
                Layout.fillWidth: true
                Layout.fillHeight: true
            }

            Composer {
                id: composer
                Layout.fillWidth: true
                onSubmitted: (text) => {
                    window.messageSubmitted(text);
                    if (ChatController.send(text, composer.documents(), composer.thinking,
                                            composer.attachments.imageMaxPixelsInUse))
                        composer.clear();
                }
            }
        }
    }
}
