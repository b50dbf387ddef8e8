// AppHeader.qml: the window's top bar: app icon, product name and version, and the open conversation's title.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

ToolBar {
    id: appHeader
    objectName: "appHeader"

    required property string productName
    required property string productVersion

    // The About button was pressed (Main.qml opens the dialog; F1 does the same).
    signal aboutRequested()
    // The Extract button was toggled (Main.qml switches between the chat and the Extract view; Ctrl+E does the same).
    property bool extractActive: false
    signal extractToggled()

    topPadding: 8
    bottomPadding: 8
    leftPadding: 14
    rightPadding: 14

    RowLayout {
        anchors.fill: parent
        spacing: 10

        Image {
            source: "qrc:/icons/lectern.svg"
            sourceSize.width: 28
            sourceSize.height: 28
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
            Accessible.ignored: true
        }

        Label {
            objectName: "productNameLabel"
            text: appHeader.productName
            font.pixelSize: 17
            font.weight: Font.DemiBold
        }

        Label {
            objectName: "versionLabel"
            text: appHeader.productVersion
            font.pixelSize: 11
            color: appHeader.palette.placeholderText
            leftPadding: 7
            rightPadding: 7
            topPadding: 2
            bottomPadding: 2
            Accessible.name: qsTr("Version %1").arg(appHeader.productVersion)
            background: Rectangle {
                radius: height / 2
                color: "transparent"
                border.color: appHeader.palette.mid
            }
        }

        Label {
            objectName: "conversationTitleLabel"
            text: ChatController.currentTitle
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: 14
            Layout.fillWidth: true
            Accessible.name: qsTr("Conversation: %1").arg(text)
        }

        ToolButton {
            objectName: "extractButton"
            text: qsTr("Extract")
            checkable: true
            checked: appHeader.extractActive
            Accessible.name: qsTr("Extract data from files")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Extract tables of data from files (Ctrl+E)")
            onClicked: appHeader.extractToggled()
        }

        ToolButton {
            objectName: "aboutButton"
            text: qsTr("About")
            icon.source: "qrc:/icons/lectern.svg"
            display: AbstractButton.TextBesideIcon
            Accessible.name: qsTr("About Lectern")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("About Lectern (F1)")
            onClicked: appHeader.aboutRequested()
        }
    }
}
