// Main.qml: Lectern's main window: header, conversation sidebar, chat area and composer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    // Set by the composition root (ui/main_window.cpp) from app::AppInfo.
    required property string productName
    required property string productVersion

    // The user sent the composer's text; the chat controller connects here once it exists.
    signal messageSubmitted(string text)

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

    header: AppHeader {
        productName: window.productName
        productVersion: window.productVersion
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            Layout.fillHeight: true
            Layout.preferredWidth: 264
        }

        Rectangle {
            Layout.fillHeight: true
            implicitWidth: 1
            color: window.palette.mid
            opacity: 0.5
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ChatArea {
                Layout.fillWidth: true
                Layout.fillHeight: true
            }

            Composer {
                Layout.fillWidth: true
                onSubmitted: (text) => window.messageSubmitted(text)
            }
        }
    }
}
